// The shape a posted questionnaire draft must have before it is stored: the designer sends the
// whole SurveyDefinition as JSON, and nothing malformed may reach the database.
import * as v from 'valibot';
import { npsGroups } from './conditions';
import type { SurveyDefinition } from './definition';

const text = v.pipe(v.string(), v.maxLength(2000));
const localText = v.object({ 'zh-CN': v.optional(text), en: v.optional(text) });
const code = v.pipe(v.string(), v.maxLength(40));
const point = v.pipe(v.number(), v.integer(), v.minValue(-100), v.maxValue(100));
const scale = v.object({
	min: point,
	max: point,
	labels: v.optional(v.pipe(v.array(localText), v.maxLength(21))),
	endLabels: v.optional(v.object({ min: localText, max: localText }))
});
const conditionValue = v.union([v.pipe(v.number(), v.finite()), code]);
const clause = v.variant('op', [
	v.object({ item: code, op: v.picklist(['equals', 'not']), value: conditionValue }),
	v.object({ item: code, op: v.literal('oneOf'), values: v.pipe(v.array(conditionValue), v.minLength(1), v.maxLength(100)) }),
	v.object({ item: code, op: v.picklist(['lte', 'gte']), value: v.pipe(v.number(), v.finite()) }),
	v.object({ item: code, op: v.literal('between'), min: v.pipe(v.number(), v.finite()), max: v.pipe(v.number(), v.finite()) }),
	v.object({ item: code, op: v.picklist(['answered', 'notAnswered']) }),
	v.object({ item: code, op: v.literal('npsGroup'), group: v.picklist(npsGroups) })
]);
const clauses = v.pipe(v.array(clause), v.maxLength(50));
const condition = v.union([v.object({ all: clauses }), v.object({ any: clauses })]);

const base = {
	code,
	text: localText,
	help: v.optional(localText),
	required: v.boolean(),
	indicator: v.optional(code),
	showIf: v.optional(condition)
};
// Shapes only: how many competitors, which brands exist and which modes fit are design checks,
// so the designer can say what is wrong instead of refusing the draft.
const brandRating = v.object({ mode: v.picklist(['rated', 'relative']), brands: v.pipe(v.array(code), v.maxLength(20)) });
const scaled = { ...base, scale, reversed: v.boolean(), notApplicable: v.boolean(), competitors: v.optional(brandRating) };

const item = v.variant('kind', [
	v.object({ ...scaled, kind: v.literal('likert') }),
	v.object({ ...scaled, kind: v.picklist(['rating', 'nps']) }),
	v.object({ ...scaled, kind: v.literal('pair'), expectationText: localText, perceptionText: localText }),
	v.object({
		...base,
		kind: v.picklist(['single', 'multiple']),
		options: v.pipe(v.array(v.object({ code, label: localText })), v.maxLength(100)),
		other: v.optional(v.boolean())
	}),
	v.object({
		...base,
		kind: v.literal('number'),
		min: v.optional(v.number()),
		max: v.optional(v.number()),
		decimals: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
		unit: v.optional(localText)
	}),
	v.object({
		...base,
		kind: v.literal('text'),
		maxLength: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20000)),
		multiline: v.boolean()
	})
]);

const section = v.object({
	code,
	title: localText,
	description: v.optional(localText),
	showIf: v.optional(condition),
	items: v.pipe(v.array(item), v.maxLength(500))
});

const competitor = v.object({ code, name: localText });

export const definitionSchema = v.object({
	sections: v.pipe(v.array(section), v.maxLength(100)),
	competitors: v.optional(v.pipe(v.array(competitor), v.maxLength(20))),
	competitorScreener: v.optional(code)
});

/** The definition in a JSON text, or null when it is not valid JSON of the right shape. */
export function parseDefinitionJson(json: string): SurveyDefinition | null {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch {
		return null;
	}
	const result = v.safeParse(definitionSchema, raw);
	return result.success ? (result.output as SurveyDefinition) : null;
}
