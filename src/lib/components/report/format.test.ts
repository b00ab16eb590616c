import { beforeEach, describe, expect, it } from 'vitest';
import { percentText, signed } from './format';
import type { I18n } from '$lib/i18n/context.svelte';

beforeEach(() => expect.hasAssertions());

// Only `number` of the page's I18n is used by the formatters.
const en = { locale: 'en', number: (x: number, options: Intl.NumberFormatOptions) => new Intl.NumberFormat('en', options).format(x) } as unknown as I18n;

describe('signed', () => {
	it('signs a change by the figure shown, so nothing reads minus zero', () => {
		expect([2.44, -3.06, -0.03, 0.04, 0, -0.05].map((x) => signed(en, x))).toEqual(['+2.4', '−3.1', '±0.0', '±0.0', '±0.0', '−0.1']);
	});
});

describe('percentText', () => {
	const zh = { ...en, locale: 'zh-CN' } as unknown as I18n;
	it("writes a share as each language's catalogue does, and a dash alone for none", () => {
		expect([percentText(en, 20), percentText(zh, 37.14), percentText(zh, null)]).toEqual(['20.0 %', '37.1%', '—']);
	});
});
