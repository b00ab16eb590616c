/**
 * The demo's ECSI-model survey (a telecom operator): latent variables generated along the
 * template's paths, items on the template's 1–10 scales, so the PLS section has a model to fit.
 */
import type { Answers, SurveySettings } from '../survey/definition';
import { definitionFromSystem } from '../survey/from-system';
import { instantiateTemplate, systemTemplates } from '../survey/templates/index';
import { draws, type Draw } from './random';
import type { DemoResponse, DemoSurvey } from './types';

const text = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const ECSI_SETTINGS: SurveySettings = {
	languages: ['zh-CN', 'en'],
	defaultLanguage: 'zh-CN',
	title: text('Mobile operator satisfaction (ECSI model)', '移动通信运营商顾客满意度（ECSI 模型）'),
	welcome: text('A few minutes about your mobile service.', '请花几分钟评价您的移动通信服务。'),
	thanks: text('Thank you!', '谢谢！'),
	timeZone: 'Asia/Shanghai',
	randomizeItems: false,
	progressBar: true,
	duplicateGuard: 'none'
};

/** Latent scores in path order (standardised-ish), from the ECSI inner model. */
function latents(r: Draw): Record<string, number> {
	const IMG = r.normal();
	const EXP = 0.5 * IMG + 0.85 * r.normal();
	const PQ = 0.3 * IMG + 0.4 * EXP + 0.8 * r.normal();
	const PV = 0.5 * PQ + 0.2 * EXP + 0.8 * r.normal();
	const SAT = 0.2 * IMG + 0.1 * EXP + 0.4 * PQ + 0.3 * PV + 0.6 * r.normal();
	const CMP = 0.5 * SAT + 0.8 * r.normal();
	const LOY = 0.6 * SAT + 0.2 * IMG + 0.1 * CMP + 0.7 * r.normal();
	return { IMG, EXP, PQ, PV, SAT, CMP, LOY };
}

/** The ECSI survey: `count` responses over 2025, through the app and the web. */
export function ecsiSurvey(newId: () => string, count = 600, seed = 20250101): DemoSurvey {
	const { nodes, paths } = instantiateTemplate(systemTemplates.ecsi, newId);
	const definition = definitionFromSystem(nodes, { template: 'ecsi' });
	const r = draws(seed);
	const start = Date.UTC(2024, 11, 31, 16);
	const end = Date.UTC(2025, 11, 31, 16);
	const channels = [
		{ code: 'APP', name: { 'zh-CN': '手机应用', en: 'App' } },
		{ code: 'WEB', name: { 'zh-CN': '网站', en: 'Website' } }
	];
	const responses: DemoResponse[] = Array.from({ length: count }, () => {
		const lv = latents(r);
		const answers: Answers = {};
		for (const item of definition.sections.flatMap((s) => s.items)) {
			const construct = item.code.replace(/\d+$/, '');
			if (item.kind === 'likert' && !r.chance(0.03)) answers[item.code] = r.onScale(6.8 + 1.5 * lv[construct] + 0.9 * r.normal(), 1, 10);
		}
		return { submittedAt: Math.floor(start + r.uniform() * (end - start)), channel: r.pick(channels).code, language: r.chance(0.7) ? 'zh-CN' : 'en', answers };
	});
	return {
		code: 'demo-ecsi',
		title: ECSI_SETTINGS.title as DemoSurvey['title'],
		settings: ECSI_SETTINGS,
		system: { template: 'ecsi', nameZh: '移动通信 ECSI 模型', nameEn: 'Mobile operator ECSI model', nodes, paths },
		definition,
		channels,
		responses
	};
}
