// A draft for the designer's condition builder: an NPS question, then a section for detractors.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { createSurvey, saveDraft } from '../../src/lib/server/design/surveys';
import type { SurveyDefinition } from '../../src/lib/survey/definition';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const followUp: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Overall', '总体评价'),
			items: [{ code: 'NPS', kind: 'nps', text: t('How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大？'), required: true, scale: { min: 0, max: 10, endLabels: { min: t('Not likely', '不太可能'), max: t('Very likely', '非常可能') } }, reversed: false, notApplicable: false }]
		},
		{
			code: 'S2',
			title: t('What went wrong', '哪里做得不好'),
			items: [{ code: 'WHY', kind: 'text', text: t('What should we improve?', '我们应该改进什么？'), required: false, maxLength: 500, multiline: true }]
		}
	]
};

/** A draft survey of the researcher with this email, holding `followUp`; its id. */
export async function seedFollowUp(db: Kysely<Database>, email: string): Promise<string> {
	const actor = await db.selectFrom('users').select(['id', 'email', 'role']).where('email', '=', email).executeTakeFirstOrThrow();
	const created = await createSurvey(db, actor, { title: t('Detractor follow-up', '贬损者回访'), languages: ['zh-CN', 'en'], defaultLanguage: 'zh-CN', timeZone: 'Asia/Shanghai', source: { kind: 'blank' } });
	if (!created.ok) throw new Error(created.reason);
	await saveDraft(db, actor, created.value.id, followUp, null);
	return created.value.id;
}
