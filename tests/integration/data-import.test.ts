// Import all or nothing, export → import round trip, and the export's paging, on each engine.
import { beforeEach, describe, expect, it } from 'vitest';
import { engines, useTestDb } from './databases';
import { conditionalDataDefinition, createDataSurvey, importText } from './data-fixtures';
import { streamChunks } from '../../src/lib/server/data/api-operations';
import { responseCsvChunks } from '../../src/lib/server/data/export-service';
import { allResponses } from '../../src/lib/server/repo/exports';
import { findImportRun, saveImportMapping } from '../../src/lib/server/repo/imports';
import { findSurveyById } from '../../src/lib/server/repo/surveys';
import { EXPORTED_METADATA } from '../../src/lib/csv/columns';

beforeEach(() => {
	expect.hasAssertions();
});

const header = 'Q1,Q2,G1_E,G1_P,BR,BR_OTHER,CH,SPEND,NOTE,submitted_at,channel,language';
const goodRows = ['5,3,4,5,north,,app;web,12.5,hello,2024-01-01 09:00,b1,en', 'Good,7,,,_other,Kiosk,desk,,"=1+1, said ""he""",,,', 'N/A,1,7,7,south,,,0,,2024-06-30T23:59:59.999Z,b2,zh-CN'];

describe.each(engines)('import and export on %s', (engine) => {
	const t = useTestDb(engine);

	async function counts(surveyId: string) {
		const responses = await t.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', surveyId).executeTakeFirstOrThrow();
		const staged = await t.db.selectFrom('import_staging').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
		return { responses: Number(responses.n), staged: Number(staged.n), counted: (await findSurveyById(t.db, surveyId))!.responseCount };
	}

	it('stores every row of a clean file, uncounted for the fold, and bumps the response count', async () => {
		const survey = await createDataSurvey(t.db);
		const result = await importText(t.db, survey, [header, ...goodRows].join('\n'));
		expect(result).toMatchObject({ ok: true, rows: 3 });
		expect(await counts(survey.id)).toEqual({ responses: 3, staged: 0, counted: 3 });
		const rows = await t.db.selectFrom('responses').select(['source', 'counted', 'version_id']).where('survey_id', '=', survey.id).execute();
		expect(rows.every((r) => r.source === 'import' && Number(r.counted) === 0 && r.version_id === survey.currentVersionId)).toBe(true);
		const run = await findImportRun(t.db, survey.id, result.runId);
		expect(run).toMatchObject({ status: 'done', rows: 3, errorCount: 0 });
		const audit = await t.db.selectFrom('audit_log').select(['action', 'target']).where('action', '=', 'data.import').execute();
		expect(audit).toContainEqual({ action: 'data.import', target: survey.code });
	});

	it('stores nothing when one row is bad, even after many valid batches were staged', async () => {
		const survey = await createDataSurvey(t.db);
		const rows = Array.from({ length: 1200 }, (_, i) => `${(i % 5) + 1},3,,,,,,,,,,`);
		rows.splice(1100, 0, '6,3,,,,,,,,,,');
		const result = await importText(t.db, survey, [header, ...rows].join('\n'));
		expect(result).toMatchObject({ ok: false, kind: 'invalid', errorCount: 1 });
		expect(!result.ok && result.kind === 'invalid' && result.errors[0]).toMatchObject({ row: 1102, column: 'Q1', value: '6', reason: { code: 'respond.error.outOfRange' } });
		expect(await counts(survey.id)).toEqual({ responses: 0, staged: 0, counted: 0 });
		expect(await findImportRun(t.db, survey.id, result.runId)).toMatchObject({ status: 'failed', errorCount: 1, errors: [{ row: 1102 }] });
	});

	it('refuses a submission time in the future or before 1990, an unknown channel or language, storing nothing', async () => {
		const survey = await createDataSurvey(t.db);
		const now = Date.UTC(2026, 11, 2, 9, 0);
		const bad = ['Q1,submitted_at,channel,language', '4,9999-12-31T00:00:00Z,b1,en', '4,1989-12-31 23:59,b1,en', '4,2026-12-02T09:04:00Z,nope,fr'];
		const result = await importText(t.db, survey, bad.join('\n'), { now });
		const reasons = !result.ok && result.kind === 'invalid' ? result.errors.map((e) => `${e.row}:${e.column}:${e.value}:${e.reason.code}`) : result;
		expect(reasons).toEqual([
			'2:submitted_at:9999-12-31T00:00:00Z:data.metadata.future',
			'3:submitted_at:1989-12-31 23:59:data.metadata.beforeEarliest',
			'4:channel:nope:data.metadata.unknownChannel',
			'4:language:fr:data.metadata.unknownLanguage'
		]);
		expect(await counts(survey.id)).toEqual({ responses: 0, staged: 0, counted: 0 });
		// The edges pass: the first minute of 1990 in the survey's time zone, a clock a little ahead.
		const edges = ['Q1,submitted_at,channel,language', '4,1990-01-01 00:00,b2,zh', '4,2026-12-02T09:05:00Z,,EN'];
		expect(await importText(t.db, survey, edges.join('\n'), { now })).toMatchObject({ ok: true, rows: 2 });
		const stored = await t.db.selectFrom('responses').select(['submitted_at', 'channel_code', 'language']).where('survey_id', '=', survey.id).orderBy('submitted_at').execute();
		expect(stored.map((r) => [Number(r.submitted_at), r.channel_code, r.language])).toEqual([
			[Date.UTC(1989, 11, 31, 16), 'b2', 'zh-CN'],
			[now + 5 * 60_000, null, 'en']
		]);
	});

	it('asks for a mapping of unknown headers, then uses the remembered one', async () => {
		const survey = await createDataSurvey(t.db);
		const file = 'Zufriedenheit,Kommentar\n4,gut\n';
		const first = await importText(t.db, survey, file);
		expect(first).toMatchObject({ ok: false, kind: 'mapping', unknown: ['Zufriedenheit', 'Kommentar'] });
		await saveImportMapping(t.db, survey.id, { Zufriedenheit: 'Q1', Kommentar: 'NOTE' });
		expect(await importText(t.db, survey, file)).toMatchObject({ ok: true, rows: 1 });
		const stored = await t.db.selectFrom('responses').select('answers').where('survey_id', '=', survey.id).executeTakeFirstOrThrow();
		expect(JSON.parse(stored.answers)).toEqual({ Q1: 4, NOTE: 'gut' });
	});

	it('round trip: export → import into a fresh survey gives identical responses', async () => {
		const source = await createDataSurvey(t.db);
		expect(await importText(t.db, source, [header, ...goodRows].join('\n'))).toMatchObject({ ok: true });
		for (const [values, coding] of [['codes', 'raw'], ['labels', 'recoded']] as const) {
			let csv = '';
			for await (const chunk of responseCsvChunks(t.db, source, { values, coding, metadata: [...EXPORTED_METADATA], language: 'zh-CN' })) csv += chunk;
			const copy = await createDataSurvey(t.db);
			expect(await importText(t.db, copy, csv)).toMatchObject({ ok: true, rows: 3 });
			const shape = async (surveyId: string) => {
				const pages = [];
				for await (const page of allResponses(t.db, surveyId)) pages.push(...page);
				return pages.map((r) => ({ answers: r.answers, submittedAt: r.submittedAt, channel: r.channel, language: r.language }));
			};
			expect(await shape(copy.id)).toEqual(await shape(source.id));
		}
	});

	it('round trip with display conditions: "not shown" apart from "not answered" in both exports, and back', async () => {
		const source = await createDataSurvey(t.db, undefined, conditionalDataDefinition);
		const hidden = 'NOT_SHOWN';
		const rows = [`5,3,${hidden},${hidden},${hidden},${hidden},${hidden},${hidden},${hidden},2024-01-01 09:00,b1,en`, '2,6,4,5,_other,Kiosk,desk,,hi,,,', 'N/A,7,,,（未显示）,,,,(not shown),,,'];
		expect(await importText(t.db, source, [header, ...rows].join('\n'))).toMatchObject({ ok: true, rows: 3 });
		const exported = async (values: 'codes' | 'labels') => {
			let csv = '';
			for await (const chunk of responseCsvChunks(t.db, source, { values, coding: 'raw', metadata: ['submitted_at', 'channel', 'language'], language: 'zh-CN' })) csv += chunk;
			return csv;
		};
		const codes = await exported('codes');
		expect(codes.split('\r\n').slice(1, 4)).toEqual([
			'2024-01-01T09:00:00.000+08:00,b1,en,5,3,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN',
			expect.stringMatching(/,2,6,4,5,_other,Kiosk,desk,,hi$/),
			expect.stringMatching(/,N\/A,7,,,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN,NOT_SHOWN$/)
		]);
		const shape = async (surveyId: string) => {
			const pages = [];
			for await (const page of allResponses(t.db, surveyId)) pages.push(...page);
			return pages.map((r) => ({ answers: r.answers, submittedAt: r.submittedAt, channel: r.channel, language: r.language }));
		};
		for (const csv of [codes, await exported('labels')]) {
			const copy = await createDataSurvey(t.db, undefined, conditionalDataDefinition);
			expect(await importText(t.db, copy, csv)).toMatchObject({ ok: true, rows: 3 });
			expect(await shape(copy.id)).toEqual(await shape(source.id));
		}
	});

	it('refuses an answer to a question its condition hides in that row, and a "not shown" mark on a shown one', async () => {
		const survey = await createDataSurvey(t.db, undefined, conditionalDataDefinition);
		const result = await importText(t.db, survey, [header, '5,3,4,5,,,,,,,,', '2,7,NOT_SHOWN,,,,,,,,,', '4,1,,,north,,,,,,,'].join('\n'));
		const reasons = !result.ok && result.kind === 'invalid' ? result.errors.map((e) => `${e.row}:${e.column}:${e.value}:${e.reason.code}`) : result;
		expect(reasons).toEqual([
			'2:G1_E:4:data.import.answerNotShown',
			'2:G1_P:5:data.import.answerNotShown',
			'3:G1_E:NOT_SHOWN:data.import.shownMarkedNotShown',
			'4:BR:north:data.import.answerNotShown'
		]);
		expect(await counts(survey.id)).toEqual({ responses: 0, staged: 0, counted: 0 });
	});

	it('reports a body cut off by the upload limit as a problem of the file, storing nothing', async () => {
		const survey = await createDataSurvey(t.db);
		const body = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('Q1\n1\n'));
				controller.error(Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 }));
			}
		});
		const result = await importText(t.db, survey, '', { source: streamChunks(body) });
		expect(result).toMatchObject({ ok: false, kind: 'invalid', errors: [{ reason: { code: 'data.import.tooLarge' } }] });
		expect(await counts(survey.id)).toEqual({ responses: 0, staged: 0, counted: 0 });
	});

	it('pages through responses in submission order without skipping ties', async () => {
		const survey = await createDataSurvey(t.db);
		// 25 rows, many sharing one timestamp: the keyset must break ties by id.
		const rows = Array.from({ length: 25 }, (_, i) => `${(i % 5) + 1},1,,,,,,,,${i < 20 ? '2024-01-01T00:00:00Z' : `2024-01-0${i - 18}T00:00:00Z`},,`);
		expect(await importText(t.db, survey, [header, ...rows].join('\n'))).toMatchObject({ ok: true, rows: 25 });
		const seen: string[] = [];
		for await (const page of allResponses(t.db, survey.id, 7)) {
			expect(page.length).toBeLessThanOrEqual(7);
			seen.push(...page.map((r) => `${r.submittedAt}:${r.id}`));
		}
		expect(seen).toHaveLength(25);
		expect([...seen].sort()).toEqual(seen);
		expect(new Set(seen).size).toBe(25);
	});
});
