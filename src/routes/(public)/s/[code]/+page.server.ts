import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import { clientKey } from '$lib/server/client';
import { appDb } from '$lib/server/db';
import { noteInvitationStart, openQuestionnaire } from '$lib/server/collection/questionnaire';
import { limitsFromEnv, submitRateChecks } from '$lib/server/collection/rate-limit';
import { publicSurvey, respondMessages } from '$lib/server/collection/respond-page';
import { respondentCookie, respondentKey } from '$lib/server/collection/respondent';
import { chooseLanguage, submitResponse, type SubmissionOutcome } from '$lib/server/collection/submit';
import { submitTarget, type SubmitTarget } from '$lib/server/collection/survey-cache';
import { findRespondentSurvey, findSurveyByCode, type RespondentSurvey, type Survey, type SurveyVersion } from '$lib/server/repo/surveys';
import { readPostedForm, type PostedForm } from '$lib/server/forms';
import { randomToken } from '$lib/server/ids';
import { HONEYPOT_FIELD, rawFromForm, type RawAnswers } from '$lib/survey/answers';
import { clampPage, firstPageWithErrors, formAnswers, forward, pageBack, RENDERED_FIELD, WELCOME_PAGE, type FillState } from '$lib/survey/paging';
import { isConditional, readAnswers, type Reading } from '$lib/survey/shown';
import type { SurveyDefinition } from '$lib/survey/definition';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const limits = limitsFromEnv(process.env);
/** Far above any real questionnaire (30 long text answers fit), far below what could hurt the server. */
const MAX_BODY_BYTES = 256 * 1024;

async function surveyFor(code: string): Promise<Survey> {
	const survey = await findSurveyByCode(appDb(), code);
	if (!survey) error(404, { message: 'errors.notFound' });
	return survey;
}

/** The cookie-mode respondent key (creating the cookie), or null when the survey does not guard duplicates. */
async function keyFor(survey: RespondentSurvey, cookies: Cookies, url: URL): Promise<string | null> {
	if (survey.settings.duplicateGuard !== 'cookie') return null;
	return respondentKey(appDb(), survey.id, respondentCookie(cookies, survey.id, survey.code, url.protocol === 'https:'));
}

export const load: PageServerLoad = async ({ params, url, cookies, locals }) => {
	const survey = await surveyFor(params.code);
	const questionnaire = await openQuestionnaire(appDb(), survey, {
		token: url.searchParams.get('t'),
		channel: url.searchParams.get('ch'),
		respondentKey: await keyFor(survey, cookies, url)
	});
	const language = chooseLanguage(survey.settings, url.searchParams.get('lang') ?? locals.locale);
	const base = { ...publicSurvey(survey), messages: respondMessages, language };
	if (!questionnaire.available) return { ...base, notice: questionnaire.reason, definition: null, initial: null };
	const initial: FillState = {
		page: survey.settings.welcome[language]?.trim() ? WELCOME_PAGE : 0,
		answers: {},
		errors: {},
		language,
		startedAt: Date.now(),
		seed: randomToken(),
		token: questionnaire.token,
		channel: questionnaire.channel
	};
	return { ...base, notice: null, definition: questionnaire.version.definition, initial };
};

/** The hidden fields every step posts back, checked (never trusted beyond the respondent's own state). */
function postedState(form: PostedForm, survey: RespondentSurvey, definition: SurveyDefinition, raw = rawFromForm(form)): FillState {
	const text = (name: string) => (typeof form.get(name) === 'string' ? (form.get(name) as string) : '');
	const startedAt = Number(text('started'));
	const seed = text('seed');
	return {
		page: postedPage(form, definition),
		answers: formAnswers(raw, definition),
		errors: {},
		language: chooseLanguage(survey.settings, text('lang')),
		startedAt: Number.isSafeInteger(startedAt) && startedAt > 0 ? startedAt : Date.now(),
		seed: /^[a-z2-7]{8,40}$/.test(seed) ? seed : randomToken(),
		token: text('t').slice(0, 64) || null,
		channel: text('ch').slice(0, 64) || null
	};
}

/** Moves between pages by the server's own reading of the answers: "next" only when this page's shown answers are valid. */
function step(state: FillState, intent: string, definition: SurveyDefinition, survey: RespondentSurvey, rendered: ReadonlySet<string> | null): FillState | 'submit' {
	if (intent.startsWith('lang:')) return { ...state, language: chooseLanguage(survey.settings, intent.slice(5)) };
	// The first shown page: at or, when the first section shows nothing, after page 0.
	if (intent === 'start') return { ...state, page: pageBack(definition, state.answers, 0) };
	if (intent === 'back') return { ...state, page: pageBack(definition, state.answers, state.page) };
	const next = forward(definition, state.answers, Math.max(0, state.page), rendered);
	// "Next" on a page that a changed answer made the last one ends the questionnaire.
	return next.to === 'submit' ? 'submit' : { ...state, page: next.page, errors: next.errors };
}

/** The item codes the posted page was drawn with (sent only by questionnaires with conditions). */
function renderedCodes(form: PostedForm): ReadonlySet<string> | null {
	const value = form.get(RENDERED_FIELD);
	return typeof value === 'string' ? new Set(value.split(',').slice(0, 500)) : null;
}

/** The posted page number, kept within the survey's pages. */
function postedPage(form: PostedForm, definition: SurveyDefinition): number {
	const page = form.get('page');
	return page === String(WELCOME_PAGE) ? WELCOME_PAGE : clampPage(page, definition);
}

/**
 * A "submit" that is not the end: this page's answers showed more questions (on this page or a
 * later one) that the respondent has not seen yet. The state to show them, or null to submit.
 * `reading` is the answers' reading that the submission itself then validates with.
 */
function notYetFinal(form: PostedForm, raw: RawAnswers, reading: Reading, survey: RespondentSurvey, definition: SurveyDefinition): FillState | null {
	if (!isConditional(definition)) return null;
	const next = forward(definition, raw, Math.max(0, postedPage(form, definition)), renderedCodes(form), reading);
	if (next.to === 'submit' || Object.keys(next.errors).length > 0) return null;
	return { ...postedState(form, survey, definition, raw), page: next.page };
}

async function submit(event: RequestEvent, form: PostedForm) {
	const { cookies, url, params, setHeaders } = event;
	const db = appDb();
	let target = await submitTarget(db, params.code);
	if (!target) error(404, { message: 'errors.notFound' });
	// The answers are read from the post once, and judged once, for the paging check and for storing.
	const raw = rawFromForm(form);
	const { version: readFor } = target;
	const reading = readFor && readAnswers(readFor.definition, raw);
	const unseen = readFor && reading && notYetFinal(form, raw, reading, target.survey, readFor.definition);
	if (unseen) return { state: unseen };
	const language = chooseLanguage(target.survey.settings, String(form.get('lang') ?? ''));
	const thanks = `/s/${encodeURIComponent(target.survey.code)}/thanks?lang=${language}`;
	// A bot that filled the invisible field is thanked and forgotten.
	if (String(form.get(HONEYPOT_FIELD) ?? '') !== '') redirect(303, thanks);
	const client = await clientKey(event);
	const started = Number(form.get('started'));
	const posted = {
		raw,
		language,
		channelCode: String(form.get('ch') ?? '') || null,
		invitationToken: String(form.get('t') ?? '') || null,
		startedAt: Number.isSafeInteger(started) ? started : null,
		source: 'web' as const
	};
	const attempt = async ({ survey, version, quotas }: SubmitTarget, countRate: boolean) =>
		submitResponse(db, {
			...posted,
			survey,
			version,
			// A fresh read may bring another version, which needs a reading of its own.
			reading: version === readFor ? reading : undefined,
			quotas,
			respondentKey: await keyFor(survey, cookies, url),
			rate: countRate ? submitRateChecks(limits, survey.id, client) : []
		});
	let outcome: SubmissionOutcome = await attempt(target, true);
	if (!outcome.ok && outcome.reason !== 'tooMany' && target.cached) {
		// Judged on a remembered survey: judge again on a fresh read (already counted against the limits).
		target = await submitTarget(db, params.code, { fresh: true });
		if (!target) error(404, { message: 'errors.notFound' });
		outcome = await attempt(target, false);
	}
	const { survey, version } = target;
	if (outcome.ok) redirect(303, thanks);
	if (outcome.reason === 'tooMany') {
		setHeaders({ 'retry-after': String(outcome.retryAfterS) });
		return refusedWithAnswers(survey, version, form, 429, { notice: 'tooMany' as const, seconds: outcome.retryAfterS });
	}
	if (outcome.reason === 'invalid') return refusedWithAnswers(survey, version, form, 400, { errors: outcome.errors });
	if (outcome.reason === 'versionChanged' || outcome.reason === 'surveyChanged') return refusedWithAnswers(survey, version, form, 409, { notice: 'versionChanged' as const });
	return fail(409, { notice: outcome.reason });
}

/** A refused final post: the questionnaire again with every answer kept, on the first page with an error. */
async function refusedWithAnswers(
	survey: RespondentSurvey,
	version: SurveyVersion | undefined,
	form: PostedForm,
	status: number,
	extra: { errors?: FillState['errors']; notice?: 'tooMany' | 'versionChanged'; seconds?: number }
) {
	// The questionnaire changed under the respondent: read the version the answers now need.
	const shown = extra.notice === 'versionChanged' ? (await findRespondentSurvey(appDb(), survey.code))?.version : version;
	if (!shown) return fail(409, { notice: 'notOpen' as const });
	const state = { ...postedState(form, survey, shown.definition), errors: extra.errors ?? {} };
	const errorPage = firstPageWithErrors(shown.definition, state.errors);
	if (errorPage >= 0) state.page = errorPage;
	const definition = extra.notice === 'versionChanged' ? shown.definition : undefined;
	return fail(status, { state, definition, notice: extra.notice, seconds: extra.seconds });
}

export const actions: Actions = {
	step: async (event) => {
		const { request, params } = event;
		const form = await readPostedForm(request, MAX_BODY_BYTES);
		if (form === 'tooLarge') return fail(413, { notice: 'tooLarge' as const });
		if (form === 'malformed') return fail(400, { notice: 'tooLarge' as const });
		const intent = String(form.get('intent') ?? 'next');
		if (intent === 'submit') return submit(event, form);
		// The survey and its current version in one read; the definition is parsed once, not per post.
		const found = await findRespondentSurvey(appDb(), params.code);
		if (!found) error(404, { message: 'errors.notFound' });
		const { survey, version } = found;
		if (!version) return fail(409, { notice: 'notOpen' as const });
		const posted = postedState(form, survey, version.definition);
		if (!intent.startsWith('lang:')) await noteInvitationStart(appDb(), survey.id, posted.token);
		const state = step(posted, intent, version.definition, survey, renderedCodes(form));
		return state === 'submit' ? submit(event, form) : { state };
	}
};
