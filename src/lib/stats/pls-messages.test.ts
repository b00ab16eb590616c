import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import en from '../../../messages/en/pls.json';
import zh from '../../../messages/zh-CN/pls.json';

beforeEach(() => expect.hasAssertions());

const here = path.dirname(new URL(import.meta.url).pathname);
const sources = readdirSync(here).filter(
	(f) => /^(pls|reliability|acsi-index|htmt)[\w-]*\.ts$/.test(f) && !f.endsWith('.test.ts')
);
const codesInSource = new Set(
	sources.flatMap((f) => [...readFileSync(path.join(here, f), 'utf8').matchAll(/'(stats\.[\w.]+)'/g)].map((m) => m[1]))
);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('PLS and reliability messages', () => {
	it('have an English and a Chinese text for every code the engine returns, and no others', () => {
		expect(codesInSource.size).toBeGreaterThan(20);
		expect(Object.keys(en).sort()).toEqual([...codesInSource].sort());
		expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
	});

	it('use the same placeholders in both languages', () => {
		for (const [key, text] of Object.entries(en)) {
			expect(placeholders((zh as Record<string, string>)[key]), key).toEqual(placeholders(text));
		}
	});
});
