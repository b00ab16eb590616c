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

/** The counts for each value of each attribute key. */
export function breakdownByAttribute(outcomes: readonly RecipientOutcome[], keys: readonly string[]): AttributeBreakdown[] {
	return keys.map((key) => {
		const groups = new Map<string, RecipientOutcome[]>();
		for (const o of outcomes) {
			const value = o.attributes[key] ?? '';
			groups.set(value, [...(groups.get(value) ?? []), o]);
		}
		const values = [...groups].map(([value, group]) => ({ value, counts: countOutcomes(group) }));
		values.sort((a, b) => b.counts.recipients - a.counts.recipients || a.value.localeCompare(b.value));
		return { key, values };
	});
}
