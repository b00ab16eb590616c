import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';

type Db = Kysely<Database>;

/** A single-use invitation: its id is the token in the personal link `?t=…`. */
export interface Invitation {
	token: string;
	surveyId: string;
	batch: string;
	externalId: string | null;
	channelCode: string | null;
	usedAt: number | null;
	createdAt: number;
}

export interface InvitationBatch {
	batch: string;
	channelCode: string | null;
	total: number;
	used: number;
	createdAt: number;
}

type InvitationRow = Database['invitations'];
const toInvitation = (row: InvitationRow): Invitation => ({
	token: row.id,
	surveyId: row.survey_id,
	batch: row.batch,
	externalId: row.external_id,
	channelCode: row.channel_code,
	usedAt: row.used_at === null ? null : Number(row.used_at),
	createdAt: Number(row.created_at)
});

/** Inserts one invitation per external id (null = anonymous) under a new batch name; returns the batch. */
export async function insertInvitations(
	db: Db,
	surveyId: string,
	externalIds: (string | null)[],
	options: { batch: string; channelCode: string | null; now?: number }
): Promise<Invitation[]> {
	const now = options.now ?? Date.now();
	const rows = externalIds.map((externalId) => ({
		id: randomToken(),
		survey_id: surveyId,
		batch: options.batch,
		external_id: externalId,
		channel_code: options.channelCode,
		used_at: null,
		started_at: null,
		created_at: now
	}));
	// Chunks keep each statement under SQLite's bound-parameter limit.
	for (let i = 0; i < rows.length; i += 500) await db.insertInto('invitations').values(rows.slice(i, i + 500)).execute();
	return rows.map(toInvitation);
}

export async function findInvitation(db: Db, surveyId: string, token: string): Promise<Invitation | undefined> {
	const row = await db.selectFrom('invitations').selectAll().where('id', '=', token).where('survey_id', '=', surveyId).executeTakeFirst();
	return row && toInvitation(row);
}

/** Marks an unused invitation used; `false` when it is unknown or was used already (race-safe). */
export async function markInvitationUsed(db: Db, surveyId: string, token: string, now = Date.now()): Promise<boolean> {
	const result = await db
		.updateTable('invitations')
		.set({ used_at: now })
		.where('id', '=', token)
		.where('survey_id', '=', surveyId)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Stamps the invitation's first page step (later steps keep the first); unknown tokens change nothing. */
export async function markInvitationStarted(db: Db, surveyId: string, token: string, now: number): Promise<void> {
	await db.updateTable('invitations').set({ started_at: now }).where('id', '=', token).where('survey_id', '=', surveyId).where('started_at', 'is', null).execute();
}

/** Undoes markInvitationUsed inside the same transaction, when the response it was for was refused. */
export async function unmarkInvitation(trx: Db, surveyId: string, token: string): Promise<void> {
	await trx.updateTable('invitations').set({ used_at: null }).where('id', '=', token).where('survey_id', '=', surveyId).execute();
}

/** The survey's batches, newest first, with how many invitations each has and how many were used. */
export async function listBatches(db: Db, surveyId: string): Promise<InvitationBatch[]> {
	const rows = await db
		.selectFrom('invitations')
		.select((eb) => [
			'batch',
			eb.fn.max('channel_code').as('channel_code'),
			eb.fn.countAll<number>().as('total'),
			eb.fn.count<number>('used_at').as('used'),
			eb.fn.min('created_at').as('created_at')
		])
		.where('survey_id', '=', surveyId)
		.groupBy('batch')
		.orderBy('created_at', 'desc')
		.execute();
	return rows.map((row) => ({
		batch: row.batch,
		channelCode: row.channel_code,
		total: Number(row.total),
		used: Number(row.used),
		createdAt: Number(row.created_at)
	}));
}

/** The invitations of one batch (all batches when `batch` is undefined), in creation order. */
export async function listInvitations(db: Db, surveyId: string, batch?: string): Promise<Invitation[]> {
	let query = db.selectFrom('invitations').selectAll().where('survey_id', '=', surveyId);
	if (batch !== undefined) query = query.where('batch', '=', batch);
	const rows = await query.orderBy('created_at').orderBy('external_id').orderBy('id').execute();
	return rows.map(toInvitation);
}

/**
 * Removes an external id from every invitation that carries it, so the responses given through
 * those invitations no longer lead back to the customer (the invitations and responses stay).
 */
export async function forgetInvitationExternalId(db: Db, externalId: string): Promise<number> {
	const result = await db.updateTable('invitations').set({ external_id: null }).where('external_id', '=', externalId).executeTakeFirst();
	return Number(result.numUpdatedRows);
}
