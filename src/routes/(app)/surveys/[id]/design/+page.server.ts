import { fail } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { readForm } from '$lib/server/forms';
import { publishDraft, saveDraft } from '$lib/server/design/surveys';
import { findVersion, countVersionResponses, listVersions, type Survey } from '$lib/server/repo/surveys';
import { listNodes } from '$lib/server/repo/systems';
import { applyConditionFields, type ConditionErrors } from '$lib/survey/condition-form';
import { applyFields, type Fields } from '$lib/survey/definition-form';
import { parseDefinitionJson } from '$lib/survey/definition-schema';
import { applyDesignOp, decodeOp, itemKinds, type ButtonOp } from '$lib/survey/design-ops';
import type { ItemKind, SurveyDefinition } from '$lib/survey/definition';
import { questionBank } from '$lib/survey/templates';
import { flattenTree } from '$lib/survey/indicator-tree';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { survey } = await requireSurvey(locals, params.id, 'edit', url);
	const db = appDb();
	const nodes = survey.systemId ? await listNodes(db, survey.systemId) : null;
	const current = survey.currentVersionId ? await findVersion(db, survey.currentVersionId) : undefined;
	return {
		draft: survey.draft,
		base: survey.updatedAt,
		settings: survey.settings,
		responseCount: survey.responseCount,
		responseCap: survey.responseCap,
		nodes,
		indicators: nodes ? flattenTree(nodes).map(({ node, depth }) => ({ code: node.code, nameZh: node.nameZh, nameEn: node.nameEn, depth })) : [],
		current: current ? { number: current.number, definition: current.definition, responses: await countVersionResponses(db, current.id) } : null,
		latestNumber: Math.max(0, ...(await listVersions(db, survey.id)).map((v) => v.number)),
		bank: questionBank.map((entry) => ({ id: entry.id, purpose: entry.purpose }))
	};
};

async function readFields(request: Request): Promise<Fields | null> {
	const form = await readForm(request);
	if (!form) return null;
	const fields: Fields = {};
	for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
	return fields;
}

/** The posted op, with the kind or bank question picked beside an "add" button (used without JavaScript). */
function postedOp(fields: Fields): ButtonOp | null {
	const op = fields.op ? decodeOp(fields.op) : null;
	if (op?.type === 'addItem' && itemKinds.includes(fields[`add.${op.section}`] as ItemKind)) return { ...op, kind: fields[`add.${op.section}`] as ItemKind };
	if (op?.type === 'addBank' && fields[`bank.${op.section}`]) return { ...op, id: fields[`bank.${op.section}`] };
	return op;
}

type PostedDraft = { ok: true; draft: SurveyDefinition } | { ok: false; draft?: SurveyDefinition; errors?: ConditionErrors };

/**
 * The draft the post describes: the whole definition as JSON (with JavaScript) or the named fields,
 * then the button's edit. Conditions posted without JavaScript that cannot be read come back with
 * their errors beside the fields; the save service judges the rest.
 */
function postedDraft(survey: Survey, fields: Fields): PostedDraft {
	const read = fields.definition !== undefined ? parseDefinitionJson(fields.definition) : applyConditionFields(applyFields(survey.draft, fields), fields);
	if (!read) return { ok: false };
	if ('ok' in read && !read.ok) return { ok: false, draft: applyFields(survey.draft, fields), errors: read.errors };
	const draft = 'ok' in read ? read.value : read;
	const op = postedOp(fields);
	return { ok: true, draft: op ? applyDesignOp(draft, op) : draft };
}

/** Why a save was refused (a message key), with the condition errors and the draft as posted. */
interface Refusal {
	error: string;
	conditionErrors?: ConditionErrors;
	draft?: SurveyDefinition;
}
const refuse = (status: number, refusal: Refusal) => fail(status, refusal);

async function save(locals: App.Locals, id: string, request: Request, url: URL) {
	const { user, survey } = await requireSurvey(locals, id, 'edit', url);
	const fields = await readFields(request);
	const posted = fields && postedDraft(survey, fields);
	if (!fields || !posted) return { user, failure: refuse(400, { error: 'designer.draftInvalid' }) };
	if (!posted.ok) {
		const error = posted.errors ? 'designer.conditionInvalid' : 'designer.draftInvalid';
		return { user, failure: refuse(400, { error, conditionErrors: posted.errors, draft: posted.draft }) };
	}
	const { draft } = posted;
	const base = Number(fields.base);
	const saved = await saveDraft(appDb(), user, survey.id, draft, Number.isSafeInteger(base) && base > 0 ? base : null);
	if (!saved.ok && saved.conditionErrors) return { user, failure: refuse(400, { error: saved.reason, conditionErrors: saved.conditionErrors, draft: saved.draft }) };
	if (!saved.ok) return { user, failure: refuse(409, { error: saved.reason }) };
	const op = postedOp(fields);
	const added = op?.type === 'addItem' || op?.type === 'addBank' ? { section: op.section, item: draft.sections[op.section].items.length - 1 } : undefined;
	return { user, saved: saved.value, added };
}

export const actions: Actions = {
	save: async ({ locals, params, request, url }) => {
		const result = await save(locals, params.id, request, url);
		return result.failure ?? { saved: result.saved, added: result.added };
	},
	publish: async ({ locals, params, request, url }) => {
		const result = await save(locals, params.id, request, url);
		if (result.failure) return result.failure;
		const published = await publishDraft(appDb(), result.user, params.id);
		if (!published.ok) return fail(400, { error: published.reason, saved: result.saved });
		return { saved: result.saved, published: published.value };
	}
};
