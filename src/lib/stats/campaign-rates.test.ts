import { describe, expect, it } from 'vitest';
import { breakdownByAttribute, countOutcomes, recipientState, type RecipientOutcome } from './campaign-rates';

const outcome = (state: RecipientOutcome['state'], completed: boolean, tier?: string): RecipientOutcome => ({
	state,
	started: completed,
	completed,
	attributes: tier === undefined ? {} : { tier }
});

describe('campaign rates', () => {
	it.each([
		['queued', null, 'queued'],
		['running', null, 'queued'],
		['failed', null, 'queued'],
		['done', null, 'sent'],
		['kept', null, 'sent'],
		['dead', null, 'failed'],
		['skipped', null, 'optedOut'],
		[null, 'optedOut', 'optedOut'],
		[null, 'noEmail', 'noEmail']
	])('reads job state %s (skipped %s) as %s', (job, skipped, state) => {
		expect(recipientState(job, skipped)).toBe(state);
	});

	it('counts each state and rates completions against messages sent', () => {
		const counts = countOutcomes([outcome('sent', true), outcome('sent', false), outcome('sent', true), outcome('failed', false), outcome('optedOut', false), outcome('queued', false)]);
		expect(counts).toEqual({ recipients: 6, queued: 1, sent: 3, failed: 1, optedOut: 1, noEmail: 0, started: 2, completed: 2, responseRate: 2 / 3 });
		expect(countOutcomes([outcome('queued', false)]).responseRate).toBeNaN();
	});

	it('breaks the counts down by attribute value, contacts without it under an empty value', () => {
		const [tier] = breakdownByAttribute([outcome('sent', true, 'core'), outcome('sent', false, 'core'), outcome('sent', true, 'general'), outcome('sent', false)], ['tier']);
		expect(tier.values.map((v) => [v.value, v.counts.recipients, v.counts.responseRate])).toEqual([
			['core', 2, 0.5],
			['', 1, 0],
			['general', 1, 1]
		]);
	});
});
