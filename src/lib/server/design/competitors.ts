// Competitors of a survey: naming them adds the competitor block to the draft (screener first, the
// indicator items rated for each competitor), saved like any other draft edit.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { User } from '../repo/users';
import type { Survey } from '../repo/surveys';
import type { Competitor } from '../../survey/definition';
import { competitorListProblems, withCompetitorBlock } from '../../survey/competitor-design';
import type { DesignIssue } from '../../survey/design-issue';
import { saveDraft } from './surveys';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email' | 'role'>;

export type CompetitorOutcome = { ok: true } | { ok: false; problems: DesignIssue[] } | { ok: false; reason: string };

/** Adds (or redoes) the competitor block with these competitors; a bad list stores nothing and says why. */
export async function saveCompetitors(db: Db, actor: Actor, survey: Survey, competitors: Competitor[]): Promise<CompetitorOutcome> {
	const problems = competitorListProblems(competitors, survey.settings.languages);
	if (problems.length > 0) return { ok: false, problems };
	const saved = await saveDraft(db, actor, survey.id, withCompetitorBlock(survey.draft, competitors), survey.updatedAt);
	return saved.ok ? { ok: true } : { ok: false, reason: saved.reason };
}
