// What a respondent's link leads to: the questionnaire, or a friendly page saying why not (closed,
// full, invitation needed or used, already answered). Final say belongs to the storing transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { channelExists } from '../repo/channels';
import { findInvitation, markInvitationStarted } from '../repo/invitations';
import { channelQuotaFull } from '../repo/quotas';
import { respondentHasResponded } from '../repo/responses';
import { findVersion, type Survey, type SurveyVersion } from '../repo/surveys';
import type { SubmissionRefusal } from './submit';

/** Why a link shows a notice instead of questions. */
export type Unavailable = Exclude<SubmissionRefusal, 'versionChanged'>;

export type Questionnaire =
	| { available: true; survey: Survey; version: SurveyVersion; channel: string | null; token: string | null }
	| { available: false; survey: Survey; reason: Unavailable };

/** The survey's own state now: open, or why not (ignores tokens and duplicates). */
export function surveyWindow(survey: Survey, now = Date.now()): 'open' | 'notOpen' | 'notYetOpen' | 'closed' | 'full' {
	if (survey.status === 'draft' || !survey.currentVersionId) return 'notOpen';
	if (survey.status === 'closed' || survey.archived) return 'closed';
	if (survey.opensAt !== null && survey.opensAt > now) return 'notYetOpen';
	if (survey.closesAt !== null && survey.closesAt <= now) return 'closed';
	if (survey.responseCap !== null && survey.responseCount >= survey.responseCap) return 'full';
	return 'open';
}

/**
 * Resolves a respondent link to the questionnaire to show or the reason it cannot be answered.
 * `respondentKey` is the cookie hash in cookie duplicate mode.
 */
export async function openQuestionnaire(
	db: Kysely<Database>,
	survey: Survey,
	link: { token: string | null; channel: string | null; respondentKey: string | null },
	now = Date.now()
): Promise<Questionnaire> {
	const state = surveyWindow(survey, now);
	if (state !== 'open') return { available: false, survey, reason: state };
	const invitation = link.token ? await findInvitation(db, survey.id, link.token) : undefined;
	if (link.token && !invitation) return { available: false, survey, reason: 'invitationInvalid' };
	if (invitation?.usedAt) return { available: false, survey, reason: 'invitationUsed' };
	if (!invitation && survey.accessMode === 'invitation') return { available: false, survey, reason: 'invitationRequired' };
	if (link.respondentKey && (await respondentHasResponded(db, survey.id, link.respondentKey))) {
		return { available: false, survey, reason: 'duplicate' };
	}
	const version = await findVersion(db, survey.currentVersionId!);
	if (!version) return { available: false, survey, reason: 'notOpen' };
	const channel = invitation?.channelCode ?? (link.channel && (await channelExists(db, survey.id, link.channel)) ? link.channel : null);
	// A full channel is said at once rather than after the whole questionnaire.
	if (channel && (await channelQuotaFull(db, survey.id, channel))) return { available: false, survey, reason: 'quotaFull' };
	return { available: true, survey, version, channel, token: invitation?.token ?? null };
}

/**
 * Notes that the respondent moved on in the questionnaire through an invitation (a page step): the
 * campaign's "started". Opening the link is not enough, as mail scanners open links too.
 */
export async function noteInvitationStart(db: Kysely<Database>, surveyId: string, token: string | null, now = Date.now()): Promise<void> {
	if (token) await markInvitationStarted(db, surveyId, token, now);
}
