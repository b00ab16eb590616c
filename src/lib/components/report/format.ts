// Number formatting shared by the report sections (through the page's Intl locale).
import type { I18n } from '$lib/i18n/context.svelte';

export const MIN_N = 30;

/** x with `digits` decimals, '—' for null. */
export function fmt(i18n: I18n, x: number | null | undefined, digits = 1): string {
	return x === null || x === undefined || !Number.isFinite(x) ? '—' : i18n.number(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A signed change, e.g. '+2.4' / '−3.1'; the sign follows the shown figure, so −0.03 reads '±0.0', not '−0.0'. */
export function signed(i18n: I18n, x: number): string {
	const shown = Math.sign(x) * Math.round(Math.abs(x) * 10); // halves away from zero, as Intl rounds
	return (shown > 0 ? '+' : shown < 0 ? '−' : '±') + fmt(i18n, Math.abs(x));
}

/** A share in per cent as the catalogues write it: '20.0 %' in English, '20.0%' in Chinese. */
export function percentText(i18n: I18n, x: number | null | undefined): string {
	const figure = fmt(i18n, x);
	return figure === '—' ? figure : figure + (i18n.locale === 'zh-CN' ? '%' : ' %');
}

// The findings' sentences and the report's tables write a p value the same way.
export { pText } from '$lib/stats/report/findings';

/** The name in the reader's language. */
export function nameOf(i18n: I18n, name: { zh: string; en: string }): string {
	return i18n.locale.startsWith('zh') ? name.zh : name.en;
}

/** The short label of an item column in the reader's language, the code when the report has no such item. */
export function itemLabel(i18n: I18n, items: readonly { code: string; label: { zh: string; en: string } }[], code: string): string {
	const item = items.find((it) => it.code === code);
	return item ? nameOf(i18n, item.label) : code;
}

/** 'lower–upper' of an estimate's 95 % CI, with '*' when it was computed on the logit scale; '—' without one. */
export function ciText(i18n: I18n, e: { lower: number | null; upper: number | null; interval: string | null } | null | undefined): string {
	if (!e || e.lower === null || e.upper === null) return '—';
	return `${fmt(i18n, e.lower)}–${fmt(i18n, e.upper)}${e.interval === 'logit-t' ? '*' : ''}`;
}
