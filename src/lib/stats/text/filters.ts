/**
 * The open-answer list's filters as URL search parameters, so a filtered list is a link and works
 * without JavaScript: the report's `from`/`to` months and `ch` channels, `group` (an NPS group),
 * `q` (a literal search, never a pattern), `term` (a word or phrase picked from the themes) and
 * `page`. Bad values are dropped.
 */
import { npsGroups, type NpsGroup } from '../../survey/conditions';
import { parseReportFilters } from '../report/filters';

export interface OpenAnswerFilters {
	from: string | null;
	to: string | null;
	channels: string[];
	group: NpsGroup | null;
	q: string;
	term: string | null;
	page: number;
}

const MAX_SEARCH = 100;

/** Filters from search parameters (unknown or malformed values ignored). */
export function parseOpenAnswerFilters(params: URLSearchParams): OpenAnswerFilters {
	const { from, to, channels } = parseReportFilters(params);
	const group = params.get('group');
	const term = (params.get('term') ?? '').trim().slice(0, MAX_SEARCH);
	const page = Number(params.get('page'));
	return {
		from,
		to,
		channels,
		group: npsGroups.includes(group as NpsGroup) ? (group as NpsGroup) : null,
		q: (params.get('q') ?? '').trim().slice(0, MAX_SEARCH),
		term: term === '' ? null : term,
		page: Number.isInteger(page) && page >= 1 ? page : 1
	};
}

/** The search string of filters with some changed (page back to 1 unless given), for links. */
export function openAnswerSearch(filters: OpenAnswerFilters, changes: Partial<OpenAnswerFilters> = {}): string {
	const f = { ...filters, page: 1, ...changes };
	const params = new URLSearchParams();
	if (f.from) params.set('from', f.from);
	if (f.to) params.set('to', f.to);
	for (const ch of f.channels) params.append('ch', ch);
	if (f.group) params.set('group', f.group);
	if (f.q) params.set('q', f.q);
	if (f.term) params.set('term', f.term);
	if (f.page > 1) params.set('page', String(f.page));
	const search = params.toString();
	return search ? `?${search}` : '?';
}

/** Whether an answer (its text and its words and phrases) passes the search and the picked term; the search is literal and ignores case. */
export function matchesText(text: string, terms: { words: readonly string[]; phrases: readonly string[] }, filters: Pick<OpenAnswerFilters, 'q' | 'term'>): boolean {
	if (filters.q && !text.toLocaleLowerCase().includes(filters.q.toLocaleLowerCase())) return false;
	return !filters.term || terms.words.includes(filters.term) || terms.phrases.includes(filters.term);
}
