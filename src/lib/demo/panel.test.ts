import { describe, expect, it } from 'vitest';
import { bankSurvey } from './bank';
import { PANEL_VALUE, withBankPanel } from './panel';

describe('the bank demo’s panel', () => {
	let n = 0;
	const bank = withBankPanel(bankSurvey(() => `node${n++}`));
	const panel = bank.responses.filter((r) => r.panel);

	it('takes the place of anonymous responses, so the survey keeps its 2,000', () => {
		expect(bank.responses).toHaveLength(2000);
		expect([panel.length, panel.filter((r) => r.panel!.wave === 1).length, panel.filter((r) => r.panel!.wave === 2).length]).toEqual([155, 82, 73]);
		expect(bank.panel!.contacts).toHaveLength(160);
		expect(bank.panel!.contacts.every((c) => /^[a-z]+\.[a-z]+\.\d{3}@example\.com$/.test(c.email) && c.attributes.panel === PANEL_VALUE)).toBe(true);
		expect(new Set(bank.panel!.contacts.map((c) => c.email)).size).toBe(160);
	});

	it('plants the movement: core customers recommend more in wave 2 than in wave 1, general customers less', () => {
		const tierOf = new Map(bank.panel!.contacts.map((c) => [c.externalId, c.attributes.tier]));
		const mean = (tier: string, wave: number) => {
			const values = panel.filter((r) => r.panel!.wave === wave && tierOf.get(r.panel!.contact) === tier).flatMap((r) => (typeof r.answers.NPS1 === 'number' ? [r.answers.NPS1] : []));
			return values.reduce((s, v) => s + v, 0) / values.length;
		};
		expect(mean('core', 2)).toBeGreaterThan(mean('core', 1));
		expect(mean('general', 2)).toBeLessThan(mean('general', 1));
	});
});
