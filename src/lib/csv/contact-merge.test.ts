import { beforeEach, describe, expect, it } from 'vitest';
import { planContactWrites, type StoredContact } from './contact-merge';
import type { ContactRow } from './contact-rows';

beforeEach(() => {
	expect.hasAssertions();
});

const stored = (id: string, externalId: string | null, email: string | null, extra: Partial<StoredContact> = {}): StoredContact => ({ id, externalId, email, name: 'Stored', language: 'zh-CN', attributes: { tier: 'core', region: 'north' }, ...extra });
const row = (n: number, externalId: string | null, email: string | null, extra: Partial<ContactRow> = {}): ContactRow => ({ row: n, externalId, email, name: null, language: null, attributes: {}, ...extra });
const columns = { externalId: 'external_id', email: 'email' };

describe('planContactWrites', () => {
	it('updates by external id, else by email, keeping stored values where the row is empty and merging attributes', () => {
		const writes = planContactWrites(
			[row(2, 'A1', 'new@example.com', { attributes: { tier: 'general' } }), row(3, 'B1', 'b@example.com', { name: 'Bo' }), row(4, 'C1', null)],
			[stored('a', 'A1', 'a@example.com'), stored('b', null, 'b@example.com')],
			columns
		);
		expect(writes.errors).toEqual([]);
		expect(writes.updates).toEqual([
			{ id: 'a', values: { externalId: 'A1', email: 'new@example.com', name: 'Stored', language: 'zh-CN', attributes: { tier: 'general', region: 'north' } } },
			{ id: 'b', values: { externalId: 'B1', email: 'b@example.com', name: 'Bo', language: 'zh-CN', attributes: { tier: 'core', region: 'north' } } }
		]);
		expect(writes.creates).toEqual([{ externalId: 'C1', email: null, name: '', language: null, attributes: {} }]);
	});

	it('refuses a row that takes another contact’s email or meets a contact with another external id, and a second row for one contact', () => {
		const writes = planContactWrites(
			[row(2, 'A1', 'b@example.com'), row(3, 'X9', 'c@example.com'), row(4, 'D1', null), row(5, null, 'd@example.com')],
			[stored('a', 'A1', 'a@example.com'), stored('b', 'B1', 'b@example.com'), stored('c', 'C1', 'c@example.com'), stored('d', 'D1', 'd@example.com')],
			columns
		);
		expect(writes.errors.map((e) => [e.row, e.column, e.reason.code, e.reason.params])).toEqual([
			[2, 'email', 'contacts.import.emailTaken', undefined],
			[3, 'external_id', 'contacts.import.otherExternalId', { existing: 'C1' }],
			[5, 'email', 'contacts.import.sameContact', { first: 4 }]
		]);
	});
});
