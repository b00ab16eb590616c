// A campaign's progress and response rates from its recipients' states (pure, so the page, the CSV
// and the tests count the same way).

/** Where one recipient stands: its mail job's outcome, or why no mail was queued. */
export type RecipientState = 'queued' | 'sent' | 'failed' | 'optedOut' | 'noEmail';

export interface RecipientOutcome {
	state: RecipientState;
	/** The respondent moved on in the questionnaire through the invitation (a page step), or submitted it. */
	started: boolean;
	/** A response is stored for the invitation. */
	completed: boolean;
	attributes: Record<string, string>;
}

export interface CampaignCounts {
	recipients: number;
	queued: number;
	sent: number;
	failed: number;
	optedOut: number;
	noEmail: number;
	started: number;
	completed: number;
	/** completed ÷ sent, 0–1; NaN while nothing is sent. */
	responseRate: number;
}

/** A job's state as the campaign reports it: waiting or retrying count as queued, kept mail as sent. */
export function recipientState(jobState: string | null, skipped: string | null): RecipientState {
	if (skipped === 'optedOut' || jobState === 'skipped') return 'optedOut';
	if (skipped === 'noEmail' || jobState === null) return 'noEmail';
	if (jobState === 'done' || jobState === 'kept') return 'sent';
	if (jobState === 'dead') return 'failed';
	return 'queued';
}

export function countOutcomes(outcomes: readonly RecipientOutcome[]): CampaignCounts {
	const counts: CampaignCounts = { recipients: 0, queued: 0, sent: 0, failed: 0, optedOut: 0, noEmail: 0, started: 0, completed: 0, responseRate: NaN };
	for (const o of outcomes) {
		counts.recipients++;
		counts[o.state]++;
		if (o.started) counts.started++;
		if (o.completed) counts.completed++;
	}
	counts.responseRate = counts.sent === 0 ? NaN : counts.completed / counts.sent;
	return counts;
}

export interface AttributeBreakdown {
	key: string;
	/** One row per value, the most recipients first; '' holds contacts without the attribute. */
	values: { value: string; counts: CampaignCounts }[];
}

/** The counts of each group of outcomes, keyed by `keyOf`, in first-seen order. */
function countGroups<K, O extends RecipientOutcome>(outcomes: readonly O[], keyOf: (o: O) => K): Map<K, CampaignCounts> {
	const groups = new Map<K, O[]>();
	for (const o of outcomes) {
		const key = keyOf(o);
		const group = groups.get(key);
		if (group) group.push(o);
		else groups.set(key, [o]);
	}
	return new Map([...groups].map(([key, group]) => [key, countOutcomes(group)]));
}

/** The counts for each value of each attribute key. */
export function breakdownByAttribute(outcomes: readonly RecipientOutcome[], keys: readonly string[]): AttributeBreakdown[] {
	return keys.map((key) => {
		const values = [...countGroups(outcomes, (o) => o.attributes[key] ?? '')].map(([value, counts]) => ({ value, counts }));
		values.sort((a, b) => b.counts.recipients - a.counts.recipients || a.value.localeCompare(b.value));
		return { key, values };
	});
}

/** A recipient of one of a survey's campaigns, with the channel its campaign counts under (null: none). */
export type ChannelOutcome = RecipientOutcome & { channel: string | null };

export interface ChannelRates {
	/** A channel code of the survey; null for campaigns under no channel. */
	channel: string | null;
	counts: CampaignCounts;
}

/** The counts per channel across campaigns, the most recipients first; campaigns under no channel (null) last. */
export function breakdownByChannel(outcomes: readonly ChannelOutcome[]): ChannelRates[] {
	const rows = [...countGroups(outcomes, (o) => o.channel)].map(([channel, counts]) => ({ channel, counts }));
	const rank = (channel: string | null) => (channel === null ? 1 : 0);
	return rows.sort((a, b) => rank(a.channel) - rank(b.channel) || b.counts.recipients - a.counts.recipients || (a.channel ?? '').localeCompare(b.channel ?? ''));
}
