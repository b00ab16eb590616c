import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAhpRound } from '$lib/server/ahp/access';
import { applyRound, loadResults, setExcluded } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { parseForm } from '$lib/server/forms';
import { CR_THRESHOLD, type GroupMode } from '$lib/stats/weights/ahp-round';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const viewSchema = v.object({
	mode: v.optional(v.picklist(['aij', 'aip'], 'validation.invalid'), 'aij'),
	threshold: v.optional(v.pipe(v.string(), v.toNumber('validation.invalid'), v.minValue(0.01, 'ahp.results.thresholdRange'), v.maxValue(0.5, 'ahp.results.thresholdRange')), String(CR_THRESHOLD))
});
const expertSchema = v.object({ ...viewSchema.entries, token: v.pipe(v.optional(v.string(), ''), v.nonEmpty('validation.required')) });

/** Mode and threshold from the query string, falling back to the defaults when malformed. */
function viewOf(url: URL): { mode: GroupMode; threshold: number } {
	const parsed = v.safeParse(viewSchema, Object.fromEntries(url.searchParams));
	return parsed.success ? parsed.output : { mode: 'aij', threshold: CR_THRESHOLD };
}

const back = (url: URL, view: { mode: GroupMode; threshold: number }) => `${url.pathname}?mode=${view.mode}&threshold=${view.threshold}`;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { system, round } = await requireAhpRound(locals, params.id, params.roundId, url);
	const view = viewOf(url);
	const { nodes, results } = await loadResults(appDb(), round, view.mode, view.threshold);
	return {
		system: { id: system.id, nameZh: system.nameZh, nameEn: system.nameEn },
		round,
		view,
		results,
		nodeNames: Object.fromEntries(nodes.map((n) => [n.id, { code: n.code, zh: n.nameZh, en: n.nameEn }]))
	};
};

async function exclusion(event: RequestEvent, which: 'one' | 'above', excluded: boolean) {
	const { user, round } = await requireAhpRound(event.locals, event.params.id, event.params.roundId, event.url);
	const form = await parseForm(event.request, which === 'one' ? expertSchema : viewSchema);
	if (!form.ok) return fail(400, { errors: form.errors });
	let tokens = 'token' in form.data ? [form.data.token] : [];
	if (which === 'above') {
		const { results } = await loadResults(appDb(), round, form.data.mode, form.data.threshold);
		tokens = results.experts.filter((e) => e.complete && e.aboveThreshold && !e.excluded).map((e) => e.token);
		if (tokens.length === 0) return fail(409, { errors: { form: 'ahp.results.noneAbove' } });
	}
	const changed = await setExcluded(appDb(), user, round, tokens, excluded);
	if (!changed.ok) return fail(409, { errors: { form: changed.reason } });
	redirect(303, back(event.url, form.data));
}

export const actions: Actions = {
	exclude: async (event) => exclusion(event, 'one', true),
	include: async (event) => exclusion(event, 'one', false),
	excludeAbove: async (event) => exclusion(event, 'above', true),
	apply: async ({ locals, params, request, url }) => {
		const { user, round } = await requireAhpRound(locals, params.id, params.roundId, url);
		const form = await parseForm(request, viewSchema);
		if (!form.ok) return fail(400, { errors: form.errors });
		const applied = await applyRound(appDb(), user, round.id, form.data.mode, form.data.threshold);
		if (!applied.ok) return fail(409, { errors: { form: applied.reason } });
		redirect(303, `${back(url, form.data)}&applied=${applied.value}`);
	}
};
