// Publishing a draft under the versioning rule (src/lib/survey/versioning.ts), inside the caller's
// transaction; also what the designer shows before the user publishes.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import {
	countVersionResponses,
	findVersion,
	insertVersion,
	listVersions,
	replaceUnansweredVersion,
	updateSurvey,
	updateVersionDefinition,
	type Survey
} from '../repo/surveys';
import { planPublish, type PublishPlan, type Change } from '../../survey/versioning';

type Db = Kysely<Database>;

/** What publishing the survey's draft would do now. */
export async function publishPlanFor(db: Db, survey: Survey): Promise<PublishPlan & { change: Change }> {
	const current = survey.currentVersionId ? await findVersion(db, survey.currentVersionId) : undefined;
	if (!current) return planPublish(null, survey.draft);
	const versions = await listVersions(db, survey.id);
	return planPublish(
		{
			number: current.number,
			definition: current.definition,
			responses: await countVersionResponses(db, current.id),
			latestNumber: Math.max(...versions.map((v) => v.number))
		},
		survey.draft
	);
}

async function addVersion(db: Db, survey: Survey, number: number): Promise<void> {
	const id = randomToken();
	await insertVersion(db, { id, surveyId: survey.id, number, definition: survey.draft, createdAt: Date.now() });
	await updateSurvey(db, survey.id, { currentVersionId: id });
}

/** Applies the plan; a version that got a response meanwhile is never replaced (a new one is made). */
export async function publishInTransaction(db: Db, survey: Survey): Promise<{ action: PublishPlan['action']; number: number }> {
	const plan = await publishPlanFor(db, survey);
	const versionId = survey.currentVersionId!;
	switch (plan.action) {
		case 'unchanged':
			return plan;
		case 'first':
		case 'newVersion':
			await addVersion(db, survey, plan.number);
			return plan;
		case 'fixWording':
			await updateVersionDefinition(db, versionId, survey.draft);
			// A new updatedAt tells every process that remembers the survey to read it again.
			await updateSurvey(db, survey.id, {});
			return plan;
		case 'replace': {
			if (await replaceUnansweredVersion(db, versionId, survey.draft)) {
				await updateSurvey(db, survey.id, {});
				return plan;
			}
			const latest = Math.max(...(await listVersions(db, survey.id)).map((v) => v.number));
			await addVersion(db, survey, latest + 1);
			return { action: 'newVersion', number: latest + 1 };
		}
	}
}
