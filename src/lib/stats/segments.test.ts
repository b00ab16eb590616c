import { beforeEach, describe, expect, it } from 'vitest';
import { satisfactionLoyaltySegments, valueLoyaltyTypes } from './segments';
import { expectFail, expectOk } from './test-util';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = { scale: { lo: 1, hi: 5 } };

describe('satisfaction × loyalty segments', () => {
	it('defaults to top-2-box and counts ties at the threshold as high', () => {
		const r = expectOk(satisfactionLoyaltySegments([[5, 5], [4, 4], [5, 2], [3, 5], [1, 1], [null, 5]], likert, likert));
		expect(r.counts).toEqual({ apostle: 2, mercenary: 1, hostage: 1, defector: 1 });
		expect(r.shares.apostle).toBeCloseTo(40, 12);
		expect([r.n, r.skipped]).toEqual([5, 1]);
	});
	it('takes configurable thresholds and counts from a cross-tabulation', () => {
		const r = expectOk(satisfactionLoyaltySegments([[9, 10, 30], [7, 10, 20], [7, 3, 50]], { scale: { lo: 0, hi: 10 }, high: 7 }, { scale: { lo: 0, hi: 10 } }));
		expect(r.counts).toEqual({ apostle: 50, mercenary: 50, hostage: 0, defector: 0 });
	});
	it('fails on a threshold off the scale and on no pairs', () => {
		expectFail(satisfactionLoyaltySegments([[1, 1]], { scale: { lo: 1, hi: 5 }, high: 6 }, likert), 'stats.thresholdOutOfScale');
		expectFail(satisfactionLoyaltySegments([[null, 1]], likert, likert), 'stats.tooFewRespondents');
	});
});

describe('value × loyalty relationship types', () => {
	it('labels strategic partner / retain / develop / build', () => {
		const r = expectOk(valueLoyaltyTypes([[1, 5], [1, 1], [0, 5], [0, 1], [0, 2]], { scale: { lo: 0, hi: 1 }, high: 1 }, likert));
		expect(r.counts).toEqual({ strategicPartner: 1, retain: 1, develop: 1, build: 2 });
	});
});
