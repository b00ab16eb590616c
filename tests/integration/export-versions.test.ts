// Exports across questionnaire versions: every answer is reverse-coded and labelled on the scale
// of the version the respondent answered (a reversed item went from 5 points in version 1 to 7 in
// version 2), through the export service that the page, the API and the command line share; the
// report's raw path agrees (a 5-point answer never counts on the 7-point scale).
import { beforeEach, describe, expect, it } from 'vitest';
import { engines, useTestDb } from './databases';
import { createDataSurvey, dataDefinition, importText } from './data-fixtures';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { responseCsvChunks } from '../../src/lib/server/data/export-service';
import { publishDraft, saveDraft } from '../../src/lib/server/design/surveys';
import { findSurveyById, type Survey } from '../../src/lib/server/repo/surveys';
import { insertUser } from '../../src/lib/server/repo/users';
import type { ResponseExportOptions } from '../../src/lib/csv/response-export';
import type { SurveyDefinition } from '../../src/lib/survey/definition';

beforeEach(() => {
	expect.hasAssertions();
});

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const fivePoints = ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'].map((en, i) => t(en, ['从不', '很少', '有时', '经常', '总是'][i]));

/** The data questionnaire with its reversed Q2 on `max` points (point labels on 5). */
function withWait(max: number): SurveyDefinition {
	const [first, second] = dataDefinition.sections;
	const items = first.items.map((item) => (item.code === 'Q2' && item.kind === 'likert' ? { ...item, scale: { min: 1, max, labels: max === 5 ? fivePoints : undefined } } : item));
	return { sections: [{ ...first, items }, second] };
}

async function exported(db: Parameters<typeof responseCsvChunks>[0], survey: Survey, options: Partial<ResponseExportOptions>): Promise<string[][]> {
	let text = '';
	for await (const chunk of responseCsvChunks(db, survey, { values: 'codes', coding: 'raw', metadata: ['version'], language: 'en', ...options })) text += chunk;
	const [header, ...rows] = text.replace('\uFEFF', '').trim().split('\r\n').map((line) => line.split(','));
	const q2 = header.findIndex((h) => h.startsWith('Q2'));
	return [[header[0], header[q2]], ...rows.map((r) => [r[0], r[q2]])];
}

describe.each(engines)('exports across versions on %s', (engine) => {
	const db = useTestDb(engine);

	it('reverse-code and label each answer on its own version’s scale; the raw report never mixes the scales', async () => {
		const owner = await insertUser(db.db, { email: `versions-${engine}@example.com`, name: 'Rita', passwordHash: 'x', role: 'researcher' });
		let survey = await createDataSurvey(db.db, owner.id, withWait(5));
		expect(await importText(db.db, survey, 'Q1,Q2\n4,4\n')).toMatchObject({ ok: true, rows: 1 });
		expect(await saveDraft(db.db, owner, survey.id, withWait(7), null)).toMatchObject({ ok: true });
		expect(await publishDraft(db.db, owner, survey.id)).toMatchObject({ ok: true, value: { action: 'newVersion', number: 2 } });
		survey = (await findSurveyById(db.db, survey.id))!;
		expect(await importText(db.db, survey, 'Q1,Q2\n4,4\n4,2\n')).toMatchObject({ ok: true, rows: 2 });

		expect(await exported(db.db, survey, { coding: 'recoded' })).toEqual([['version', 'Q2 [recoded]'], ['1', '2'], ['2', '4'], ['2', '6']]);
		expect(await exported(db.db, survey, { coding: 'raw' })).toEqual([['version', 'Q2'], ['1', '4'], ['2', '4'], ['2', '2']]);
		expect(await exported(db.db, survey, { values: 'labels', coding: 'recoded', language: 'zh-CN' })).toEqual([['version', 'Q2 [recoded]'], ['1', '很少'], ['2', '4'], ['2', '6']]);

		const filters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' as const };
		for (const source of ['raw', 'store'] as const) {
			const report = await buildSurveyReport(db.db, survey.id, filters, { source });
			expect(report?.model.items.find((i) => i.code === 'Q2')).toMatchObject({ n: 2, mean: 5, reversed: true, scale: { lo: 1, hi: 7 } });
		}
	});
});
