import { beforeEach, describe, expect, it } from 'vitest';
import type { Section } from '../survey/definition';
import { orderSection, seedFrom, shuffled } from './randomize';

beforeEach(() => {
	expect.hasAssertions();
});

const codes = Array.from({ length: 12 }, (_, i) => `Q${i + 1}`);
const section: Section = {
	code: 'S1',
	title: { en: 'S' },
	items: codes.map((code) => ({ code, kind: 'text', text: { en: code }, required: false, maxLength: 10, multiline: false }))
};

describe('randomize', () => {
	it('gives the same order for the same seed and a permutation of the items', () => {
		const a = shuffled(codes, 'respondent-1');
		expect(shuffled(codes, 'respondent-1')).toEqual(a);
		expect([...a].sort()).toEqual([...codes].sort());
		expect(codes[0]).toBe('Q1');
	});

	it('gives different respondents different orders', () => {
		const orders = new Set(Array.from({ length: 20 }, (_, i) => shuffled(codes, `r${i}`).join()));
		expect(orders.size).toBeGreaterThan(15);
	});

	it('puts each item first about equally often', () => {
		const firsts = new Map<string, number>();
		for (let i = 0; i < 6000; i++) {
			const first = shuffled(codes, `seed-${i}`)[0];
			firsts.set(first, (firsts.get(first) ?? 0) + 1);
		}
		for (const code of codes) expect(firsts.get(code)).toBeGreaterThan(400);
	});

	it('orders a section per respondent and section, or leaves it as designed', () => {
		const ordered = orderSection(section, 'abc', true).items.map((i) => i.code);
		expect(orderSection(section, 'abc', true).items.map((i) => i.code)).toEqual(ordered);
		expect(ordered).not.toEqual(codes);
		expect(orderSection(section, 'abc', false)).toBe(section);
	});

	it('hashes strings to 32-bit seeds', () => {
		expect(seedFrom('')).toBe(0x811c9dc5);
		expect(seedFrom('a')).not.toBe(seedFrom('b'));
	});
});
