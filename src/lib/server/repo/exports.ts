import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ExportedResponse } from '../../csv/response-export';
import type { Answers } from '../../survey/definition';

type Db = Kysely<Database>;

/** Where a page of responses ends: the next page starts strictly after it. */
export interface ResponseCursor {
	submittedAt: number;
	id: string;
}

/**
 * One page of a survey's responses in (submitted_at, id) order, starting after `after`: a keyset
 * query on responses_export_idx, so page 1,000 costs what page 1 does.
 */
export async function responsesPage(db: Db, surveyId: string, after: ResponseCursor | null, limit: number): Promise<ExportedResponse[]> {
	let query = db
		.selectFrom('responses')
		.innerJoin('survey_versions', 'survey_versions.id', 'responses.version_id')
		.select([
			'responses.id',
			'survey_versions.number',
			'responses.language',
			'responses.channel_code',
			'responses.source',
			'responses.submitted_at',
			'responses.duration_ms',
			'responses.answers'
		])
		.where('responses.survey_id', '=', surveyId)
		.orderBy('responses.submitted_at')
		.orderBy('responses.id')
		.limit(limit);
	if (after) {
		// A row-value comparison: both engines walk the index from the cursor on.
		query = query.where((eb) => eb(eb.refTuple('responses.submitted_at', 'responses.id'), '>', eb.tuple(after.submittedAt, after.id)));
	}
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		versionNumber: Number(r.number),
		language: r.language,
		channel: r.channel_code,
		source: r.source,
		submittedAt: Number(r.submitted_at),
		durationMs: r.duration_ms === null ? null : Number(r.duration_ms),
		answers: JSON.parse(r.answers) as Answers
	}));
}

/** Every response of a survey, page by page, in bounded memory. */
export async function* allResponses(db: Db, surveyId: string, pageSize = 2000): AsyncGenerator<ExportedResponse[]> {
	let after: ResponseCursor | null = null;
	for (;;) {
		const page = await responsesPage(db, surveyId, after, pageSize);
		if (page.length === 0) return;
		yield page;
		if (page.length < pageSize) return;
		const last = page[page.length - 1];
		after = { submittedAt: last.submittedAt, id: last.id };
	}
}
