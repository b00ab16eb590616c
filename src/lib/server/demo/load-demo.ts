// Loading the demo workspace: the generated SERVQUAL bank survey and the ECSI survey, each with its
// indicator system, version, channels and responses, owned by the admin and shared read-only with
// every viewer — all in one transaction with its audit entry; then the bank's customer panel and
// its two waves (load-panel.ts, through the campaign services); then folded into the store.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { randomToken } from '../ids';
import { foldSurvey } from '../analysis/fold';
import { insertResponsesInBulk } from '../repo/analysis-store';
import { recordAudit } from '../repo/audit';
import { insertChannel } from '../repo/channels';
import { findSurveyById, insertSurvey, insertVersion, saveShare, surveyCodeTaken, updateSurvey } from '../repo/surveys';
import { insertNodes, insertPath, insertSystem } from '../repo/systems';
import { freshSurvey } from '../design/surveys';
import { listUsers } from '../repo/users';
import { demoWorkspace, type DemoSurvey } from '../../demo';
import { loadDemoPanel } from './load-panel';

async function loadOne(trx: Kysely<Database>, demo: DemoSurvey, owner: { id: string }, viewers: string[], now: number): Promise<string> {
	const systemId = randomToken();
	await insertSystem(trx, { id: systemId, ownerId: owner.id, nameZh: demo.system.nameZh, nameEn: demo.system.nameEn, description: '', template: demo.system.template, archived: false, createdAt: now, updatedAt: now });
	await insertNodes(trx, systemId, demo.system.nodes);
	for (const path of demo.system.paths) await insertPath(trx, systemId, path);
	const surveyId = randomToken();
	const versionId = randomToken();
	const code = (await surveyCodeTaken(trx, demo.code)) ? `${demo.code}-${randomToken().slice(0, 6)}` : demo.code;
	const title = demo.title['zh-CN'] === demo.title.en ? demo.title.en : `${demo.title['zh-CN']} · ${demo.title.en}`;
	await insertSurvey(trx, freshSurvey({ id: surveyId, ownerId: owner.id, systemId, code, title, status: 'open', settings: demo.settings, draft: demo.definition }, now));
	await insertVersion(trx, { id: versionId, surveyId, number: 1, definition: demo.definition, createdAt: now });
	await updateSurvey(trx, surveyId, { currentVersionId: versionId }, now);
	for (const channel of demo.channels) await insertChannel(trx, surveyId, channel, now);
	for (const userId of viewers) await saveShare(trx, { surveyId, userId, access: 'view' }, now);
	// Panel responses arrive later, through their personal invitations (load-panel.ts).
	const responses = demo.responses.filter((r) => !r.panel).map((r) => ({ versionId, language: r.language, channel: r.channel, submittedAt: r.submittedAt, answers: r.answers }));
	await insertResponsesInBulk(trx, surveyId, responses, randomToken);
	return surveyId;
}

export interface DemoOptions {
	/** Where the panel's invitation links point (the app's own origin). */
	origin?: string;
	/** Load the bank's customer panel too (the demo bench measures its cost by leaving it out). */
	panel?: boolean;
	now?: number;
}

/** Creates the demo surveys for the admin `admin` (and the bank's panel) and folds their responses; returns the new survey ids. */
export async function loadDemoWorkspace(db: Kysely<Database>, admin: { id: string; email: string }, options: DemoOptions = {}): Promise<string[]> {
	const { origin = 'http://localhost:3000', panel = true, now = Date.now() } = options;
	const viewers = (await listUsers(db)).filter((u) => u.role === 'viewer' && u.active).map((u) => u.id);
	const demos = demoWorkspace(randomToken);
	const ids = await db.transaction().execute(async (trx) => {
		const created: string[] = [];
		for (const demo of demos) created.push(await loadOne(trx, demo, admin, viewers, now));
		await recordAudit(trx, { action: 'demo.loaded', actor: admin, detail: { surveys: created.length } }, now);
		return created;
	});
	if (panel) {
		for (const [i, id] of ids.entries()) await loadDemoPanel(db, { ...admin, role: 'admin' }, (await findSurveyById(db, id))!, demos[i], origin);
	}
	for (const id of ids) await foldSurvey(db, id);
	return ids;
}
