/**
 * Themes of a set of open answers: how many answers mention each word and each phrase (overall,
 * among detractors and among promoters), and the words over-represented among detractors against
 * promoters by weighted log-odds (log-odds.ts). Counts are answers mentioning a term, so one
 * customer repeating a word counts once. The prior is every answer's counts together (detractors,
 * passives, promoters and answers without an NPS group), the informative prior of Monroe et al.
 */
import type { NpsGroup } from '../../survey/conditions';
import { weightedLogOdds, type LogOddsRow } from '../log-odds';
import type { TextTerms } from './tokenize';

export interface TermCount {
	term: string;
	/** Answers mentioning it: all, detractors', promoters'. */
	count: number;
	detractors: number;
	promoters: number;
}

export interface Themes {
	answers: number;
	detractors: number;
	promoters: number;
	words: TermCount[];
	phrases: TermCount[];
	/** Most over-represented first; z > 0 among detractors, z < 0 among promoters. */
	detractorWords: LogOddsRow[];
	promoterWords: LogOddsRow[];
}

/** |z| from which a word's over-representation is called clear (two-sided 5 %). */
export const CLEAR_Z = 1.96;

type Counts = Map<string, number>;
const bump = (counts: Counts, terms: Iterable<string>) => {
	for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
};

function tally(all: Counts, detractors: Counts, promoters: Counts, limit: number, minimum: number): TermCount[] {
	return [...all]
		.filter(([, count]) => count >= minimum)
		.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
		.slice(0, limit)
		.map(([term, count]) => ({ term, count, detractors: detractors.get(term) ?? 0, promoters: promoters.get(term) ?? 0 }));
}

/** Collects answers one at a time, so a large survey needs memory for its vocabulary only. */
export class ThemeCollector {
	private answers = 0;
	private readonly groups = { detractor: 0, promoter: 0 };
	private readonly words = { all: new Map() as Counts, detractor: new Map() as Counts, promoter: new Map() as Counts };
	private readonly phrases = { all: new Map() as Counts, detractor: new Map() as Counts, promoter: new Map() as Counts };

	add(terms: TextTerms, group: NpsGroup | null): void {
		this.answers++;
		const words = new Set(terms.words);
		const phrases = new Set(terms.phrases);
		bump(this.words.all, words);
		bump(this.phrases.all, phrases);
		if (group === 'detractor' || group === 'promoter') {
			this.groups[group]++;
			bump(this.words[group], words);
			bump(this.phrases[group], phrases);
		}
	}

	/** The `limit` most mentioned words and phrases (phrases said at least twice) and the `limit` most over-represented words each way (none unless both groups answered). */
	finish(limit: number): Themes {
		const w = this.words;
		// Without answers from both groups there is nothing to compare.
		const odds = this.groups.detractor > 0 && this.groups.promoter > 0 ? weightedLogOdds(w.detractor, w.promoter, w.all) : [];
		// A word neither group used leans only with the groups' sizes: it is not theirs to compare.
		const byZ = (sign: 1 | -1) => odds.filter((r) => sign * r.z > 0 && r.countI + r.countJ > 0).sort((a, b) => sign * (b.z - a.z) || a.word.localeCompare(b.word)).slice(0, limit);
		return {
			answers: this.answers,
			detractors: this.groups.detractor,
			promoters: this.groups.promoter,
			words: tally(w.all, w.detractor, w.promoter, limit, 1),
			phrases: tally(this.phrases.all, this.phrases.detractor, this.phrases.promoter, limit, 2),
			detractorWords: byZ(1),
			promoterWords: byZ(-1)
		};
	}
}
