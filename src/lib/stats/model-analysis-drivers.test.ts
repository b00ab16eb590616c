import { beforeEach, describe, expect, it } from 'vitest';
import { driversOf, driverWeights } from './model-analysis-drivers';
import { expectOk } from './test-util';

beforeEach(() => expect.hasAssertions());

describe('driversOf', () => {
	const constructs = ['Image', 'Quality', 'Satisfaction', 'Loyalty'];

	it('takes every construct with a path route into the target, not its outcomes', () => {
		const paths: [string, string][] = [['Image', 'Quality'], ['Quality', 'Satisfaction'], ['Satisfaction', 'Loyalty']];
		expect(driversOf(constructs, paths, 'Satisfaction')).toEqual(['Image', 'Quality']);
		expect(driversOf(constructs, paths, 'Image')).toEqual([]);
	});

	it('takes every other construct when the model has no paths', () => {
		expect(driversOf(constructs, [], 'Loyalty')).toEqual(['Image', 'Quality', 'Satisfaction']);
	});
});

describe('driverWeights', () => {
	const constructs = ['A', 'B', 'T'];

	it('clips a negative correlation and a negative total effect to 0, warning about both', () => {
		const correlation = [[1, 0.3, 0.5], [0.3, 1, -0.2], [0.5, -0.2, 1]];
		const effects = [
			{ from: 'A', to: 'T', direct: 0.6, indirect: 0, total: 0.6 },
			{ from: 'B', to: 'T', direct: -0.3, indirect: 0, total: -0.3 }
		];
		const result = driverWeights(constructs, correlation, 'pls', 'T', ['A', 'B'], effects);
		const w = expectOk(result);
		expect(w.byMethod.correlation).toEqual({ A: 1, B: 0 });
		expect(w.byMethod.plsTotalEffects).toEqual({ A: 1, B: 0 });
		expect(w.byMethod.equal).toEqual({ A: 0.5, B: 0.5 });
		expect(result.warnings.map((x) => x.code)).toEqual(['stats.negativeCorrelationClipped', 'stats.analyze.negativeEffectClipped']);
	});

	it('leaves out methods that cannot separate collinear drivers, saying which and why', () => {
		const correlation = [[1, 1, 0.5], [1, 1, 0.5], [0.5, 0.5, 1]];
		const result = driverWeights(constructs, correlation, 'itemMean', 'T', ['A', 'B'], null);
		expect(Object.keys(expectOk(result).byMethod)).toEqual(['equal', 'correlation']);
		expect(result.warnings).toContainEqual({ code: 'stats.analyze.weightMethodSkipped', params: { method: 'relativeWeights' } });
		expect(result.warnings.filter((x) => x.code === 'stats.collinearPredictors')).toHaveLength(2);
	});
});
