// Sharing a survey with other accounts: researchers may edit or view, viewer accounts only view.
import type { Kysely } from 'kysely';
import type { Database, ShareAccess } from '../db/schema';
import type { Outcome } from '../auth/accounts';
import { recordAudit } from '../repo/audit';
import { saveOpenAnswerSharing } from '../repo/open-answers';
import { deleteShare, saveShare, type Survey } from '../repo/surveys';
import { findCredentials, type User } from '../repo/users';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email'>;

/** Shares with the account of that email; a viewer account gets read access whatever was asked. */
export async function shareSurvey(db: Db, actor: Actor, survey: Survey, email: string, wanted: ShareAccess): Promise<Outcome<{ email: string; access: ShareAccess }>> {
	return db.transaction().execute(async (trx) => {
		const user = (await findCredentials(trx, email))?.user;
		if (!user || !user.active) return { ok: false, reason: 'surveys.shareUnknownUser' };
		if (user.id === survey.ownerId) return { ok: false, reason: 'surveys.shareOwner' };
		const access: ShareAccess = user.role === 'viewer' ? 'view' : wanted;
		await saveShare(trx, { surveyId: survey.id, userId: user.id, access });
		await recordAudit(trx, { action: 'survey.shared', actor, target: survey.id, detail: { with: user.email, access } });
		return { ok: true, value: { email: user.email, access } };
	});
}

export async function unshareSurvey(db: Db, actor: Actor, survey: Survey, userId: string): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		if (!(await deleteShare(trx, survey.id, userId))) return { ok: false, reason: 'surveys.shareMissing' };
		await recordAudit(trx, { action: 'survey.unshared', actor, target: survey.id, detail: { user: userId } });
		return { ok: true, value: undefined };
	});
}

/** Lets people with view access read the survey's open answers, or only their themes and counts. */
export async function shareOpenAnswers(db: Db, actor: Actor, survey: Survey, shared: boolean): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await saveOpenAnswerSharing(trx, survey.id, shared, actor.id, Date.now());
		await recordAudit(trx, { action: 'survey.open-answers-shared', actor, target: survey.id, detail: { shared } });
	});
}
