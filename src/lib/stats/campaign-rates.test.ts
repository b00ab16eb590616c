import { describe, expect, it } from 'vitest';
import { breakdownByAttribute, breakdownByChannel, countOutcomes, recipientState, type ChannelOutcome, type RecipientOutcome } from './campaign-rates';

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

	it('breaks the counts down by channel across campaigns, campaigns under no channel last', () => {
		const at = (channel: string | null, state: RecipientOutcome['state'], started: boolean, completed: boolean): ChannelOutcome => ({ state, started, completed, attributes: {}, channel });
		const rows = breakdownByChannel([
			// Branch: 4 sent, 3 started, 2 completed → 2 ÷ 4 = 50 %; one opted out, not invited.
			at('branch', 'sent', true, true),
			at(null, 'sent', false, false),
			at('branch', 'sent', true, true),
			at('branch', 'sent', true, false),
			at('app', 'sent', true, true),
			at('branch', 'sent', false, false),
			at('branch', 'optedOut', false, false),
			// App: 1 sent and completed, 1 still waiting → 1 ÷ 1 = 100 %.
			at('app', 'queued', false, false)
		]);
		expect(rows.map((r) => [r.channel, r.counts.recipients, r.counts.sent, r.counts.started, r.counts.completed, r.counts.responseRate])).toEqual([
			['branch', 5, 4, 3, 2, 0.5],
			['app', 2, 1, 1, 1, 1],
			[null, 1, 1, 0, 0, 0]
		]);
		expect(breakdownByChannel([])).toEqual([]);
	});
});
