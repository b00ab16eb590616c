// Quotas per answer option: what a survey's quotas can divide by, and setting them. Setting them
// moves the survey's edit stamp, so the submission path's remembered copy is read again.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Outcome } from '../auth/accounts';
import { recordAudit } from '../repo/audit';
import { listChannels } from '../repo/channels';
import { listQuotas, recountQuotas, replaceSourceQuotas } from '../repo/quotas';
import { findSurveyById, updateSurvey, type Survey } from '../repo/surveys';
import type { User } from '../repo/users';
import { quotaGroups, sameSource, type QuotaGroup, type QuotaSource } from '../../survey/quotas';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email' | 'role'>;

/** The survey's quota groups: every source it can use (channel, single-choice items of the draft) with fills. */
export async function surveyQuotaGroups(db: Db, survey: Pick<Survey, 'id' | 'draft'>): Promise<QuotaGroup[]> {
	return quotaGroups(survey.draft, await listChannels(db, survey.id), await listQuotas(db, survey.id));
}

export interface QuotaSetting {
	source: QuotaSource;
	/** One limit per option that has a quota; options left out have none. An empty list removes the source's quotas. */
	limits: { option: string; limit: number }[];
}

/**
 * Replaces one source's quotas and counts the stored responses already in each group (so a quota
 * set mid-fieldwork starts from the truth). A limit at or below the count closes the group at once.
 */
export async function saveQuotas(db: Db, actor: Actor, surveyId: string, setting: QuotaSetting, now = Date.now()): Promise<Outcome<QuotaGroup>> {
	return db.transaction().execute(async (trx) => {
		const survey = await findSurveyById(trx, surveyId);
		if (!survey) return { ok: false, reason: 'errors.notFound' };
		const group = (await surveyQuotaGroups(trx, survey)).find((g) => sameSource(g, setting.source));
		if (!group) return { ok: false, reason: 'quotas.sourceUnknown' };
		if (setting.limits.some((l) => !group.options.some((o) => o.code === l.option))) return { ok: false, reason: 'quotas.optionUnknown' };
		// The survey row first: storing transactions take it before any quota row, so this order cannot deadlock.
		await updateSurvey(trx, surveyId, {}, now);
		await replaceSourceQuotas(trx, surveyId, setting.source, setting.limits);
		await recountQuotas(trx, surveyId);
		await recordAudit(trx, {
			action: 'survey.quotas-changed',
			actor,
			target: surveyId,
			detail: { source: group.token, limits: setting.limits.map((l) => `${l.option}=${l.limit}`).join(', ') }
		});
		const saved = (await surveyQuotaGroups(trx, survey)).find((g) => sameSource(g, setting.source))!;
		return { ok: true, value: saved };
	});
}
