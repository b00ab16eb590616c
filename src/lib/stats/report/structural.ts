/**
 * The structural-model section of a report: PLS path model from the stored moments (paths, R²,
 * ACSI-style construct indices) and the PLS weights of the CSI dimensions (total effects on the
 * satisfaction construct, negatives clipped to 0).
 */
import { constructIndex } from '../acsi-index';
import { fitPlsFromMoments, type PlsFit } from '../pls';
import { fail, ok, type StatsIssue, type StatsResult } from '../result';
import type { ItemStatistics } from '../sufficient';
import { directWeights } from '../weights';
import { momentsOf } from './estimates';
import type { Names, ReportStructure } from './structure';

export interface StructuralSection {
	constructs: { code: string; name: Names; role: string | null; rSquared: number | null; index: number | null; indexMethod: 'pls' | 'equal' | null }[];
	paths: { from: string; to: string; coefficient: number; p: number }[];
	n: number;
	warnings: StatsIssue[];
}

export interface StructuralResult {
	section: StructuralSection | null;
	/** PLS weights of the dimensions, or why they cannot apply; null without a structural model. */
	dimensionWeights: StatsResult<number[]> | null;
	issue: StatsIssue | null;
}

function fit(stats: ItemStatistics, structure: ReportStructure): StatsResult<{ fit: PlsFit; codes: string[] }> {
	const model = structure.structural!;
	const columns = model.constructs.flatMap((c) => c.columns);
	const moments = momentsOf(stats, columns);
	if (!moments) return fail('stats.report.tooFewPairs');
	const codes = columns.map((c) => `c${c}`);
	const spec = { constructs: model.constructs.map((c) => ({ name: c.code, items: c.columns.map((col) => `c${col}`) })), paths: model.paths };
	const fitted = fitPlsFromMoments(moments, codes, spec);
	return fitted.ok ? ok({ fit: fitted.value, codes }, fitted.warnings) : fitted;
}

/** PLS of the survey's structural model; `section` null (with the issue) when it cannot be fitted. */
export function structuralSection(stats: ItemStatistics, structure: ReportStructure): StructuralResult {
	if (!structure.structural) return { section: null, dimensionWeights: null, issue: null };
	const fitted = fit(stats, structure);
	if (!fitted.ok) return { section: null, dimensionWeights: fitted, issue: fitted.error };
	const { fit: pls } = fitted.value;
	const scales = stats.scales!;
	const warnings = [...fitted.warnings];
	const constructs = structure.structural.constructs.map((c, j) => {
		const latent = constructIndex(pls, c.code, scales[c.columns[0]]);
		if (latent.ok) warnings.push(...latent.warnings);
		return {
			code: c.code,
			name: c.name,
			role: c.role,
			rSquared: pls.constructs[j].r2,
			index: latent.ok ? latent.value.index : null,
			indexMethod: latent.ok ? latent.value.method : null
		};
	});
	const paths = pls.paths.map((p) => ({ from: p.from, to: p.to, coefficient: p.estimate, p: p.p }));
	const target = structure.structural.constructs.find((c) => c.role === 'satisfaction')?.code;
	let dimensionWeights: StatsResult<number[]> = fail('stats.report.noSatisfactionConstruct');
	if (target) {
		const totals = structure.dimensions.map((d) => pls.effects.find((e) => e.from === d.code && e.to === target)?.total ?? 0);
		dimensionWeights = directWeights(totals.map((t) => Math.max(0, t)));
	}
	return { section: { constructs, paths, n: pls.n, warnings }, dimensionWeights, issue: null };
}
