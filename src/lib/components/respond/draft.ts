// Unfinished answers kept in this browser (localStorage), so a reload or a lost connection loses
// nothing; cleared once the response is stored. Quietly does nothing where storage is refused.
import type { RawAnswers } from '$lib/survey/answers';
import type { SurveyLanguage } from '$lib/survey/definition';

export interface Draft {
	answers: RawAnswers;
	page: number;
	startedAt: number;
	seed: string;
	language: SurveyLanguage;
	savedAt: number;
}

/** Drafts older than this belong to another visit. */
const MAX_AGE_MS = 7 * 24 * 60 * 60_000;

export function saveDraft(key: string, draft: Omit<Draft, 'savedAt'>): void {
	try {
		localStorage.setItem(key, JSON.stringify({ ...draft, savedAt: Date.now() }));
	} catch {
		// Private mode or a full quota: the server-side paging still keeps answers between pages.
	}
}

/** The saved draft, if there is a recent, well-formed one. */
export function readDraft(key: string): Draft | undefined {
	try {
		const draft = JSON.parse(localStorage.getItem(key) ?? 'null') as Draft | null;
		if (!draft || typeof draft.answers !== 'object' || typeof draft.seed !== 'string' || !Number.isInteger(draft.startedAt)) return undefined;
		return Date.now() - draft.savedAt < MAX_AGE_MS ? draft : undefined;
	} catch {
		return undefined;
	}
}

export function clearDraft(key: string): void {
	try {
		localStorage.removeItem(key);
	} catch {
		// Nothing to clear where storage is unavailable.
	}
}
