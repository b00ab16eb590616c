/**
 * Report filters as URL search parameters, so a filtered report is a shareable link:
 * `from`/`to` months (YYYY-MM), `ch` channels (repeatable), `unit` month|quarter|year and
 * `seg` = CODE:option (repeatable) for answers of choice items, `cs` = key:value (repeatable)
 * for contact attribute values, and `hs`/`hl`/`hv` the lowest satisfaction, loyalty and value
 * answers that count as high in the segments. Bad values are dropped.
 */
import { isMonth, periodUnits, type PeriodUnit } from '../../survey/periods';
import type { ReportFilters } from './model';

const CUTOFF_PARAMS = { hs: 'satisfaction', hl: 'loyalty', hv: 'value' } as const;
const SEGMENT = /^([A-Za-z][\w-]{0,31}):([\w-]{1,64})$/;
/** An attribute key as contact imports make them (no colon), then any value. */
const CONTACT = /^([\p{L}\p{N}_]{1,40}):(.{1,200})$/u;

/** Repeatable `name=KEY:value` parameters as key → distinct values. */
function pairsOf(params: URLSearchParams, name: string, pattern: RegExp): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const value of params.getAll(name)) {
		const m = pattern.exec(value);
		if (m) out[m[1]] = [...new Set([...(out[m[1]] ?? []), m[2]])];
	}
	return out;
}

/** Filters from search parameters (unknown or malformed values ignored). */
export function parseReportFilters(params: URLSearchParams): ReportFilters {
	const month = (name: string) => {
		const value = params.get(name);
		return value && isMonth(value) ? value : null;
	};
	const unitParam = params.get('unit');
	const unit: PeriodUnit = periodUnits.includes(unitParam as PeriodUnit) ? (unitParam as PeriodUnit) : 'quarter';
	let from = month('from');
	let to = month('to');
	if (from && to && from > to) [from, to] = [to, from];
	const channels = [...new Set(params.getAll('ch').filter((c) => c.length > 0 && c.length <= 64))];
	const cutoffs = Object.fromEntries(
		Object.entries(CUTOFF_PARAMS).flatMap(([name, key]) => {
			const value = Number(params.get(name) ?? '');
			return params.get(name) && Number.isInteger(value) && value >= 0 && value <= 100 ? [[key, value]] : [];
		})
	);
	return { from, to, channels, segment: pairsOf(params, 'seg', SEGMENT), contact: pairsOf(params, 'cs', CONTACT), unit, ...(Object.keys(cutoffs).length > 0 ? { cutoffs } : {}) };
}

/** The search parameters of filters (the inverse of parseReportFilters). */
export function filtersToSearch(filters: ReportFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.from) params.set('from', filters.from);
	if (filters.to) params.set('to', filters.to);
	for (const ch of filters.channels) params.append('ch', ch);
	if (filters.unit !== 'quarter') params.set('unit', filters.unit);
	for (const [code, options] of Object.entries(filters.segment)) for (const o of options) params.append('seg', `${code}:${o}`);
	for (const [key, values] of Object.entries(filters.contact ?? {})) for (const v of values) params.append('cs', `${key}:${v}`);
	for (const [name, key] of Object.entries(CUTOFF_PARAMS)) if (filters.cutoffs?.[key] !== undefined) params.set(name, String(filters.cutoffs[key]));
	return params;
}

/** Whether a response's contact values (null without a contact) match every contact filter. */
export function matchesContact(values: Record<string, string> | null, contact: ReportFilters['contact']): boolean {
	return Object.entries(contact ?? {}).every(([key, wanted]) => values !== null && wanted.includes(values[key]));
}

/** Whether a response's answers match every segment filter (multiple choice: any chosen option counts). */
export function matchesSegment(answers: Record<string, unknown>, segment: ReportFilters['segment']): boolean {
	return Object.entries(segment).every(([code, options]) => {
		const answer = answers[code];
		if (typeof answer === 'string') return options.includes(answer);
		return Array.isArray(answer) && answer.some((a) => options.includes(a));
	});
}
