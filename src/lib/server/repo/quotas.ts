import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, SurveyQuotasTable } from '../db/schema';
import type { Quota, QuotaKey, QuotaSource } from '../../survey/quotas';
import { preparedQuery } from './prepared';

type Db = Kysely<Database>;

const toQuota = (row: SurveyQuotasTable): Quota => ({
	kind: row.source_kind,
	code: row.source_code,
	option: row.option_code,
	limit: Number(row.max_responses),
	filled: Number(row.filled)
});

/** A survey's quotas with their fill, by source then option. */
export async function listQuotas(db: Db, surveyId: string): Promise<Quota[]> {
	const rows = await db.selectFrom('survey_quotas').selectAll().where('survey_id', '=', surveyId).orderBy('source_kind').orderBy('source_code').orderBy('option_code').execute();
	return rows.map(toQuota);
}

/** Which groups of a survey have quotas (what the storing path needs to know), in one fixed order. */
export async function quotaKeysOf(db: Db, surveyId: string): Promise<QuotaKey[]> {
	return (await listQuotas(db, surveyId)).map(({ kind, code, option }) => ({ kind, code, option }));
}

/** Replaces the quotas of one source with these limits (none removes them); fills start at 0 until recounted. */
export async function replaceSourceQuotas(db: Db, surveyId: string, source: QuotaSource, limits: readonly { option: string; limit: number }[]): Promise<void> {
	await db.deleteFrom('survey_quotas').where('survey_id', '=', surveyId).where('source_kind', '=', source.kind).where('source_code', '=', source.code).execute();
	if (limits.length === 0) return;
	await db
		.insertInto('survey_quotas')
		.values(limits.map(({ option, limit }) => ({ survey_id: surveyId, source_kind: source.kind, source_code: source.code, option_code: option, max_responses: limit, filled: 0 })))
		.execute();
}

/** The text of a response's answer to the quota's item, read from the stored JSON (both engines). */
function answerToQuotaItem(db: Db): RawBuilder<string | null> {
	if (db.getExecutor().adapter instanceof PostgresAdapter) return sql`(${sql.ref('responses.answers')}::jsonb ->> ${sql.ref('survey_quotas.source_code')})`;
	return sql`json_extract(${sql.ref('responses.answers')}, '$."' || ${sql.ref('survey_quotas.source_code')} || '"')`;
}

/**
 * Sets every quota's fill of a survey to the stored responses in its group (imports included).
 * Run in the transaction that changed the quotas or the responses, after it wrote the survey row.
 */
export async function recountQuotas(db: Db, surveyId: string): Promise<void> {
	await db
		.updateTable('survey_quotas')
		.set((eb) => ({
			filled: eb
				.selectFrom('responses')
				.select((s) => s.fn.countAll<number>().as('n'))
				.whereRef('responses.survey_id', '=', 'survey_quotas.survey_id')
				.where((s) =>
					s.or([
						s.and([s('survey_quotas.source_kind', '=', 'channel'), s('responses.channel_code', '=', s.ref('survey_quotas.option_code'))]),
						s.and([s('survey_quotas.source_kind', '=', 'item'), s(answerToQuotaItem(db), '=', s.ref('survey_quotas.option_code'))])
					])
				)
		}))
		.where('survey_id', '=', surveyId)
		.execute();
}

type KeyValues = { surveyId: string; kind: string; code: string; option: string };
const keyColumns = ['surveyId', 'kind', 'code', 'option'] as const;

const countInQuota = preparedQuery(keyColumns, (db, { surveyId, kind, code, option }: KeyValues) =>
	db
		.updateTable('survey_quotas')
		.set((eb) => ({ filled: eb('filled', '+', 1) }))
		.where('survey_id', '=', surveyId)
		.where('source_kind', '=', kind as SurveyQuotasTable['source_kind'])
		.where('source_code', '=', code)
		.where('option_code', '=', option)
		.where((eb) => eb('filled', '<', eb.ref('max_responses')))
		.returning('filled')
);

const uncountQuota = preparedQuery(keyColumns, (db, { surveyId, kind, code, option }: KeyValues) =>
	db
		.updateTable('survey_quotas')
		.set((eb) => ({ filled: eb('filled', '-', 1) }))
		.where('survey_id', '=', surveyId)
		.where('source_kind', '=', kind as SurveyQuotasTable['source_kind'])
		.where('source_code', '=', code)
		.where('option_code', '=', option)
);

/**
 * Counts one response in each of its quota groups, only while each has room (a guarded UPDATE, so
 * concurrent transactions and processes can never overfill one). All or none: when a group is full
 * the ones already counted are undone and the answer is false. `compileOn` is the root database.
 */
export async function countInQuotas(compileOn: Db, trx: Db, surveyId: string, keys: readonly QuotaKey[]): Promise<boolean> {
	for (let i = 0; i < keys.length; i++) {
		const { rows } = await countInQuota(compileOn, trx, { surveyId, ...keys[i] });
		if (rows.length === 0) {
			await uncountQuotas(compileOn, trx, surveyId, keys.slice(0, i));
			return false;
		}
	}
	return true;
}

/** Takes a response back out of its quota groups (its storing failed after countInQuotas). */
export async function uncountQuotas(compileOn: Db, trx: Db, surveyId: string, keys: readonly QuotaKey[]): Promise<void> {
	for (const key of keys) await uncountQuota(compileOn, trx, { surveyId, ...key });
}

/** Whether this channel's quota (if it has one) takes no more responses. */
export async function channelQuotaFull(db: Db, surveyId: string, channel: string): Promise<boolean> {
	const row = await db
		.selectFrom('survey_quotas')
		.select(['filled', 'max_responses'])
		.where('survey_id', '=', surveyId)
		.where('source_kind', '=', 'channel')
		.where('option_code', '=', channel)
		.executeTakeFirst();
	return row !== undefined && Number(row.filled) >= Number(row.max_responses);
}
