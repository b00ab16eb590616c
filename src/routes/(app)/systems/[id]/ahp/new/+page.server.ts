import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAhpSystem } from '$lib/server/ahp/access';
import { createRound } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { parseForm, requiredText } from '$lib/server/forms';
import { listNodes } from '$lib/server/repo/systems';
import { ROOT_NODE } from '$lib/survey/ahp-round';
import { childrenOf, comparableNodes } from '$lib/survey/ahp-tree';
import type { Actions, PageServerLoad } from './$types';

const schema = v.object({
	title: requiredText(120),
	// A calendar day (the deadline is its end in the researcher's time zone, sent by the page) or nothing.
	deadline: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.isoDate('ahp.new.deadlineInvalid'))], 'ahp.new.deadlineInvalid'), ''),
	tzOffset: v.optional(v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(-840), v.maxValue(840)), '0')
});

/** End of the given day in the browser's time zone (getTimezoneOffset minutes; UTC without JavaScript). */
function endOfDay(isoDate: string, tzOffset: number): number {
	const [y, m, d] = isoDate.split('-').map(Number);
	return Date.UTC(y, m - 1, d, 23, 59, 59, 999) + tzOffset * 60_000;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { system } = await requireAhpSystem(locals, params.id, url);
	const nodes = await listNodes(appDb(), system.id);
	const comparable = comparableNodes(nodes).map((id) => {
		const node = nodes.find((n) => n.id === id);
		const children = childrenOf(nodes, id);
		return { id, nameZh: node?.nameZh ?? system.nameZh, nameEn: node?.nameEn ?? system.nameEn, code: node?.code ?? null, children: children.length };
	});
	return { system: { id: system.id, nameZh: system.nameZh, nameEn: system.nameEn }, comparable, root: ROOT_NODE };
};

export const actions: Actions = {
	default: async ({ locals, params, request, url }) => {
		const { user, system } = await requireAhpSystem(locals, params.id, url);
		const copy = request.clone();
		const form = await parseForm(request, schema);
		const nodeIds = ((await copy.formData().catch(() => null))?.getAll('node') ?? []).map(String);
		if (!form.ok) return fail(400, { values: form.values, nodeIds, errors: form.errors });
		const deadline = form.data.deadline ? endOfDay(form.data.deadline, form.data.tzOffset) : null;
		const created = await createRound(appDb(), user, system.id, { title: form.data.title, nodeIds, deadline });
		if (!created.ok) {
			const field = created.reason === 'ahp.new.deadlinePast' ? 'deadline' : 'nodes';
			return fail(400, { values: form.values, nodeIds, errors: { [field]: created.reason } });
		}
		redirect(303, `/systems/${system.id}/ahp/${created.value.id}`);
	}
};
