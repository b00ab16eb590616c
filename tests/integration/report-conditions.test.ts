// Reports of a questionnaire with display conditions, on each engine: the store counts who was
// shown each conditional item, so "asked of n of N" and every other figure from the store equal
// those of a raw scan, for the whole time and a filtered period, also when cells stored without
// these counts are met (their layout no longer matches, so the store is rebuilt).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from '../../src/lib/i18n/catalogs';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { submitResponse } from '../../src/lib/server/collection/submit';
import type { Survey } from '../../src/lib/server/repo/surveys';
import type { RawAnswers } from '../../src/lib/survey/answers';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import type { ReportFilters } from '../../src/lib/stats/report/model';
import { collectionDefinition, createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Section S2 is shown to detractors only; HOW is asked once WHY is answered. */
const detractorFollowUp: SurveyDefinition = {
	sections: [
		{ ...collectionDefinition.sections[0], items: [...collectionDefinition.sections[0].items, collectionDefinition.sections[1].items[0]] },
		{
			code: 'S2',
			title: t('What went wrong', '哪里做得不好'),
			showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] },
			items: [
				{ code: 'WHY', kind: 'single', text: t('Main reason', '主要原因'), required: true, options: [{ code: 'wait', label: t('Waiting', '等候') }], other: false },
				{ code: 'HOW', kind: 'likert', text: t('Was it put right?', '问题解决了吗？'), required: false, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false }
			]
		}
	]
};

// Posted answers (Shanghai time zone, so 10 Oct and 10 Nov are clearly in their months):
//   October:  NPS 10 with a forged HOW 1 (dropped: not a detractor) · NPS 2, HOW 4
//   November: NPS 3, HOW 2 · NPS 6, HOW left blank · NPS 9
// All time: N = 5, HOW shown to the three detractors, answered by two (4 and 2) → mean 3, missing 1.
// November: N = 3, HOW shown to 2, answered by 1 (2) → missing 1.
const october = Date.UTC(2026, 9, 10);
const november = Date.UTC(2026, 10, 10);
const posts: [number, RawAnswers][] = [
	[october, { Q1: '4', Q2: '5', NPS: '10', WHY: 'wait', HOW: '1' }],
	[october, { Q1: '2', Q2: '2', NPS: '2', WHY: 'wait', HOW: '4' }],
	[november, { Q1: '3', Q2: '1', NPS: '3', WHY: 'wait', HOW: '2' }],
	[november, { Q1: '3', Q2: '3', NPS: '6', WHY: 'wait' }],
	[november, { Q1: '5', Q2: '4', NPS: '9' }]
];

const allTime: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'month' };
const novemberOnly: ReportFilters = { ...allTime, from: '2026-11', to: '2026-11' };

describe.each(engines)('reports with display conditions on %s', (engine) => {
	const db = useTestDb(engine);
	let survey: Survey;

	beforeAll(async () => {
		survey = await createOpenSurvey(db.db, {}, {}, detractorFollowUp);
		for (const [now, raw] of posts) {
			const outcome = await submitResponse(db.db, { survey, raw, language: 'zh-CN', source: 'web', now });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
	});

	const how = async (filters: ReportFilters, source: 'store' | 'raw' = 'store') => {
		const report = await buildSurveyReport(db.db, survey.id, filters, { source, messages: catalogs });
		return { model: report!.model, row: report!.model.items.find((i) => i.code === 'HOW')! };
	};

	it('says who was asked a conditional item, in both languages', async () => {
		const { model, row } = await how(allTime);
		expect(model.n).toBe(5);
		expect(row).toMatchObject({ n: 2, mean: 3, missing: 1, asked: { n: 3, of: 5 } });
		expect(row.condition).toEqual({ en: 'Shown when NPS places the respondent among the detractors (0–6)', zh: 'NPS的回答属于贬损者（0–6分）时显示' });
		expect(model.items.find((i) => i.code === 'Q1')).toMatchObject({ n: 5, missing: 0, asked: null });
		expect((await how(novemberOnly)).row).toMatchObject({ n: 1, missing: 1, asked: { n: 2, of: 3 } });
	});

	it('says only the counts where no catalogues are given (benchmarks, tools without messages)', async () => {
		const report = await buildSurveyReport(db.db, survey.id, allTime);
		expect(report!.model.items.find((i) => i.code === 'HOW')).toMatchObject({ asked: { n: 3, of: 5 }, condition: null });
	});

	it('gives the same report from the store as from a raw scan', async () => {
		for (const filters of [allTime, novemberOnly]) {
			const store = await how(filters);
			const raw = await how(filters, 'raw');
			expect(store.model.source).toBe('store');
			expect({ ...raw.model, source: 'store' }).toEqual(store.model);
		}
	});

	it('rebuilds cells stored without shown counts', async () => {
		await how(allTime);
		const cells = await db.db.selectFrom('analysis_cells').select(['version_id', 'period', 'channel', 'data', 'layout']).where('survey_id', '=', survey.id).execute();
		for (const cell of cells) {
			const { shown: _, ...data } = JSON.parse(cell.data);
			const { v: __, ...layout } = JSON.parse(cell.layout);
			await db.db.updateTable('analysis_cells').set({ data: JSON.stringify(data), layout: JSON.stringify(layout) }).where('survey_id', '=', survey.id).where('version_id', '=', cell.version_id).where('period', '=', cell.period).where('channel', '=', cell.channel).execute();
		}
		expect((await how(allTime)).row.asked).toEqual({ n: 3, of: 5 });
	});
});
