import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guards';
import { appDb } from '$lib/server/db';
import { optionalText } from '$lib/server/design/fields';
import {
	addModelPath,
	addNode,
	duplicateSystem,
	moveTreeNode,
	removeModelPath,
	removeNode,
	renameSystem,
	saveDirectPoints,
	setSystemArchived,
	systemForUser,
	updateNode,
	type NodeMove
} from '$lib/server/design/systems';
import { parseForm, readForm, requiredText } from '$lib/server/forms';
import { countSystemSurveys, listNodes, listPaths } from '$lib/server/repo/systems';
import { flattenTree, modelRoles } from '$lib/survey/indicator-tree';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const idField = v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required'));
const nodeSchema = v.object({
	code: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('validation.required'), v.maxLength(32, 'validation.tooLong')),
	nameZh: requiredText(200),
	nameEn: requiredText(200),
	description: optionalText(2000),
	modelRole: v.picklist(['', ...modelRoles], 'validation.invalid')
});
const schemas = {
	rename: v.object({ nameZh: requiredText(200), nameEn: requiredText(200), description: optionalText(2000) }),
	archive: v.object({ archived: v.picklist(['0', '1'], 'validation.invalid') }),
	addNode: v.object({ ...nodeSchema.entries, parentId: v.optional(v.string(), '') }),
	updateNode: v.object({ ...nodeSchema.entries, nodeId: idField }),
	moveNode: v.object({ nodeId: idField, move: v.pipe(v.optional(v.string(), ''), v.regex(/^(up|down|indent|outdent|to:[\w-]*:\d{1,4})$/, 'validation.invalid')) }),
	deleteNode: v.object({ nodeId: idField }),
	path: v.object({ fromId: idField, toId: idField })
};

/** The system, when the signed-in researcher may edit it; 404 otherwise (its existence does not leak). */
async function editable(event: Pick<RequestEvent, 'locals' | 'params' | 'url'>) {
	const user = requireRole(event.locals, 'researcher', event.url);
	const system = await systemForUser(appDb(), user, event.params.id);
	if (!system) error(404, { message: 'errors.notFound' });
	return { user, system };
}

export const load: PageServerLoad = async (event) => {
	const { system } = await editable(event);
	const nodes = await listNodes(appDb(), system.id);
	return { system, tree: flattenTree(nodes), paths: await listPaths(appDb(), system.id), surveys: await countSystemSurveys(appDb(), system.id) };
};

const fields = (data: { code: string; nameZh: string; nameEn: string; description: string; modelRole: string }) => ({
	code: data.code,
	nameZh: data.nameZh,
	nameEn: data.nameEn,
	description: data.description,
	modelRole: (data.modelRole || null) as (typeof modelRoles)[number] | null
});

function moveFrom(value: string): NodeMove {
	if (!value.startsWith('to:')) return value as NodeMove;
	const [, parentId, position] = value.split(':');
	return { parentId: parentId || null, position: Number(position) };
}

/** Parses, runs and reports one tree change; the failure names the form that failed. */
async function treeAction<S extends v.GenericSchema>(event: RequestEvent, name: string, schema: S, run: (ctx: Awaited<ReturnType<typeof editable>>, data: v.InferOutput<S>) => Promise<{ ok: boolean; reason?: string }>) {
	const ctx = await editable(event);
	const form = await parseForm(event.request, schema);
	if (!form.ok) return fail(400, { action: name, values: form.values, errors: form.errors as Record<string, string> });
	const done = await run(ctx, form.data);
	if (!done.ok) return fail(400, { action: name, values: form.values, errors: { form: done.reason ?? 'validation.invalid' } as Record<string, string> });
	return { action: name, done: true };
}

export const actions: Actions = {
	rename: (e) => treeAction(e, 'rename', schemas.rename, async ({ user, system }, d) => (await renameSystem(appDb(), user, system.id, d), { ok: true })),
	duplicate: async (event) => {
		const { user, system } = await editable(event);
		const copy = await duplicateSystem(appDb(), user, system);
		redirect(303, `/systems/${copy.id}`);
	},
	archive: (e) => treeAction(e, 'archive', schemas.archive, async ({ user, system }, d) => (await setSystemArchived(appDb(), user, system.id, d.archived === '1'), { ok: true })),
	addNode: (e) => treeAction(e, 'addNode', schemas.addNode, ({ user, system }, d) => addNode(appDb(), user, system.id, d.parentId || null, fields(d))),
	updateNode: (e) => treeAction(e, 'updateNode', schemas.updateNode, ({ user, system }, d) => updateNode(appDb(), user, system.id, d.nodeId, fields(d))),
	moveNode: (e) => treeAction(e, 'moveNode', schemas.moveNode, ({ user, system }, d) => moveTreeNode(appDb(), user, system.id, d.nodeId, moveFrom(d.move))),
	deleteNode: (e) => treeAction(e, 'deleteNode', schemas.deleteNode, ({ user, system }, d) => removeNode(appDb(), user, system.id, d.nodeId)),
	addPath: (e) => treeAction(e, 'addPath', schemas.path, ({ user, system }, d) => addModelPath(appDb(), user, system.id, d)),
	removePath: (e) => treeAction(e, 'removePath', schemas.path, ({ user, system }, d) => removeModelPath(appDb(), user, system.id, d)),
	points: async (event) => {
		const { user, system } = await editable(event);
		const form = await readForm(event.request);
		if (!form) return fail(400, { action: 'points', errors: { form: 'validation.malformed' } as Record<string, string> });
		const parent = String(form.get('parentId') ?? '');
		const points: Record<string, number> = {};
		for (const [key, value] of form) {
			if (!key.startsWith('p.')) continue;
			const n = Number(value);
			if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) {
				return fail(400, { action: 'points', parent, errors: { form: 'systems.pointsInvalid' } as Record<string, string> });
			}
			points[key.slice(2)] = n;
		}
		const saved = await saveDirectPoints(appDb(), user, system.id, parent || null, points);
		if (!saved.ok) return fail(400, { action: 'points', parent, errors: { form: saved.reason } as Record<string, string> });
		return { action: 'points', parent, done: true };
	}
};
