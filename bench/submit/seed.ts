// The survey bench/submit posts to and bench/page-weight loads: 30 five-point Likert items in six
// sections and a single choice with a quota on each option, open, public. Sections 2–6 and one
// item carry display conditions that the bench's answers meet, so the conditions are evaluated and
// the quotas counted on every post, as a real survey using them would be.
import path from 'node:path';
import type { Kysely } from 'kysely';
import { createDb } from '../../src/lib/server/db/create-db';
import { folderMigrations } from '../../src/lib/server/db/folder-migrations';
import { migrateToLatest } from '../../src/lib/server/db/migrator';
import type { Database } from '../../src/lib/server/db/schema';
import { randomToken } from '../../src/lib/server/ids';
import { replaceSourceQuotas } from '../../src/lib/server/repo/quotas';
import { insertUser } from '../../src/lib/server/repo/users';
import type { SurveyDefinition, SurveySettings } from '../../src/lib/survey/definition';
import { root } from '../lib/app-server';

export const ITEMS = 30;
const code = (i: number) => `Q${i + 1}`;

const likert = (i: number) => ({
	code: code(i),
	kind: 'likert' as const,
	text: { en: `Statement ${i + 1}`, 'zh-CN': `陈述 ${i + 1}` },
	required: true,
	scale: { min: 1, max: 5 },
	reversed: false,
	notApplicable: true,
	// Asked of those who did not strongly disagree with the section's first statement.
	...(i % 5 === 4 ? { showIf: { all: [{ item: code(i - 4), op: 'gte' as const, value: 2 }] } } : {})
});
/** The choice the quotas count: every post answers it. */
export const SEGMENT = 'SEG';
const segment = {
	code: SEGMENT,
	kind: 'single' as const,
	text: { en: 'Customer type', 'zh-CN': '客户类型' },
	required: true,
	options: [
		{ code: 'retail', label: { en: 'Retail', 'zh-CN': '个人' } },
		{ code: 'business', label: { en: 'Business', 'zh-CN': '企业' } }
	]
};

export const benchDefinition: SurveyDefinition = {
	sections: Array.from({ length: 6 }, (_, s) => ({
		code: `S${s + 1}`,
		title: { en: `Section ${s + 1}`, 'zh-CN': `第 ${s + 1} 部分` },
		items: [...(s === 0 ? [segment] : []), ...Array.from({ length: ITEMS / 6 }, (_, j) => likert(s * 5 + j))],
		...(s === 0 ? {} : { showIf: { any: [{ item: SEGMENT, op: 'oneOf' as const, values: ['retail', 'business'] }] } })
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
	// Limits the bench never reaches, so every post is counted and none refused.
	await replaceSourceQuotas(db, id, { kind: 'item', code: SEGMENT }, [
		{ option: 'retail', limit: 1_000_000_000 },
		{ option: 'business', limit: 1_000_000_000 }
	]);
}

/** A complete, valid submission as the questionnaire's last page posts it. */
export function submissionBody(): string {
	const form = new URLSearchParams({ intent: 'submit', lang: 'zh-CN', page: '5', seed: 'benchseedabc', started: String(Date.now() - 120_000) });
	form.set(`a.${SEGMENT}`, 'retail');
	// 2–5, so every conditional item is shown and answered.
	for (let i = 0; i < ITEMS; i++) form.set(`a.${code(i)}`, String((i % 4) + 2));
	return form.toString();
}

/** A fresh SQLite file at `file`, migrated, holding the bench survey (the benches' app database). */
export async function createBenchDb(file: string): Promise<void> {
	const handle = createDb(file);
	await migrateToLatest(handle.db, await folderMigrations(path.join(root, 'migrations')));
	await seedBenchSurvey(handle.db);
	await handle.db.destroy();
}
