/**
 * Report filters as URL search parameters, so a filtered report is a shareable link:
 * `from`/`to` months (YYYY-MM), `ch` channels (repeatable), `unit` month|quarter|year and
 * `seg` = CODE:option (repeatable) for answers of choice items. Bad values are dropped.
 */
import { isMonth, periodUnits, type PeriodUnit } from '../../survey/periods';
import type { ReportFilters } from './model';

const SEGMENT = /^([A-Za-z][\w-]{0,31}):([\w-]{1,64})$/;

/** Filters from search parameters (unknown or malformed values ignored). */
export function parseReportFilters(params: URLSearchParams): ReportFilters {
	const month = (name: string) => {
		const value = params.get(name);
		return value && isMonth(value) ? value : null;
	};
	const unitParam = params.get('unit');
	const unit: PeriodUnit = periodUnits.includes(unitParam as PeriodUnit) ? (unitParam as PeriodUnit) : 'quarter';
	const segment: Record<string, string[]> = {};
	for (const value of params.getAll('seg')) {
		const m = SEGMENT.exec(value);
		if (m) segment[m[1]] = [...new Set([...(segment[m[1]] ?? []), m[2]])];
	}
	let from = month('from');
	let to = month('to');
	if (from && to && from > to) [from, to] = [to, from];
	return { from, to, channels: [...new Set(params.getAll('ch').filter((c) => c.length > 0 && c.length <= 64))], segment, unit };
}

/** The search parameters of filters (the inverse of parseReportFilters). */
export function filtersToSearch(filters: ReportFilters): URLSearchParams {
	const params = new URLSearchParams();
	if (filters.from) params.set('from', filters.from);
	if (filters.to) params.set('to', filters.to);
	for (const ch of filters.channels) params.append('ch', ch);
	if (filters.unit !== 'quarter') params.set('unit', filters.unit);
	for (const [code, options] of Object.entries(filters.segment)) for (const o of options) params.append('seg', `${code}:${o}`);
	return params;
}

/** Whether a response's answers match every segment filter (multiple choice: any chosen option counts). */
export function matchesSegment(answers: Record<string, unknown>, segment: ReportFilters['segment']): boolean {
	return Object.entries(segment).every(([code, options]) => {
		const answer = answers[code];
		if (typeof answer === 'string') return options.includes(answer);
		return Array.isArray(answer) && answer.some((a) => options.includes(a));
	});
}
