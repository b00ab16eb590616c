// The designer's form without JavaScript: every field of every item is a named input, and a post
// is read back into the draft here. Names: `s{section}.title.{lang}` and `i{section}.{item}.{field}`.
import { newItem, itemKinds } from './design-ops';
import { surveyLanguages, type Item, type ItemKind, type LocalText, type PointScale, type SurveyDefinition } from './definition';

export type Fields = Record<string, string>;

/** Name of a field of item `ii` in section `si`. */
export function itemField(si: number, ii: number, field: string): string {
	return `i${si}.${ii}.${field}`;
}

export function sectionField(si: number, field: string): string {
	return `s${si}.${field}`;
}

function readText(fields: Fields, prefix: string, current: LocalText | undefined): LocalText {
	const next: LocalText = { ...current };
	for (const language of surveyLanguages) {
		const value = fields[`${prefix}.${language}`];
		if (value !== undefined) next[language] = value.trim();
	}
	return next;
}

function readNumber(fields: Fields, name: string, current: number | undefined): number | undefined {
	const value = fields[name];
	if (value === undefined) return current;
	if (value.trim() === '') return undefined;
	const n = Number(value);
	return Number.isFinite(n) ? n : current;
}

function readScale(item: Item & { scale: PointScale }, fields: Fields, name: (f: string) => string): PointScale {
	const fixed = item.kind === 'rating' || item.kind === 'nps';
	const points = fixed ? item.scale.max - item.scale.min + 1 : Math.round(readNumber(fields, name('points'), item.scale.max - item.scale.min + 1) ?? 5);
	const scale: PointScale = { min: item.scale.min, max: item.scale.min + points - 1 };
	if (fields[name('labelMode')] === 'points') {
		scale.labels = Array.from({ length: points }, (_, k) => readText(fields, name(`pl.${k}`), item.scale.labels?.[k]));
	} else {
		scale.endLabels = { min: readText(fields, name('lo'), item.scale.endLabels?.min), max: readText(fields, name('hi'), item.scale.endLabels?.max) };
	}
	return scale;
}

function readItem(item: Item, fields: Fields, si: number, ii: number): Item {
	const name = (field: string) => itemField(si, ii, field);
	const flag = (field: string) => fields[name(field)] !== undefined;
	const indicator = fields[name('indicator')]?.trim();
	const common = { code: fields[name('code')]?.trim() || item.code, text: readText(fields, name('text'), item.text), required: flag('required'), indicator: indicator || undefined };
	switch (item.kind) {
		case 'likert':
		case 'rating':
		case 'nps':
			return { ...item, ...common, reversed: flag('reversed'), notApplicable: flag('na'), scale: readScale(item, fields, name) };
		case 'pair':
			return {
				...item,
				...common,
				reversed: flag('reversed'),
				notApplicable: flag('na'),
				scale: readScale(item, fields, name),
				expectationText: readText(fields, name('exp'), item.expectationText),
				perceptionText: readText(fields, name('per'), item.perceptionText)
			};
		case 'single':
		case 'multiple':
			return {
				...item,
				...common,
				other: flag('other'),
				options: item.options.map((o, k) => ({ code: fields[name(`o.${k}.code`)]?.trim() || o.code, label: readText(fields, name(`o.${k}`), o.label) }))
			};
		case 'number':
			return {
				...item,
				...common,
				min: readNumber(fields, name('nmin'), item.min),
				max: readNumber(fields, name('nmax'), item.max),
				decimals: Math.max(0, Math.min(6, Math.round(readNumber(fields, name('decimals'), item.decimals) ?? 0))),
				unit: readText(fields, name('unit'), item.unit)
			};
		case 'text':
			return { ...item, ...common, multiline: flag('multiline'), maxLength: Math.max(1, Math.round(readNumber(fields, name('maxLength'), item.maxLength) ?? item.maxLength)) };
	}
}

/** The draft with the posted fields applied; items whose code field was not posted stay as they are. */
export function applyFields(definition: SurveyDefinition, fields: Fields): SurveyDefinition {
	return {
		...definition,
		sections: definition.sections.map((section, si) => ({
			...section,
			title: readText(fields, sectionField(si, 'title'), section.title),
			items: section.items.map((item, ii) => (fields[itemField(si, ii, 'code')] === undefined ? item : withKind(readItem(item, fields, si, ii), fields[itemField(si, ii, 'kind')])))
		}))
	};
}

/** The item converted when its type select was changed (without JavaScript, before pressing Save). */
function withKind(item: Item, kind: string | undefined): Item {
	return kind && kind !== item.kind && itemKinds.includes(kind as ItemKind) ? newItem(kind as ItemKind, item.code, item) : item;
}
