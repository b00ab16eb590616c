/**
 * The model a researcher brings to `analyze`: one answer scale, constructs made of item codes
 * (some reverse-worded), optional PLS paths and the target construct whose drivers are weighed.
 * Parsed from untrusted JSON with valibot; every failure names the field and what is wrong.
 */
import * as v from 'valibot';
import { fail, ok, type StatsResult } from './result';

const itemCode = v.pipe(v.string(), v.trim(), v.minLength(1, 'expected a non-empty item code'));
const constructName = v.pipe(v.string(), v.trim(), v.minLength(1, 'expected a non-empty construct name'));

const ModelSchema = v.object({
	scale: v.object({
		min: v.pipe(v.number(), v.integer('expected a whole number')),
		max: v.pipe(v.number(), v.integer('expected a whole number'))
	}),
	constructs: v.pipe(
		v.array(
			v.object({
				name: constructName,
				items: v.pipe(v.array(itemCode), v.minLength(1, 'expected at least one item')),
				reversed: v.optional(v.array(itemCode), [])
			})
		),
		v.minLength(1, 'expected at least one construct')
	),
	paths: v.optional(v.array(v.tuple([constructName, constructName])), []),
	target: v.optional(constructName)
});

/** A validated model file. `paths` may be empty (then no PLS); `target` may be absent (then no driver weights). */
export type AnalysisModel = v.InferOutput<typeof ModelSchema>;

/** Checks a parsed JSON value against the model schema and its cross-references. */
export function parseAnalysisModel(input: unknown): StatsResult<AnalysisModel> {
	const parsed = v.safeParse(ModelSchema, input);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const problem = issue.message.replace(/^Invalid type: Expected/, 'expected');
		return fail('stats.analyze.invalidModel', { field: v.getDotPath(issue) ?? '(top level)', problem });
	}
	const model = parsed.output;
	if (!(model.scale.min < model.scale.max)) return fail('stats.pls.invalidScale', { lo: model.scale.min, hi: model.scale.max });
	const owner = new Map<string, string>();
	for (const c of model.constructs) {
		if (model.constructs.filter((other) => other.name === c.name).length > 1) return fail('stats.pls.duplicateConstruct', { construct: c.name });
		for (const item of c.items) {
			const first = owner.get(item);
			if (first !== undefined) return fail('stats.pls.itemInTwoBlocks', { item, first, second: c.name });
			owner.set(item, c.name);
		}
		const stray = c.reversed.find((item) => !c.items.includes(item));
		if (stray !== undefined) return fail('stats.analyze.reversedNotInConstruct', { item: stray, construct: c.name });
	}
	if (model.target !== undefined && !model.constructs.some((c) => c.name === model.target)) {
		return fail('stats.analyze.unknownTarget', { construct: model.target });
	}
	return ok(model);
}
