// The open answers of a survey with their themes: each text answer beside its respondent's NPS
// group and CSI band (with the weights the report's CSI uses for the same period and channels),
// word and phrase counts, and the words detractors use more than promoters. One pass over the
// period's raw responses. What the open-answers page calls.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { scanResponses } from '../repo/analysis-store';
import { findOpenAnswerSharing } from '../repo/open-answers';
import { accessAtLeast, type SurveyAccess } from '../repo/surveys';
import { answerTerms } from '../text/segmenter';
import { scoring } from '../../stats/report/model';
import { csiBandOf, respondentPlacer, type CsiBand, type RespondentPlace } from '../../stats/report/respondent';
import { reportStructure } from '../../stats/report/structure';
import { matchesText, type OpenAnswerFilters } from '../../stats/text/filters';
import { ThemeCollector, type Themes } from '../../stats/text/themes';
import type { NpsGroup } from '../../survey/conditions';
import { allItems, type Answers, type LocalText } from '../../survey/definition';
import { monthOf } from '../../survey/periods';
import { loadAnalysisContext, type AnalysisContext } from './context';
import { buildSurveyReport, type SurveyReport } from './report';

type Db = Kysely<Database>;

export interface OpenAnswerRow {
	responseId: string;
	question: string;
	text: string;
	submittedAt: number;
	channel: string;
	group: NpsGroup | null;
	csi: number | null;
	band: CsiBand | null;
}

export interface OpenAnswersView {
	/** The survey's open questions (newest wording), in questionnaire order. */
	questions: { code: string; text: LocalText }[];
	available: SurveyReport['available'];
	timeZone: string;
	themes: Themes;
	/** The answers passing every filter, newest first, one page of them; null when the reader may not see answers. */
	list: { rows: OpenAnswerRow[]; total: number; page: number; pages: number } | null;
	timing: { ms: number; scanned: number };
}

export const ANSWERS_PER_PAGE = 50;
const THEMES_SHOWN = 15;

/** Open questions of every version, newest wording winning, in the newest questionnaire's order. */
function openQuestions(context: AnalysisContext): OpenAnswersView['questions'] {
	const byCode = new Map<string, LocalText>();
	for (const v of [...context.versions].reverse()) for (const item of allItems(v.definition)) if (item.kind === 'text' && !byCode.has(item.code)) byCode.set(item.code, item.text);
	return [...byCode].map(([code, text]) => ({ code, text }));
}

/** Places respondents with the CSI weights of the report for the same period and channels. */
function placerFor(context: AnalysisContext, report: SurveyReport): (answers: Answers) => RespondentPlace {
	const definition = context.versions.at(-1)?.definition ?? { sections: [] };
	const structure = reportStructure(context.union, definition, context.system);
	const { model } = report;
	const chosen = model.weights.find((w) => w.method === model.method.selected)?.weights ?? structure.dimensions.map(() => 1 / Math.max(1, structure.dimensions.length));
	return respondentPlacer(context.union, scoring(structure, model.method.selected, chosen).csi, structure.nps);
}

interface Pass {
	themes: ThemeCollector;
	rows: OpenAnswerRow[];
	scanned: number;
}

async function scan(db: Db, context: AnalysisContext, codes: string[], place: (a: Answers) => RespondentPlace, filters: OpenAnswerFilters, keepRows: boolean): Promise<Pass> {
	const pass: Pass = { themes: new ThemeCollector(), rows: [], scanned: 0 };
	if (codes.length === 0) return pass;
	const tz = context.survey.settings.timeZone;
	for await (const page of scanResponses(db, context.survey.id)) {
		pass.scanned += page.length;
		for (const r of page) {
			const texts = codes.flatMap((code) => (typeof r.answers[code] === 'string' && (r.answers[code] as string).trim() !== '' ? [[code, r.answers[code] as string]] : []));
			if (texts.length === 0) continue;
			const month = monthOf(r.submittedAt, tz);
			if ((filters.from && month < filters.from) || (filters.to && month > filters.to) || (filters.channels.length > 0 && !filters.channels.includes(r.channel))) continue;
			const { group, csi } = place(r.answers);
			for (const [question, text] of texts) {
				const terms = answerTerms(text);
				pass.themes.add(terms, group);
				if (keepRows && (!filters.group || filters.group === group) && matchesText(text, terms, filters))
					pass.rows.push({ responseId: r.id, question, text, submittedAt: r.submittedAt, channel: r.channel, group, csi, band: csi === null ? null : csiBandOf(csi) });
			}
		}
	}
	return pass;
}

/** The survey's open answers and themes for the filters; undefined when the survey does not exist. `showAnswers` false gives themes and counts only. */
export async function buildOpenAnswers(db: Db, surveyId: string, filters: OpenAnswerFilters, showAnswers: boolean): Promise<OpenAnswersView | undefined> {
	const started = performance.now();
	const context = await loadAnalysisContext(db, surveyId);
	if (!context) return undefined;
	const report = await buildSurveyReport(db, surveyId, { from: filters.from, to: filters.to, channels: filters.channels, segment: {}, unit: 'quarter' });
	if (!report) return undefined;
	const questions = openQuestions(context);
	const pass = await scan(db, context, questions.map((q) => q.code), placerFor(context, report), filters, showAnswers);
	const total = pass.rows.length;
	const pages = Math.max(1, Math.ceil(total / ANSWERS_PER_PAGE));
	const page = Math.min(filters.page, pages);
	const rows = pass.rows.reverse().slice((page - 1) * ANSWERS_PER_PAGE, page * ANSWERS_PER_PAGE);
	return {
		questions,
		available: report.available,
		timeZone: context.survey.settings.timeZone,
		themes: pass.themes.finish(THEMES_SHOWN),
		list: showAnswers ? { rows, total, page, pages } : null,
		timing: { ms: performance.now() - started, scanned: pass.scanned }
	};
}

/** Whether a reader with this access to the survey may read its open answers (not only their themes and counts). */
export async function mayReadOpenAnswers(db: Db, surveyId: string, access: SurveyAccess): Promise<boolean> {
	return accessAtLeast(access, 'edit') || findOpenAnswerSharing(db, surveyId);
}
