import { beforeEach, describe, expect, it } from 'vitest';
import oracle from '../../../../tests/fixtures/stats/drop-location.json';
import { buildItemStatistics } from '../sufficient';
import type { CellData } from './cells';
import { channelOfDrop } from './drop-location';

beforeEach(() => {
	expect.hasAssertions();
});

type Scenario = (typeof oracle)['concentrated'];

/** One cell per channel of a single 1–5 item's answers. */
function cells(scenario: Scenario, period: 'before' | 'after'): Map<string, CellData> {
	return new Map(
		scenario.map((row) => {
			const stats = buildItemStatistics(row[period].map((x) => [x]), 1, { scales: [{ lo: 1, hi: 5 }] });
			if (!stats.ok) throw new Error(stats.error.code);
			return [row.channel, { stats: stats.value, joint: {} }];
		})
	);
}

const item = { columns: [0], weights: [1] };
const locate = (scenario: Scenario) => channelOfDrop(cells(scenario, 'before'), cells(scenario, 'after'), item);

describe('where a drop is concentrated (planted answers, scipy oracle)', () => {
	it('names the channel carrying most of the fall, with its change, Holm-adjusted p and share as scipy has them', () => {
		const east = oracle.concentrated.find((r) => r.channel === 'EAST')!;
		const found = locate(oracle.concentrated)!;
		expect(found.channel).toBe('EAST');
		expect(found.difference).toBeCloseTo(east.difference, 9);
		expect(found.pHolm).toBeCloseTo(east.holm, 12);
		expect(found.share).toBeCloseTo(east.share, 9);
		expect(found.share).toBeGreaterThan(0.5);
	});

	it('names no channel when every channel falls alike, though each fall is significant', () => {
		expect(oracle.spread.every((r) => r.holm < 0.05 && r.share < 0.5)).toBe(true);
		expect(locate(oracle.spread)).toBeNull();
	});

	it('names no channel when the one that fell has too few respondents for the fall to be significant', () => {
		const east = oracle.small.find((r) => r.channel === 'EAST')!;
		expect(east.share).toBe(1);
		expect(east.holm).toBeGreaterThan(0.05);
		expect(locate(oracle.small)).toBeNull();
	});

	it('needs two channels present in both periods', () => {
		const one = oracle.concentrated.filter((r) => r.channel === 'EAST');
		expect(locate(one)).toBeNull();
		const before = cells(oracle.concentrated, 'before');
		before.delete('NORTH');
		before.delete('WEST');
		expect(channelOfDrop(before, cells(oracle.concentrated, 'after'), item)).toBeNull();
	});
});
