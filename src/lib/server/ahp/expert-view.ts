// What the expert's pages receive: names in both languages, choices per pair, no other expert's data.
import { comparisonPairs, judgmentFor, nearestScalePoint } from '../../stats/weights/ahp-round';
import { pageJudgments, pageResult, type ExpertPage, type ExpertState, type ExpertView } from './expert';

export interface Names {
	zh: string;
	en: string;
}

export interface ExpertRoundModel {
	title: string;
	system: Names;
	state: ExpertState;
	deadline: number | null;
	submittedAt: number | null;
	label: string;
}

export interface ExpertPageModel {
	/** Whose children are compared: a node, or the system for level-1 nodes. */
	parent: Names;
	children: { code: string; name: Names }[];
	/** Scale choice (9 … 1 … −9) per pair of comparisonPairs(children), null when unanswered. */
	choices: (number | null)[];
}

export interface ExpertOverviewPage {
	parent: Names;
	pairs: number;
	answered: number;
	/** CR when every pair is answered. */
	cr: number | null;
	consistent: boolean | null;
}

/** The round as the expert sees it. */
export function roundModel(view: ExpertView): ExpertRoundModel {
	return {
		title: view.round.title,
		system: { zh: view.system.nameZh, en: view.system.nameEn },
		state: view.state,
		deadline: view.round.deadline,
		submittedAt: view.expert.submittedAt,
		label: view.expert.label
	};
}

function parentNames(view: ExpertView, page: ExpertPage): Names {
	return page.parent ? { zh: page.parent.nameZh, en: page.parent.nameEn } : { zh: view.system.nameZh, en: view.system.nameEn };
}

/** One page of the form with the expert's saved choices. */
export function pageModel(view: ExpertView, page: ExpertPage): ExpertPageModel {
	const judgments = pageJudgments(view, page);
	const codes = page.children.map((c) => c.code);
	return {
		parent: parentNames(view, page),
		children: page.children.map((c) => ({ code: c.code, name: { zh: c.nameZh, en: c.nameEn } })),
		choices: comparisonPairs(codes).map((p) => {
			const value = judgmentFor(judgments, p.row, p.col);
			return value === undefined ? null : nearestScalePoint(value).choice;
		})
	};
}

/** Progress and consistency of every page, for the overview. */
export function overviewModel(view: ExpertView): ExpertOverviewPage[] {
	return view.pages.map((page) => {
		const result = pageResult(view, page);
		const pairs = comparisonPairs(page.children.map((c) => c.code)).length;
		return {
			parent: parentNames(view, page),
			pairs,
			answered: result.complete ? pairs : pairs - result.missing.length,
			cr: result.complete ? result.cr : null,
			consistent: result.complete ? result.consistent : null
		};
	});
}
