import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { base32Groups, randomToken, timeOrderedId } from './ids';

describe('time-ordered ids', () => {
	it('sort by creation time and stay unique within one millisecond', () => {
		const base = Date.UTC(2026, 10, 26, 12);
		const ids = [base, base + 1, base + 1000, base + 86_400_000, base + 86_400_000].map((at) => timeOrderedId(at));
		expect(ids.slice(0, 4)).toEqual([...ids.slice(0, 4)].sort());
		expect(ids[4]).not.toBe(ids[3]);
		expect(ids[4].slice(0, 12)).toBe(ids[3].slice(0, 12));
		for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}[a-z2-7]{24}$/);
	});
});

describe('random tokens', () => {
	it('are 32 base32 characters, never repeated across many pool refills', () => {
		const tokens = Array.from({ length: 2000 }, () => randomToken());
		for (const token of tokens) expect(token).toMatch(/^[a-z2-7]{32}$/);
		expect(new Set(tokens).size).toBe(tokens.length);
	});
});

describe('base32 of whole 5-byte groups', () => {
	it('is the same text as the @oslojs/encoding encoder gives', () => {
		const samples = [new Uint8Array(5), new Uint8Array(5).fill(255), ...Array.from({ length: 500 }, (_, i) => randomBytes(5 * (1 + (i % 8))))];
		for (const bytes of samples) expect(base32Groups(bytes)).toBe(encodeBase32LowerCaseNoPadding(bytes));
	});

	it('refuses a partial group', () => {
		expect(() => base32Groups(new Uint8Array(3))).toThrow();
	});
});
