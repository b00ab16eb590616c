import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAhpSystem } from '$lib/server/ahp/access';
import { createRound } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { parseForm, requiredText, type FieldErrors } from '$lib/server/forms';
import { listNodes } from '$lib/server/repo/systems';
import { ROOT_NODE } from '$lib/stats/weights/ahp-round';
import { childrenOf, comparableNodes } from '$lib/stats/weights/ahp-tree';
import { serverTimeZone } from '$lib/i18n/zoned-format';
import { zonedToEpoch } from '$lib/survey/zoned-time';
import type { Actions, PageServerLoad } from './$types';

const schema = v.object({
	title: requiredText(120),
	// A calendar day (the deadline is its end in the server's time zone, which the page names) or nothing.
	deadline: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.isoDate('ahp.new.deadlineInvalid'))], 'ahp.new.deadlineInvalid'), '')
});

/** The last millisecond of the given day in `zone`; null for a day the calendar lacks. */
function endOfDay(isoDate: string, zone: string): number | null {
	const lastMinute = zonedToEpoch(`${isoDate}T23:59`, zone);
	return lastMinute === null ? null : lastMinute + 59_999;
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
		const deadline = form.data.deadline ? endOfDay(form.data.deadline, serverTimeZone()) : null;
		if (deadline === null && form.data.deadline) return fail(400, { values: form.values, nodeIds, errors: { deadline: 'ahp.new.deadlineInvalid' } as FieldErrors });
		const created = await createRound(appDb(), user, system.id, { title: form.data.title, nodeIds, deadline });
		if (!created.ok) {
			const field = created.reason === 'ahp.new.deadlinePast' ? 'deadline' : 'nodes';
			return fail(400, { values: form.values, nodeIds, errors: { [field]: created.reason } });
		}
		redirect(303, `/systems/${system.id}/ahp/${created.value.id}`);
	}
};
