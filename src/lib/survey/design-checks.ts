// Design checks run before a survey can open (and shown live in the designer). Each problem is a
// message key `designer.check.<code>` with its parameters and the item or section it concerns;
// errors keep the survey from opening, warnings only say what will go wrong.
import { allItems, answerCodes, type Item, type LocalText, type PointScale, type SurveyDefinition, type SurveyLanguage, type SurveySettings } from './definition';
import { isValidCode, latentVariables, leafNodes, subtreeIds, type IndicatorNode } from './indicator-tree';
import { conditionIssues } from './condition-checks';
import { competitorIssues } from './competitor-design';
import { issue, type DesignIssue } from './design-issue';
import { scaleFitIssues } from './scale-fit';

export type { DesignIssue };

export interface DesignInput {
	definition: SurveyDefinition;
	settings: SurveySettings;
	/** The indicator system the survey measures, if any. */
	nodes?: readonly IndicatorNode[];
	responseCount: number;
	responseCap: number | null;
}

function missingLanguages(text: LocalText | undefined, languages: readonly SurveyLanguage[]): SurveyLanguage[] {
	return languages.filter((language) => !text?.[language]?.trim());
}

function scaleIssues(item: Item & { scale: PointScale }): DesignIssue[] {
	const points = item.scale.max - item.scale.min + 1;
	const found: DesignIssue[] = [];
	if (item.kind === 'nps' && (item.scale.min !== 0 || item.scale.max !== 10)) found.push(issue('npsScale', { item: item.code }, { item: item.code }));
	else if (!Number.isInteger(points) || points < 3) found.push(issue('tooFewPoints', { item: item.code, points }, { item: item.code }));
	else if (points > 11) found.push(issue('tooManyPoints', { item: item.code, points }, { item: item.code }));
	if (item.scale.labels && item.scale.labels.length !== points) {
		found.push(issue('labelsMismatch', { item: item.code, points, labels: item.scale.labels.length }, { item: item.code }));
	}
	return found;
}

/** Texts an item shows, each of which must exist in every declared language. */
function itemTexts(item: Item): LocalText[] {
	const texts: LocalText[] = [item.text];
	if (item.kind === 'pair') texts.push(item.expectationText, item.perceptionText);
	if (item.kind === 'single' || item.kind === 'multiple') texts.push(...item.options.map((o) => o.label));
	if ('scale' in item) {
		texts.push(...(item.scale.labels ?? []));
		if (item.scale.endLabels) texts.push(item.scale.endLabels.min, item.scale.endLabels.max);
	}
	return texts;
}

function itemIssues(item: Item, languages: readonly SurveyLanguage[]): DesignIssue[] {
	const where = { item: item.code };
	const found: DesignIssue[] = [];
	if (!isValidCode(item.code)) found.push(issue('invalidCode', { code: item.code }, where));
	if ('scale' in item) found.push(...scaleIssues(item));
	const missing = new Set(itemTexts(item).flatMap((text) => missingLanguages(text, languages)));
	for (const language of missing) found.push(issue('missingText', { item: item.code, language }, where));
	if (item.kind === 'single' || item.kind === 'multiple') {
		if (item.options.length < 2) found.push(issue('tooFewOptions', { item: item.code }, where));
		const codes = item.options.map((o) => o.code);
		if (new Set(codes).size !== codes.length || codes.some((c) => !isValidCode(c))) found.push(issue('optionCodes', { item: item.code }, where));
	}
	if (item.kind === 'number' && item.min !== undefined && item.max !== undefined && item.min > item.max) {
		found.push(issue('numberRange', { item: item.code }, where));
	}
	return found;
}

function codeIssues(definition: SurveyDefinition): DesignIssue[] {
	const counts = new Map<string, number>();
	const bump = (code: string) => counts.set(code.toLowerCase(), (counts.get(code.toLowerCase()) ?? 0) + 1);
	allItems(definition).forEach((item) => answerCodes(item).forEach(bump));
	const sectionCodes = new Map<string, number>();
	definition.sections.forEach((s) => sectionCodes.set(s.code.toLowerCase(), (sectionCodes.get(s.code.toLowerCase()) ?? 0) + 1));
	const duplicates = [...counts].filter(([, n]) => n > 1).map(([code]) => code);
	const duplicateSections = [...sectionCodes].filter(([, n]) => n > 1).map(([code]) => code);
	return [...duplicates, ...duplicateSections].map((code) => issue('duplicateCode', { code: code.toUpperCase() }));
}

function systemIssues(definition: SurveyDefinition, nodes: readonly IndicatorNode[]): DesignIssue[] {
	const linked = new Set(allItems(definition).flatMap((item) => (item.indicator ? [item.indicator] : [])));
	const known = new Set(nodes.map((n) => n.code));
	const found: DesignIssue[] = [];
	for (const item of allItems(definition)) {
		if (item.indicator && !known.has(item.indicator)) found.push(issue('unknownIndicator', { item: item.code, code: item.indicator }, { item: item.code }));
	}
	for (const leaf of leafNodes(nodes)) if (!leaf.modelRole && !linked.has(leaf.code)) found.push(issue('leafWithoutItem', { code: leaf.code }));
	for (const latent of latentVariables(nodes)) {
		const inside = subtreeIds(nodes, latent.id);
		const measured = nodes.some((n) => inside.has(n.id) && linked.has(n.code));
		if (!measured) found.push(issue('latentWithoutIndicator', { code: latent.code }));
	}
	return found;
}

function settingsIssues(settings: SurveySettings, input: DesignInput): DesignIssue[] {
	const found: DesignIssue[] = [];
	if (settings.languages.length === 0 || !settings.languages.includes(settings.defaultLanguage)) found.push(issue('defaultLanguage'));
	for (const language of missingLanguages(settings.title, settings.languages)) found.push(issue('missingTitle', { language }));
	for (const [name, text] of [['welcome', settings.welcome], ['thanks', settings.thanks]] as const) {
		const filled = settings.languages.some((language) => text[language]?.trim());
		if (filled) for (const language of missingLanguages(text, settings.languages)) found.push(issue(`${name}Missing`, { language }));
	}
	if (input.responseCap !== null && input.responseCap < input.responseCount) {
		found.push(issue('capBelowResponses', { cap: input.responseCap, count: input.responseCount }));
	}
	return found;
}

/** Whether the issues let the survey open: warnings do, errors do not. */
export function blocking(issues: readonly DesignIssue[]): DesignIssue[] {
	return issues.filter((found) => !found.warning);
}

/** Every problem found, errors and warnings; the survey may open when none of them is an error. */
export function checkDesign(input: DesignInput): DesignIssue[] {
	const { definition, settings } = input;
	const found: DesignIssue[] = [];
	if (allItems(definition).length === 0) found.push(issue('empty'));
	for (const section of definition.sections) {
		for (const language of missingLanguages(section.title, settings.languages)) {
			found.push(issue('missingSectionTitle', { section: section.code, language }, { section: section.code }));
		}
		for (const item of section.items) found.push(...itemIssues(item, settings.languages));
	}
	found.push(...codeIssues(definition), ...conditionIssues(definition), ...competitorIssues(definition, settings.languages), ...settingsIssues(settings, input));
	if (input.nodes) found.push(...systemIssues(definition, input.nodes), ...scaleFitIssues(definition, input.nodes));
	return found;
}
