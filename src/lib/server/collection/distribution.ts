// What a researcher does to hand a survey out: channels for `?ch=` links and batches of personal
// invitation links. Each change is one transaction with its audit entry.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { channelExists, deleteChannel, insertChannel, type NewChannel } from '../repo/channels';
import { insertInvitations, listInvitations, type Invitation } from '../repo/invitations';
import type { Survey } from '../repo/surveys';
import type { SurveySettings } from '../../survey/definition';
import type { User } from '../repo/users';
import { textLine, UTF8_BOM } from '../../csv/export-encoding';
import { epochToZonedIso } from '../../survey/zoned-time';
import { respondentLink } from './links';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email'>;
export type Outcome<T = void> = { ok: true; value: T } | { ok: false; field: string; reason: string };

/** Channel codes travel in links: letters, digits, `-` and `_`, at most 40. */
export const CHANNEL_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** One batch at most: a CSV of this many links still opens comfortably in a spreadsheet. */
export const MAX_BATCH = 5000;
export const MAX_EXTERNAL_ID = 200;

/** Adds a channel named in at least one language; a name given in one language only stands for both. */
export async function addChannel(db: Db, actor: Actor, survey: Survey, channel: NewChannel): Promise<Outcome> {
	const zh = channel.name['zh-CN'].trim() || channel.name.en.trim();
	const en = channel.name.en.trim() || zh;
	if (!zh) return { ok: false, field: 'nameZh', reason: 'distribute.nameRequired' };
	return db.transaction().execute(async (trx) => {
		if (!(await insertChannel(trx, survey.id, { code: channel.code, name: { 'zh-CN': zh, en } }))) return { ok: false, field: 'code', reason: 'distribute.channelTaken' };
		await recordAudit(trx, { action: 'channel.created', actor, target: survey.id, detail: { code: channel.code } });
		return { ok: true, value: undefined };
	});
}

export async function removeChannel(db: Db, actor: Actor, survey: Survey, code: string): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (!(await deleteChannel(trx, survey.id, code))) return { ok: false, field: 'form', reason: 'distribute.channelMissing' };
		await recordAudit(trx, { action: 'channel.deleted', actor, target: survey.id, detail: { code } });
		return { ok: true, value: undefined };
	});
}

/** External ids from a pasted list: one per line, trimmed, blank lines skipped; duplicates are refused. */
export function parseExternalIds(text: string): Outcome<string[]> {
	const ids = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
	if (ids.length > MAX_BATCH) return { ok: false, field: 'externalIds', reason: 'distribute.tooMany' };
	const long = ids.find((id) => id.length > MAX_EXTERNAL_ID);
	if (long !== undefined) return { ok: false, field: 'externalIds', reason: 'distribute.idTooLong' };
	const seen = new Set<string>();
	const twice = ids.find((id) => seen.size === seen.add(id).size);
	if (twice !== undefined) return { ok: false, field: 'externalIds', reason: 'distribute.idTwice' };
	return { ok: true, value: ids };
}

export interface BatchRequest {
	batch: string;
	/** Personal links for these external ids, or `count` anonymous ones when the list is empty. */
	externalIds: string[];
	count: number;
	channelCode: string | null;
}

/** Creates a batch of single-use invitations (refusing a batch name already used, or an unknown channel). */
export async function createInvitationBatch(db: Db, actor: Actor, survey: Survey, request: BatchRequest, now = Date.now()): Promise<Outcome<Invitation[]>> {
	return db.transaction().execute(async (trx) => {
		if (request.channelCode && !(await channelExists(trx, survey.id, request.channelCode))) {
			return { ok: false, field: 'channel', reason: 'distribute.channelMissing' };
		}
		if ((await listInvitations(trx, survey.id, request.batch)).length > 0) return { ok: false, field: 'batch', reason: 'distribute.batchTaken' };
		const ids = request.externalIds.length ? request.externalIds : Array.from({ length: request.count }, () => null);
		const invitations = await insertInvitations(trx, survey.id, ids, { batch: request.batch, channelCode: request.channelCode, now });
		await recordAudit(trx, { action: 'invitations.created', actor, target: survey.id, detail: { batch: request.batch, count: ids.length } });
		return { ok: true, value: invitations };
	});
}

/** Personal links as CSV (UTF-8 with BOM, formula-safe): external id, link, channel, batch, used at (ISO in the survey's zone). */
export function invitationsCsv(origin: string, survey: { code: string; settings: Pick<SurveySettings, 'timeZone'> }, invitations: Invitation[]): string {
	const header = textLine(['external_id', 'link', 'channel', 'batch', 'used_at']);
	const rows = invitations.map((i) =>
		textLine([i.externalId ?? '', respondentLink(origin, survey.code, { token: i.token }), i.channelCode ?? '', i.batch, i.usedAt === null ? '' : epochToZonedIso(i.usedAt, survey.settings.timeZone)])
	);
	return UTF8_BOM + header + rows.join('');
}
