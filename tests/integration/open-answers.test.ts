// Open answers on each engine: every text answer beside its respondent's NPS group and CSI band,
// themes and the detractor/promoter comparison, literal search, a picked word, empty periods and
// surveys without open questions, and who may read the answers themselves.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildOpenAnswers, mayReadOpenAnswers } from '../../src/lib/server/analysis/open-answers';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { shareOpenAnswers } from '../../src/lib/server/design/shares';
import { listAudit } from '../../src/lib/server/repo/audit';
import type { Survey } from '../../src/lib/server/repo/surveys';
import type { RawAnswers } from '../../src/lib/survey/answers';
import { parseOpenAnswerFilters } from '../../src/lib/stats/text/filters';
import { collectionDefinition, createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

// Shanghai time. The CSI has one dimension (Q1, Q2 equally weighted): yᵣ = mean of the two item scores.
const october = Date.UTC(2026, 9, 10);
const november = Date.UTC(2026, 10, 10);
const posts: [number, RawAnswers][] = [
	[october, { Q1: '1', Q2: '2', NPS: '2', NOTE: '排队时间太长，手续费太贵' }], // detractor, 12.5 low
	[october, { Q1: '5', Q2: '5', NPS: '10', NOTE: 'Staff were friendly and helpful' }], // promoter, 100 high
	[november, { Q1: '3', Q2: '3', NPS: '3', NOTE: "排队太久了 (.*) 50% off'; --" }], // detractor, 50 low
	[november, { Q1: '4', Q2: '4', NPS: '9', NOTE: '员工很热情，staff friendly' }], // promoter, 75 middle
	[november, { Q1: '4', Q2: '4', NPS: '8' }],
	[november, { Q1: '4', Q2: '4', NPS: '7', NOTE: '   ' }]
];

const filters = (search = '') => parseOpenAnswerFilters(new URLSearchParams(search));

describe.each(engines)('open answers on %s', (engine) => {
	const db = useTestDb(engine);
	let survey: Survey;

	beforeAll(async () => {
		survey = await createOpenSurvey(db.db);
		for (const [k, [day, raw]] of posts.entries()) {
			const outcome = await submitResponse(db.db, { survey, raw, language: 'zh-CN', source: 'web', now: day + k * 60_000 });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
	});

	it('lists each answer, newest first, with its NPS group and CSI band', async () => {
		const view = (await buildOpenAnswers(db.db, survey.id, filters(), true))!;
		expect(view.questions.map((q) => q.code)).toEqual(['NOTE']);
		expect(view.timing.scanned).toBe(6);
		expect(view.list!.total).toBe(4);
		expect(view.list!.rows.map((r) => [r.group, r.band, r.csi])).toEqual([
			['promoter', 'middle', 75],
			['detractor', 'low', 50],
			['promoter', 'high', 100],
			['detractor', 'low', 12.5]
		]);
	});

	it('counts words per group and compares detractors with promoters', async () => {
		const { themes } = (await buildOpenAnswers(db.db, survey.id, filters(), true))!;
		expect(themes).toMatchObject({ answers: 4, detractors: 2, promoters: 2 });
		expect(themes.words.slice(0, 3)).toEqual([
			{ term: 'friendly', count: 2, detractors: 0, promoters: 2 },
			{ term: 'staff', count: 2, detractors: 0, promoters: 2 },
			{ term: '排队', count: 2, detractors: 2, promoters: 0 }
		]);
		expect(themes.detractorWords[0]).toMatchObject({ word: '排队', countI: 2, countJ: 0 });
		expect(themes.promoterWords.map((r) => r.word).slice(0, 2).sort()).toEqual(['friendly', 'staff']);
	});

	it('filters by period, group, literal search and a picked word', async () => {
		const rows = async (search: string) => (await buildOpenAnswers(db.db, survey.id, filters(search), true))!.list!.rows.map((r) => r.text);
		expect(await rows('group=promoter')).toEqual(['员工很热情，staff friendly', 'Staff were friendly and helpful']);
		expect(await rows('q=(.*)')).toEqual(["排队太久了 (.*) 50% off'; --"]);
		expect(await rows(`q=${encodeURIComponent("'; --")}`)).toHaveLength(1);
		expect(await rows(`q=${encodeURIComponent("' OR 1=1 --")}`)).toEqual([]);
		expect(await rows(`q=${encodeURIComponent('f+|.*')}`)).toEqual([]);
		expect(await rows(`term=${encodeURIComponent('排队')}`)).toHaveLength(2);
		expect(await rows(`term=${encodeURIComponent('排队')}&from=2026-11&to=2026-11`)).toEqual(["排队太久了 (.*) 50% off'; --"]);
		const november = (await buildOpenAnswers(db.db, survey.id, filters('from=2026-11'), true))!;
		expect(november.themes.answers).toBe(2);
	});

	it('gives clear empty results for an empty period and a survey without open questions', async () => {
		const empty = (await buildOpenAnswers(db.db, survey.id, filters('from=2030-01&to=2030-02'), true))!;
		expect(empty.themes).toMatchObject({ answers: 0, words: [], detractorWords: [] });
		expect(empty.list).toMatchObject({ total: 0, rows: [], page: 1, pages: 1 });
		const closed = await createOpenSurvey(db.db, {}, {}, { sections: [collectionDefinition.sections[0]] });
		const none = (await buildOpenAnswers(db.db, closed.id, filters(), true))!;
		expect(none.questions).toEqual([]);
		expect(none.themes.answers).toBe(0);
		expect(await buildOpenAnswers(db.db, 'no-such-survey', filters(), true)).toBeUndefined();
	});

	it('gives empty results for a survey whose open question nobody answered, with or without responses', async () => {
		const quiet = await createOpenSurvey(db.db);
		for (const view of [(await buildOpenAnswers(db.db, quiet.id, filters(), true))!]) expect(view).toMatchObject({ questions: [{ code: 'NOTE' }], themes: { answers: 0, words: [] }, list: { total: 0, rows: [] } });
		for (const raw of [{ Q1: '4', Q2: '4', NPS: '8' }, { Q1: '2', Q2: '3', NPS: '1', NOTE: ' \n ' }]) {
			const outcome = await submitResponse(db.db, { survey: quiet, raw, language: 'en', source: 'web', now: november });
			if (!outcome.ok) throw new Error(`planted response refused: ${outcome.reason}`);
		}
		const view = (await buildOpenAnswers(db.db, quiet.id, filters('q=staff'), true))!;
		expect(view.timing.scanned).toBe(2);
		expect(view).toMatchObject({ themes: { answers: 0, words: [], phrases: [], detractorWords: [], promoterWords: [] }, list: { total: 0, rows: [], page: 1, pages: 1 } });
	});

	it.each(['%', '_', '\\', '[a-z]+', '^$', '.*', '${1}', '"; DELETE FROM responses; --', '%\' OR \'\'=\'', 'a'.repeat(500)])('searches %s literally, never as a pattern, and never fails', async (q) => {
		const view = (await buildOpenAnswers(db.db, survey.id, filters(`q=${encodeURIComponent(q)}`), true))!;
		const literal = posts.map(([, raw]) => raw.NOTE).filter((text): text is string => typeof text === 'string' && text.trim() !== '' && text.toLowerCase().includes(q.slice(0, 100).toLowerCase()));
		expect(view.list!.rows.map((r) => r.text).sort()).toEqual(literal.sort());
		expect(view.themes.answers).toBe(4);
	});

	it('ignores malformed filters rather than failing', async () => {
		const view = (await buildOpenAnswers(db.db, survey.id, filters('from=2026-13&to=yesterday&page=-3&group=bogus&ch=&term=%20'), true))!;
		expect(view.list!.total).toBe(4);
		expect(view.list!.page).toBe(1);
		const past = (await buildOpenAnswers(db.db, survey.id, filters('page=99'), true))!;
		expect(past.list).toMatchObject({ page: 1, pages: 1 });
		expect(past.list!.rows).toHaveLength(4);
	});

	it('shows view-only readers the themes and counts, and the answers once the owner shares them', async () => {
		expect(await mayReadOpenAnswers(db.db, survey.id, 'edit')).toBe(true);
		expect(await mayReadOpenAnswers(db.db, survey.id, 'view')).toBe(false);
		const hidden = (await buildOpenAnswers(db.db, survey.id, filters(), false))!;
		expect(hidden.list).toBeNull();
		expect(hidden.themes.answers).toBe(4);
		await shareOpenAnswers(db.db, { id: survey.ownerId, email: 'owner@example.com' }, survey, true);
		expect(await mayReadOpenAnswers(db.db, survey.id, 'view')).toBe(true);
		// The log lists by time to the millisecond: two entries in one millisecond have no order between them.
		await new Promise((resolve) => setTimeout(resolve, 5));
		await shareOpenAnswers(db.db, { id: survey.ownerId, email: 'owner@example.com' }, survey, false);
		expect(await mayReadOpenAnswers(db.db, survey.id, 'view')).toBe(false);
		const audit = await listAudit(db.db, { limit: 10 });
		expect(audit.filter((a) => a.action === 'survey.open-answers-shared').map((a) => a.detail.shared)).toEqual([false, true]);
	});
});
