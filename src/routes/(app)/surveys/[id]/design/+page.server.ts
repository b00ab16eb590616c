import { fail } from '@sveltejs/kit';
import { requireSurvey } from '$lib/server/auth/survey-access';
import { appDb } from '$lib/server/db';
import { publishDraft, saveDraft } from '$lib/server/design/surveys';
import { findVersion, countVersionResponses, listVersions, type Survey } from '$lib/server/repo/surveys';
import { listNodes } from '$lib/server/repo/systems';
import { applyFields, type Fields } from '$lib/survey/definition-form';
import { parseDefinitionJson } from '$lib/survey/definition-schema';
import { applyDesignOp, decodeOp, itemKinds, type DesignOp } from '$lib/survey/design-ops';
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
	try {
		const form = await request.formData();
		const fields: Fields = {};
		for (const [name, value] of form) if (typeof value === 'string') fields[name] = value;
		return fields;
	} catch {
		return null;
	}
}

/** The posted op, with the kind or bank question picked beside an "add" button (used without JavaScript). */
function postedOp(fields: Fields): DesignOp | null {
	const op = fields.op ? decodeOp(fields.op) : null;
	if (op?.type === 'addItem' && itemKinds.includes(fields[`add.${op.section}`] as ItemKind)) return { ...op, kind: fields[`add.${op.section}`] as ItemKind };
	if (op?.type === 'addBank' && fields[`bank.${op.section}`]) return { ...op, id: fields[`bank.${op.section}`] };
	return op;
}

/** The draft the post describes: the whole definition as JSON (with JavaScript) or the named fields. */
function postedDraft(survey: Survey, fields: Fields): SurveyDefinition | null {
	const draft = fields.definition !== undefined ? parseDefinitionJson(fields.definition) : applyFields(survey.draft, fields);
	if (!draft) return null;
	const op = postedOp(fields);
	return op ? applyDesignOp(draft, op) : draft;
}

async function save(locals: App.Locals, id: string, request: Request, url: URL) {
	const { user, survey } = await requireSurvey(locals, id, 'edit', url);
	const fields = await readFields(request);
	const draft = fields && postedDraft(survey, fields);
	if (!fields || !draft) return { user, failure: fail(400, { error: 'designer.draftInvalid' }) };
	const base = Number(fields.base);
	const saved = await saveDraft(appDb(), user, survey.id, draft, Number.isSafeInteger(base) && base > 0 ? base : null);
	if (!saved.ok) return { user, failure: fail(409, { error: saved.reason }) };
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
