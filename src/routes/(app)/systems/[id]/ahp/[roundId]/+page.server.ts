import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireAhpRound } from '$lib/server/ahp/access';
import { changeStatus, inviteExperts, loadResults } from '$lib/server/ahp/rounds';
import { appDb } from '$lib/server/db';
import { parseForm, type FieldErrors } from '$lib/server/forms';
import { CR_THRESHOLD } from '$lib/stats/weights/ahp-round';
import type { Actions, PageServerLoad } from './$types';

const inviteSchema = v.object({ experts: v.pipe(v.optional(v.string(), ''), v.trim(), v.nonEmpty('ahp.invite.empty'), v.maxLength(20_000, 'validation.tooLong')) });

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { system, round } = await requireAhpRound(locals, params.id, params.roundId, url);
	const { results } = await loadResults(appDb(), round, 'aij', CR_THRESHOLD);
	const totalPairs = results.nodes.reduce((s, n) => s + (n.children.length * (n.children.length - 1)) / 2, 0);
	const experts = results.experts.map((e, i) => ({
		token: e.token,
		label: e.label,
		link: `${url.origin}/ahp/${e.token}`,
		submitted: e.submitted,
		excluded: e.excluded,
		answered: results.nodes.reduce((s, n) => {
			const r = n.experts[i].result;
			const pairs = (n.children.length * (n.children.length - 1)) / 2;
			return s + (r.complete ? pairs : pairs - r.missing.length);
		}, 0),
		maxCr: e.complete ? e.maxCr : null,
		aboveThreshold: e.complete && e.aboveThreshold
	}));
	return { system: { id: system.id, nameZh: system.nameZh, nameEn: system.nameEn }, round, totalPairs, pages: results.nodes.length, experts };
};

export const actions: Actions = {
	invite: async ({ locals, params, request, url }) => {
		const { user, round } = await requireAhpRound(locals, params.id, params.roundId, url);
		const form = await parseForm(request, inviteSchema);
		if (!form.ok) return fail(400, { action: 'invite', values: form.values, errors: form.errors });
		const invited = await inviteExperts(appDb(), user, round, form.data.experts);
		if (!invited.ok) return fail(400, { action: 'invite', values: form.values, errors: { experts: invited.reason } as FieldErrors, params: invited.params ?? {} });
		return { action: 'invite', invited: invited.value.length };
	},
	close: async ({ locals, params, url }) => setStatus(locals, params, url, 'closed'),
	reopen: async ({ locals, params, url }) => setStatus(locals, params, url, 'open')
};

async function setStatus(locals: App.Locals, params: { id: string; roundId: string }, url: URL, status: 'open' | 'closed') {
	const { user, round } = await requireAhpRound(locals, params.id, params.roundId, url);
	const changed = await changeStatus(appDb(), user, round, status);
	if (!changed.ok) return fail(409, { action: 'status', errors: { form: changed.reason } as FieldErrors });
	redirect(303, url.pathname);
}
