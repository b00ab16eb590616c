// Periods of a survey's trend: months ('YYYY-MM') in the survey's time zone are the cells of the
// analysis store; quarters ('YYYY-Qn') and years ('YYYY') are unions of months.

export type PeriodUnit = 'month' | 'quarter' | 'year';
export const periodUnits: readonly PeriodUnit[] = ['month', 'quarter', 'year'];

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function monthFormatter(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' });
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

/** The month 'YYYY-MM' that an instant (epoch ms) falls in, in `timeZone` (IANA); throws on an unknown zone. */
export function monthOf(epochMs: number, timeZone: string): string {
	let year = '';
	let month = '';
	for (const part of monthFormatter(timeZone).formatToParts(epochMs)) {
		if (part.type === 'year') year = part.value;
		else if (part.type === 'month') month = part.value;
	}
	return `${year.padStart(4, '0')}-${month}`;
}

/** True for a well-formed 'YYYY-MM'. */
export function isMonth(value: string): boolean {
	return MONTH_PATTERN.test(value);
}

/** The bucket of a month: itself, 'YYYY-Qn' or 'YYYY'. */
export function bucketOf(month: string, unit: PeriodUnit): string {
	if (unit === 'month') return month;
	const year = month.slice(0, 4);
	if (unit === 'year') return year;
	return `${year}-Q${Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The month after 'YYYY-MM'. */
export function nextMonth(month: string): string {
	const year = Number(month.slice(0, 4));
	const m = Number(month.slice(5, 7));
	return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `from` to `to` inclusive (empty when from > to). */
export function monthsBetween(from: string, to: string): string[] {
	const out: string[] = [];
	for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
	return out;
}

/** The buckets of the months (in order, each once). */
export function bucketsOf(months: readonly string[], unit: PeriodUnit): string[] {
	return [...new Set([...months].sort().map((m) => bucketOf(m, unit)))];
}

/** A bucket for people: '2025-03' → 'Mar 2025' / '2025年3月', '2025-Q2' → 'Q2 2025' / '2025年第2季度'. */
export function periodLabel(bucket: string, locale: string): string {
	const year = Number(bucket.slice(0, 4));
	const zh = locale.startsWith('zh');
	if (bucket.length === 4) return zh ? `${year}年` : String(year);
	if (bucket[5] === 'Q') return zh ? `${year}年第${bucket[6]}季度` : `Q${bucket[6]} ${year}`;
	const date = new Date(Date.UTC(year, Number(bucket.slice(5, 7)) - 1, 15));
	return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(date);
}
