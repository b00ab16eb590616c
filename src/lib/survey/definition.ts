// The questionnaire as data: what a survey version freezes, what the respondent page renders, what
// answers are validated against and what analyses join across versions (through item and
// indicator codes). Pure types and small helpers only.
import type { Condition } from './condition-language';

export const surveyLanguages = ['zh-CN', 'en'] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

/** A text in each of the survey's languages. */
export type LocalText = Partial<Record<SurveyLanguage, string>>;

export type ItemKind = 'likert' | 'rating' | 'nps' | 'pair' | 'single' | 'multiple' | 'number' | 'text';

interface ItemBase {
	/** Unique within the survey across versions; the column name in exports and imports. */
	code: string;
	kind: ItemKind;
	text: LocalText;
	help?: LocalText;
	required: boolean;
	/** Code of the indicator-system node this item measures (leaf indicator or latent variable). */
	indicator?: string;
	/** Shown only when earlier answers meet this (see conditions.ts); always shown without it. */
	showIf?: Condition;
}

/**
 * A scaled item also rated for competitors: `rated` asks the same question for us and for each
 * brand (a brand row with "don't know this brand"); `relative` asks only "compared with {brand}"
 * per brand. Brand codes are those of `SurveyDefinition.competitors` (see competitors.ts).
 */
export interface BrandRating {
	mode: 'rated' | 'relative';
	brands: string[];
}

/** Answer codes for brands join the rated answer code and the brand code: `REL1@bank-b`, `REL1_P@bank-b`. */
export const BRAND_SEPARATOR = '@';

/** Points lo..hi; `labels` has one text per point, or `endLabels` labels the two ends. */
export interface PointScale {
	min: number;
	max: number;
	labels?: LocalText[];
	endLabels?: { min: LocalText; max: LocalText };
}

/** Likert, 3–11 points. */
export interface LikertItem extends ItemBase {
	kind: 'likert';
	scale: PointScale;
	reversed: boolean;
	notApplicable: boolean;
	competitors?: BrandRating;
}

/** 0–10 rating (e.g. overall satisfaction); `nps` is the 0–10 likelihood to recommend. */
export interface RatingItem extends ItemBase {
	kind: 'rating' | 'nps';
	scale: PointScale;
	reversed: boolean;
	notApplicable: boolean;
	competitors?: BrandRating;
}

/**
 * SERVQUAL gap mode: each respondent answers an expectation and a perception on the same scale;
 * stored as two answers `${code}${EXPECTATION_SUFFIX}` and `${code}${PERCEPTION_SUFFIX}`.
 */
export interface PairItem extends ItemBase {
	kind: 'pair';
	scale: PointScale;
	expectationText: LocalText;
	perceptionText: LocalText;
	reversed: boolean;
	notApplicable: boolean;
	competitors?: BrandRating;
}

export interface ChoiceOption {
	code: string;
	label: LocalText;
}

export interface ChoiceItem extends ItemBase {
	kind: 'single' | 'multiple';
	options: ChoiceOption[];
	/** Offer a free-text "other" answer. */
	other?: boolean;
}

/** A number, e.g. monthly spend for value segmentation. */
export interface NumberItem extends ItemBase {
	kind: 'number';
	min?: number;
	max?: number;
	/** Decimal places allowed (0 = whole numbers). */
	decimals: number;
	unit?: LocalText;
}

export interface TextItem extends ItemBase {
	kind: 'text';
	maxLength: number;
	multiline: boolean;
}

export type Item = LikertItem | RatingItem | PairItem | ChoiceItem | NumberItem | TextItem;
export type ScaledItem = LikertItem | RatingItem | PairItem;

export interface Section {
	code: string;
	title: LocalText;
	description?: LocalText;
	/** Shown only when earlier answers meet this; a section with no item shown is skipped. */
	showIf?: Condition;
	items: Item[];
}

/** A named competitor; `code` is stable and forms answer codes (`REL1@bank-b`). */
export interface Competitor {
	code: string;
	name: LocalText;
}

/** The structural part of a questionnaire: what a version freezes. */
export interface SurveyDefinition {
	sections: Section[];
	/** Up to five competitors rated beside us. */
	competitors?: Competitor[];
	/** Code of a multiple-choice item whose options are brand codes: a respondent rates only the brands chosen there. */
	competitorScreener?: string;
}

export type DuplicateGuard = 'none' | 'cookie';

/** Settings that can change without a new version. */
export interface SurveySettings {
	languages: SurveyLanguage[];
	defaultLanguage: SurveyLanguage;
	title: LocalText;
	welcome: LocalText;
	thanks: LocalText;
	/** IANA time zone used for periods (months, quarters) and open/close times. */
	timeZone: string;
	randomizeItems: boolean;
	progressBar: boolean;
	duplicateGuard: DuplicateGuard;
}

export const EXPECTATION_SUFFIX = '_E';
export const PERCEPTION_SUFFIX = '_P';

/**
 * One response's answers keyed by answer code (item code, or pair code + suffix): a number for
 * scaled, rating and number items (already as given: reverse coding happens in analysis), an
 * option code for single choice, option codes for multiple choice, text for text; `null` is
 * "not applicable"; a missing key is skipped.
 */
export type AnswerValue = number | string | string[] | null;
export type Answers = Record<string, AnswerValue>;

export function isScaled(item: Item): item is ScaledItem {
	return item.kind === 'likert' || item.kind === 'rating' || item.kind === 'nps' || item.kind === 'pair';
}

/** Every item, in questionnaire order. */
export function allItems(definition: SurveyDefinition): Item[] {
	return definition.sections.flatMap((section) => section.items);
}

/** The answer codes an item produces: two for an expectation–perception pair, then one per rated brand. */
export function answerCodes(item: Item): string[] {
	const own = ownAnswerCodes(item);
	// Most items rate no competitor: their own codes are all their codes.
	return isScaled(item) && item.competitors ? [...own, ...brandAnswerCodes(item).map((b) => b.code)] : own;
}

/** The answer codes about us alone: none for an item asked only relative to competitors. */
export function ownAnswerCodes(item: Item): string[] {
	if (isScaled(item) && item.competitors?.mode === 'relative') return [];
	return item.kind === 'pair' ? [item.code + EXPECTATION_SUFFIX, item.code + PERCEPTION_SUFFIX] : [item.code];
}

/** The answer code rated per brand: the item's own, the perception of a pair. */
export function ratedAnswerCode(item: ScaledItem): string {
	return item.kind === 'pair' ? item.code + PERCEPTION_SUFFIX : item.code;
}

/** One answer code per brand the item is rated for, with its brand. */
export function brandAnswerCodes(item: Item): { code: string; brand: string }[] {
	if (!isScaled(item) || !item.competitors) return [];
	const base = item.competitors.mode === 'relative' ? item.code : ratedAnswerCode(item);
	return item.competitors.brands.map((brand) => ({ code: base + BRAND_SEPARATOR + brand, brand }));
}

/** The text in the wanted language, else the other one, else ''. */
export function localText(text: LocalText | undefined, language: SurveyLanguage): string {
	return text?.[language] ?? text?.[language === 'en' ? 'zh-CN' : 'en'] ?? '';
}
