// Creating and editing surveys: drafts, settings, publishing under the versioning rule, opening and
// closing. Each change runs in one transaction with its audit entry.
import type { Kysely } from 'kysely';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { AccessMode, Database } from '../db/schema';
import type { Outcome } from '../auth/accounts';
import { randomToken } from '../ids';
import { auditedSince, recordAudit } from '../repo/audit';
import { findSurveyById, insertSurvey, surveyCodeTaken, updateSurvey, type Survey } from '../repo/surveys';
import { listNodes } from '../repo/systems';
import type { User } from '../repo/users';
import type { LocalText, SurveyDefinition, SurveyLanguage, SurveySettings } from '../../survey/definition';
import { conditionErrors, type ConditionErrors } from '../../survey/condition-form';
import { blocking, checkDesign, type DesignIssue } from '../../survey/design-checks';
import { definitionFromSystem } from '../../survey/from-system';
import { applyRenames, codeRenames } from '../../survey/renames';
import type { TemplateId } from '../../survey/templates/index';
import { createSystem, systemForUser } from './systems';
import { publishInTransaction } from './publish';

type Db = Kysely<Database>;
type Actor = Pick<User, 'id' | 'email' | 'role'>;

/** A public link code: 8 characters of lower-case base32 (40 random bits), unused so far. */
export async function newSurveyCode(db: Db): Promise<string> {
	for (;;) {
		const code = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(5)));
		if (!(await surveyCodeTaken(db, code))) return code;
	}
}

export type SurveySource = { kind: 'blank' } | { kind: 'template'; template: TemplateId } | { kind: 'system'; systemId: string };

export interface NewSurvey {
	title: LocalText;
	languages: SurveyLanguage[];
	defaultLanguage: SurveyLanguage;
	timeZone: string;
	source: SurveySource;
}

function defaultSettings(input: NewSurvey): SurveySettings {
	return {
		languages: input.languages,
		defaultLanguage: input.defaultLanguage,
		title: input.title,
		welcome: {},
		thanks: {},
		timeZone: input.timeZone,
		randomizeItems: false,
		progressBar: true,
		duplicateGuard: 'cookie'
	};
}

const blankDraft: SurveyDefinition = { sections: [{ code: 'S1', title: {}, items: [] }] };

/** Where the first draft comes from: a template (which also creates its indicator system), a system, or nothing. */
async function firstDraft(db: Db, actor: Actor, input: NewSurvey): Promise<{ systemId: string | null; draft: SurveyDefinition } | null> {
	const { source } = input;
	if (source.kind === 'blank') return { systemId: null, draft: blankDraft };
	if (source.kind === 'template') {
		const title = { nameZh: input.title['zh-CN'] || input.title.en || '', nameEn: input.title.en || input.title['zh-CN'] || '' };
		const system = await createSystem(db, actor, { ...title, template: source.template });
		return { systemId: system.id, draft: definitionFromSystem(await listNodes(db, system.id), { template: source.template }) };
	}
	const system = await systemForUser(db, actor, source.systemId);
	if (!system) return null;
	return { systemId: system.id, draft: definitionFromSystem(await listNodes(db, system.id), { template: system.template }) };
}

/** A survey as first stored: no version or responses yet, no cap or schedule, public, not archived. */
export function freshSurvey(fields: Pick<Survey, 'id' | 'ownerId' | 'systemId' | 'code' | 'title' | 'status' | 'settings' | 'draft'>, now: number): Survey {
	return { ...fields, currentVersionId: null, responseCount: 0, responseCap: null, opensAt: null, closesAt: null, accessMode: 'public', archived: false, createdAt: now, updatedAt: now };
}

/** A new draft survey owned by the actor. */
export async function createSurvey(db: Db, actor: Actor, input: NewSurvey, now = Date.now()): Promise<Outcome<Survey>> {
	const start = await firstDraft(db, actor, input);
	if (!start) return { ok: false, reason: 'surveys.systemMissing' };
	const settings = defaultSettings(input);
	return db.transaction().execute(async (trx) => {
		const survey = freshSurvey(
			{ id: randomToken(), ownerId: actor.id, systemId: start.systemId, code: await newSurveyCode(trx), title: settings.title[settings.defaultLanguage] ?? '', status: 'draft', settings, draft: start.draft },
			now
		);
		await insertSurvey(trx, survey);
		await recordAudit(trx, { action: 'survey.created', actor, target: survey.id, detail: { source: input.source.kind, title: survey.title } });
		return { ok: true, value: survey };
	});
}

const DRAFT_AUDIT_EVERY_MS = 10 * 60_000;

export type DraftOutcome = Outcome<number> & { conditionErrors?: ConditionErrors; draft?: SurveyDefinition };

/**
 * The draft as it will be stored: conditions follow the item and option codes renamed since the
 * stored draft, and every condition set or changed must test earlier answers with tests and values
 * that suit them (judged against the stored draft under the same renames, so an untouched condition
 * is not judged).
 */
function checkedDraft(stored: SurveyDefinition, posted: SurveyDefinition): { draft: SurveyDefinition; errors: ConditionErrors } {
	const renames = codeRenames(stored, posted);
	const draft = applyRenames(posted, renames);
	return { draft, errors: conditionErrors(applyRenames(stored, renames), draft) };
}

/**
 * Stores the draft being edited. `base` is the draft's `updatedAt` the editor started from: when
 * someone else saved since, the save is refused rather than silently overwriting their work. A
 * condition that does not suit its answers refuses the save, with field errors beside the draft.
 */
export async function saveDraft(db: Db, actor: Actor, surveyId: string, posted: SurveyDefinition, base: number | null, now = Date.now()): Promise<DraftOutcome> {
	return db.transaction().execute(async (trx) => {
		const survey = await findSurveyById(trx, surveyId);
		if (!survey) return { ok: false, reason: 'errors.notFound' };
		if (base !== null && survey.updatedAt !== base) return { ok: false, reason: 'designer.saveConflict' };
		const { draft, errors } = checkedDraft(survey.draft, posted);
		if (Object.keys(errors).length > 0) return { ok: false, reason: 'designer.conditionInvalid', conditionErrors: errors, draft };
		const at = await updateSurvey(trx, surveyId, { draft }, now);
		// The designer autosaves every few seconds: one entry per editor and survey in ten minutes
		// says who edited when, without burying everything else in the log.
		const entry = { action: 'survey.draft-saved' as const, actor, target: surveyId };
		if (!(await auditedSince(trx, entry, at - DRAFT_AUDIT_EVERY_MS))) await recordAudit(trx, entry, at);
		return { ok: true, value: at };
	});
}

export interface SettingsInput {
	settings: SurveySettings;
	opensAt: number | null;
	closesAt: number | null;
	responseCap: number | null;
	accessMode: AccessMode;
}

/** Settings change without a version; a cap below the responses already in is refused. */
export async function saveSettings(db: Db, actor: Actor, surveyId: string, input: SettingsInput): Promise<Outcome> {
	return db.transaction().execute(async (trx) => {
		const survey = await findSurveyById(trx, surveyId);
		if (!survey) return { ok: false, reason: 'errors.notFound' };
		if (input.responseCap !== null && input.responseCap < survey.responseCount) {
			return { ok: false, reason: 'surveys.capBelowResponses', params: { count: survey.responseCount } };
		}
		const title = input.settings.title[input.settings.defaultLanguage] || survey.title;
		await updateSurvey(trx, surveyId, { ...input, title });
		await recordAudit(trx, { action: 'survey.settings-changed', actor, target: surveyId });
		return { ok: true, value: undefined };
	});
}

/** The design checks of the survey as it stands (draft, settings, its indicator system). */
export async function designIssues(db: Db, survey: Survey): Promise<DesignIssue[]> {
	const nodes = survey.systemId ? await listNodes(db, survey.systemId) : undefined;
	return checkDesign({ definition: survey.draft, settings: survey.settings, nodes, responseCount: survey.responseCount, responseCap: survey.responseCap });
}

export type PublishOutcome = Outcome<{ action: string; number: number }> & { issues?: DesignIssue[] };

/** Publishes the draft under the versioning rule; refused while design checks fail. */
export async function publishDraft(db: Db, actor: Actor, surveyId: string): Promise<PublishOutcome> {
	return db.transaction().execute(async (trx) => {
		const survey = await findSurveyById(trx, surveyId);
		if (!survey) return { ok: false, reason: 'errors.notFound' };
		const issues = await designIssues(trx, survey);
		if (blocking(issues).length > 0) return { ok: false, reason: 'designer.checksFailed', issues: blocking(issues) };
		const done = await publishInTransaction(trx, survey);
		if (done.action !== 'unchanged') {
			await recordAudit(trx, { action: 'survey.published', actor, target: surveyId, detail: { action: done.action, version: done.number } });
		}
		return { ok: true, value: done };
	});
}

/** Opens the survey (publishing the draft first when it changed); refused while design checks fail. */
export async function setSurveyStatus(db: Db, actor: Actor, surveyId: string, status: 'open' | 'closed'): Promise<PublishOutcome> {
	return db.transaction().execute(async (trx) => {
		const survey = await findSurveyById(trx, surveyId);
		if (!survey) return { ok: false, reason: 'errors.notFound' };
		let published = { action: 'unchanged', number: 0 };
		if (status === 'open') {
			const issues = await designIssues(trx, survey);
			if (blocking(issues).length > 0) return { ok: false, reason: 'designer.checksFailed', issues: blocking(issues) };
			published = await publishInTransaction(trx, survey);
			if (published.action !== 'unchanged') {
				await recordAudit(trx, { action: 'survey.published', actor, target: surveyId, detail: { action: published.action, version: published.number } });
			}
		}
		await updateSurvey(trx, surveyId, { status });
		await recordAudit(trx, { action: 'survey.status', actor, target: surveyId, detail: { status } });
		return { ok: true, value: published };
	});
}
