// Storing responses to a questionnaire with display conditions, on each engine: an answer to a
// hidden item is never stored, a hidden item is never required, a shown one is judged as usual.
import { beforeEach, describe, expect, it } from 'vitest';
import { submitResponse } from '../../src/lib/server/collection/submit';
import { findVersion } from '../../src/lib/server/repo/surveys';
import { readAnswers } from '../../src/lib/survey/shown';
import type { RawAnswers } from '../../src/lib/survey/answers';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { collectionDefinition, createOpenSurvey } from './collection-fixtures';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** The second section is asked of detractors only; its reason question has an "other" text. */
const detractorFollowUp: SurveyDefinition = {
	sections: [
		{ ...collectionDefinition.sections[0], items: [...collectionDefinition.sections[0].items, { ...collectionDefinition.sections[1].items[0], required: true }] },
		{
			code: 'S2',
			title: t('What went wrong', '哪里做得不好'),
			showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] },
			items: [
				{ code: 'WHY', kind: 'single', text: t('Main reason', '主要原因'), required: true, options: [{ code: 'wait', label: t('Waiting', '等候') }], other: true },
				{ code: 'HOW', kind: 'likert', text: t('Was it put right?', '问题解决了吗？'), required: false, scale: { min: 1, max: 5 }, reversed: false, notApplicable: false, showIf: { any: [{ item: 'WHY', op: 'answered' }] } }
			]
		}
	]
};

describe.each(engines)('collecting responses with display conditions on %s', (engine) => {
	const db = useTestDb(engine);
	const submit = async (raw: RawAnswers) => {
		const survey = await createOpenSurvey(db.db, {}, {}, detractorFollowUp);
		const outcome = await submitResponse(db.db, { survey, raw, language: 'zh-CN', source: 'web' });
		const rows = await db.db.selectFrom('responses').select('answers').where('survey_id', '=', survey.id).execute();
		return { outcome, stored: rows.map((row) => JSON.parse(row.answers)) };
	};

	it('drops answers to hidden items, whatever the post carries', async () => {
		const { outcome, stored } = await submit({ Q1: '4', Q2: '5', NPS: '10', WHY: '_other', WHY_OTHER: 'rude', HOW: '1' });
		expect(outcome).toMatchObject({ ok: true, answers: { Q1: 4, Q2: 5, NPS: 10 } });
		expect(stored).toEqual([{ Q1: 4, Q2: 5, NPS: 10 }]);
	});

	it('keeps the answers of shown conditional items', async () => {
		const { stored } = await submit({ Q1: '2', Q2: '1', NPS: '3', WHY: 'wait', HOW: '2' });
		expect(stored).toEqual([{ Q1: 2, Q2: 1, NPS: 3, WHY: 'wait', HOW: 2 }]);
	});

	it('requires a shown item and refuses an option that does not exist, storing nothing', async () => {
		const missing = await submit({ Q1: '2', Q2: '1', NPS: '3' });
		expect(missing.outcome).toMatchObject({ ok: false, reason: 'invalid', errors: { WHY: { key: 'respond.error.required' } } });
		expect(missing.stored).toEqual([]);
		const forged = await submit({ Q1: '2', Q2: '1', NPS: '3', WHY: 'bribe' });
		expect(forged.outcome).toMatchObject({ ok: false, reason: 'invalid', errors: { WHY: { key: 'respond.error.notAChoice' } } });
		expect(forged.stored).toEqual([]);
	});

	it('never requires an item its condition hides', async () => {
		const { outcome, stored } = await submit({ Q1: '4', Q2: '4', NPS: '8' });
		expect(outcome.ok).toBe(true);
		expect(stored).toEqual([{ Q1: 4, Q2: 4, NPS: 8 }]);
	});

	it("judges with the caller's reading of the answers only when it was made for the current version", async () => {
		const survey = await createOpenSurvey(db.db, {}, {}, detractorFollowUp);
		const current = (await findVersion(db.db, survey.currentVersionId!))!;
		const raw = { Q1: '2', Q2: '1', NPS: '3', WHY: 'wait' };
		const shared = await submitResponse(db.db, { survey, version: current, reading: readAnswers(current.definition, raw), raw, language: 'zh-CN', source: 'web' });
		expect(shared).toMatchObject({ ok: true, answers: { NPS: 3, WHY: 'wait' } });
		// A reading made for another version, which showed a detractor nothing more, is not trusted: WHY is still required.
		const older = { ...current, id: 'older-version' };
		const olderReading = { shown: { items: new Set(['Q1', 'Q2', 'NPS']), sections: new Set(['S1']) }, judged: { ok: true as const, answers: { Q1: 2, Q2: 1, NPS: 3 } } };
		const stale = await submitResponse(db.db, { survey, version: older, reading: olderReading, raw: { Q1: '2', Q2: '1', NPS: '3' }, language: 'zh-CN', source: 'web' });
		expect(stale).toMatchObject({ ok: false, reason: 'invalid', errors: { WHY: { key: 'respond.error.required' } } });
	});
});
