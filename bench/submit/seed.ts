// The survey bench/submit posts to and bench/page-weight loads: 30 five-point Likert items in six
// sections, open, public. Display conditions (`showIf` on items and sections) and quotas belong
// here as soon as the survey definition has them, so that both benches measure a survey that uses
// them: sections 2–6 shown on an answer in section 1, and a quota on a choice in section 1.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { randomToken } from '../../src/lib/server/ids';
import { insertUser } from '../../src/lib/server/repo/users';
import type { SurveyDefinition, SurveySettings } from '../../src/lib/survey/definition';

export const ITEMS = 30;
const code = (i: number) => `Q${i + 1}`;

export const benchDefinition: SurveyDefinition = {
	sections: Array.from({ length: 6 }, (_, s) => ({
		code: `S${s + 1}`,
		title: { en: `Section ${s + 1}`, 'zh-CN': `第 ${s + 1} 部分` },
		items: Array.from({ length: ITEMS / 6 }, (_, j) => ({
			code: code(s * 5 + j),
			kind: 'likert' as const,
			text: { en: `Statement ${s * 5 + j + 1}`, 'zh-CN': `陈述 ${s * 5 + j + 1}` },
			required: true,
			scale: { min: 1, max: 5 },
			reversed: false,
			notApplicable: true
		}))
	}))
};

const settings: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: { en: 'Bench', 'zh-CN': '基准' },
	welcome: {},
	thanks: {},
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

/** Inserts the open bench survey with code `bench`. */
export async function seedBenchSurvey(db: Kysely<Database>): Promise<void> {
	const owner = await insertUser(db, { email: 'bench@example.com', name: 'Bench', passwordHash: 'x', role: 'researcher' });
	const id = randomToken();
	const versionId = randomToken();
	const now = Date.now();
	await db
		.insertInto('surveys')
		.values({ id, owner_id: owner.id, system_id: null, code: 'bench', title: 'Bench', status: 'open', settings: JSON.stringify(settings), draft: JSON.stringify(benchDefinition), current_version_id: versionId, response_count: 0, response_cap: null, opens_at: null, closes_at: null, access_mode: 'public', archived: 0, created_at: now, updated_at: now })
		.execute();
	await db.insertInto('survey_versions').values({ id: versionId, survey_id: id, number: 1, definition: JSON.stringify(benchDefinition), created_at: now }).execute();
}

/** A complete, valid submission as the questionnaire's last page posts it. */
export function submissionBody(): string {
	const form = new URLSearchParams({ intent: 'submit', lang: 'zh-CN', page: '5', seed: 'benchseedabc', started: String(Date.now() - 120_000) });
	for (let i = 0; i < ITEMS; i++) form.set(`a.${code(i)}`, String((i % 5) + 1));
	return form.toString();
}
