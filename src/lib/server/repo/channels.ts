import type { Kysely } from 'kysely';
import type { Locale } from '../../i18n/locales';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';

type Db = Kysely<Database>;

/** A distribution channel of a survey: a branch, store or service line, named in links as `?ch=code`. */
export interface Channel {
	id: string;
	surveyId: string;
	code: string;
	/** Its name in each language; a name given in one language only stands for both. */
	name: Record<Locale, string>;
	createdAt: number;
}

/** A new channel's code and names, as the distribute form and the demo give them. */
export interface NewChannel {
	code: string;
	name: Record<Locale, string>;
}

export async function listChannels(db: Db, surveyId: string): Promise<Channel[]> {
	const rows = await db.selectFrom('channels').selectAll().where('survey_id', '=', surveyId).orderBy('code').execute();
	return rows.map((row) => ({
		id: row.id,
		surveyId: row.survey_id,
		code: row.code,
		name: { 'zh-CN': row.name_zh || row.name_en, en: row.name_en || row.name_zh },
		createdAt: Number(row.created_at)
	}));
}

/** Whether the survey has a channel with this code. */
export async function channelExists(db: Db, surveyId: string, code: string): Promise<boolean> {
	const row = await db.selectFrom('channels').select('id').where('survey_id', '=', surveyId).where('code', '=', code).executeTakeFirst();
	return row !== undefined;
}

/** Adds a channel; `false` when the survey already has one with this code. */
export async function insertChannel(db: Db, surveyId: string, channel: NewChannel, now = Date.now()): Promise<boolean> {
	const inserted = await db
		.insertInto('channels')
		.values({ id: randomToken(), survey_id: surveyId, code: channel.code, name_zh: channel.name['zh-CN'], name_en: channel.name.en, created_at: now })
		.onConflict((oc) => oc.doNothing())
		.executeTakeFirst();
	return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Removes a channel by code (responses keep the code they were given); `false` when there was none. */
export async function deleteChannel(db: Db, surveyId: string, code: string): Promise<boolean> {
	const result = await db.deleteFrom('channels').where('survey_id', '=', surveyId).where('code', '=', code).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}
