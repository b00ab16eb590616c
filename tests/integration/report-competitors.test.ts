// Competitor figures of a report, on each engine: posted answers (one respondent uses only Bank C,
// one does not know Bank B on an item) give the same gaps from the report service, for the store
// and a raw scan, as the pure computation on the stored answers; ours are untouched by brand ratings.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { submitResponse } from '../../src/lib/server/collection/submit';
import type { Survey } from '../../src/lib/server/repo/surveys';
import type { RawAnswers } from '../../src/lib/survey/answers';
import { competitorTestDefinition } from '../../src/lib/survey/test-competitors';
import type { ReportFilters } from '../../src/lib/stats/report/model';
import { createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const posts: RawAnswers[] = [
	{ USED: ['bank-b', 'bank-c'], RES1: '5', 'RES1@bank-b': '3', 'RES1@bank-c': '4', 'REL1@bank-b': '4' },
	{ USED: ['bank-b'], RES1: '4', 'RES1@bank-b': '4' },
	{ USED: ['bank-b'], RES1: '3', 'RES1@bank-b': 'na' },
	{ USED: ['bank-b', 'bank-c'], RES1: '4', 'RES1@bank-b': '1', 'RES1@bank-c': '5' },
	{ USED: ['bank-c'], RES1: '2', 'RES1@bank-c': '2' }
];
const allTime: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'month' };

describe.each(engines)('competitor gaps in reports on %s', (engine) => {
	const db = useTestDb(engine);
	let survey: Survey;

	beforeAll(async () => {
		survey = await createOpenSurvey(db.db, {}, {}, competitorTestDefinition);
		for (const raw of posts) {
			const outcome = await submitResponse(db.db, { survey, raw, language: 'zh-CN', source: 'web' });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
	});

	it('pairs each respondent\'s ratings: ours − theirs among those who rated both, to 1e-9, store and raw alike', async () => {
		const store = (await buildSurveyReport(db.db, survey.id, allTime))!.model;
		const raw = (await buildSurveyReport(db.db, survey.id, allTime, { source: 'raw' }))!.model;
		expect(raw.competitors).toEqual(store.competitors);
		const [b, c] = store.competitors;
		// Bank B, rated by respondents 1, 2 and 4 (0–100: (x − 1)/4 × 100): ours 100, 75, 75; theirs 50, 75, 0.
		expect(b.csi!.n).toBe(3);
		const differences = [50, 0, 75];
		const meanDifference = differences.reduce((s, d) => s + d, 0) / 3;
		const sd = Math.sqrt(differences.reduce((s, d) => s + (d - meanDifference) ** 2, 0) / 2);
		expect(Math.abs(b.csi!.difference - meanDifference)).toBeLessThanOrEqual(1e-9);
		expect(Math.abs(b.csi!.ours - 250 / 3)).toBeLessThanOrEqual(1e-9);
		expect(Math.abs(b.csi!.theirs - 125 / 3)).toBeLessThanOrEqual(1e-9);
		// t CI half-width with t(0.975, 2) = 4.302652729749464 (scipy.stats.t.ppf).
		expect(Math.abs(b.csi!.upper! - (meanDifference + (4.302652729749464 * sd) / Math.sqrt(3)))).toBeLessThanOrEqual(1e-9);
		// Bank C, rated by respondents 1, 4 and 5: ours 100, 75, 25; theirs 75, 100, 25.
		expect([c.csi!.n, c.csi!.difference]).toEqual([3, 0]);
		expect(store.items.find((i) => i.code === 'RES1')).toMatchObject({ n: 5 });
		expect(store.items.map((i) => i.code)).toEqual(['RES1']);
	});
});
