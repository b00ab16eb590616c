import { beforeEach, describe, expect, it } from 'vitest';
import type { LikertItem, SurveyDefinition } from './definition';
import { classifyChange, planPublish } from './versioning';

beforeEach(() => {
	expect.hasAssertions();
});

const q = (code: string, extra: Partial<LikertItem> = {}): LikertItem => ({
	code,
	kind: 'likert',
	text: { en: `Item ${code}`, 'zh-CN': `题目 ${code}` },
	required: true,
	indicator: code,
	scale: { min: 1, max: 5 },
	reversed: false,
	notApplicable: false,
	...extra
});
const survey = (...items: LikertItem[]): SurveyDefinition => ({ sections: [{ code: 'S1', title: { en: 'S', 'zh-CN': '节' }, items }] });
const base = survey(q('A'), q('B'));

describe('classifyChange', () => {
	it.each([
		['nothing', base, 'none', []],
		['a reworded item', survey(q('A', { text: { en: 'Better wording', 'zh-CN': '更好的措辞' } }), q('B')), 'wording', ['wording:A']],
		['new end labels', survey(q('A', { scale: { min: 1, max: 5, endLabels: { min: { en: 'No' }, max: { en: 'Yes' } } } }), q('B')), 'wording', ['wording:A']],
		['reordered items', survey(q('B'), q('A')), 'wording', ['order']],
		['an added item', survey(q('A'), q('B'), q('C')), 'structural', ['itemAdded:C']],
		['a removed item', survey(q('A')), 'structural', ['itemRemoved:B']],
		['a changed scale', survey(q('A', { scale: { min: 1, max: 7 } }), q('B')), 'structural', ['scaleChanged:A']],
		['a re-linked indicator', survey(q('A', { indicator: 'X' }), q('B')), 'structural', ['indicatorChanged:A']],
		['a reverse flag', survey(q('A'), q('B', { reversed: true })), 'structural', ['reversedChanged:B']],
		['a condition added', survey(q('A'), q('B', { showIf: { all: [{ item: 'A', op: 'lte', value: 2 }] } })), 'structural', ['conditionChanged:B']],
		['a section condition added', { sections: [{ ...base.sections[0], showIf: { any: [] } }] }, 'structural', ['conditionChanged:S1']],
		['a changed kind', { sections: [{ ...base.sections[0], items: [{ ...q('A'), kind: 'rating' as const }, q('B')] }] }, 'structural', ['kindChanged:A']],
		['an item rated for a competitor', { ...survey(q('A', { competitors: { mode: 'rated', brands: ['b'] } }), q('B')), competitors: [{ code: 'b', name: { en: 'B' } }] }, 'structural', ['competitorsChanged:A', 'competitorsChanged']],
		['a competitor named', { ...base, competitors: [{ code: 'b', name: { en: 'B' } }] }, 'structural', ['competitorsChanged']]
	] as const)('%s → %s', (_, after, kind, reasons) => {
		const change = classifyChange(base, after as SurveyDefinition);
		expect(change.kind).toBe(kind);
		expect(change.reasons.map((r) => (r.item ? `${r.code}:${r.item}` : r.code))).toEqual(reasons);
	});

	it('sees option changes of choice items as structural and label changes as wording', () => {
		const choice = (labels: string[], codes = ['Y', 'N']) => ({
			sections: [{ code: 'S', title: {}, items: [{ code: 'C', kind: 'single' as const, text: {}, required: true, options: codes.map((c, i) => ({ code: c, label: { en: labels[i] } })) }] }]
		});
		expect(classifyChange(choice(['Yes', 'No']), choice(['Yes!', 'No']))).toMatchObject({ kind: 'wording' });
		expect(classifyChange(choice(['Yes', 'No']), choice(['Yes', 'No', 'Maybe'], ['Y', 'N', 'M']))).toMatchObject({ kind: 'structural', reasons: [{ code: 'optionsChanged' }] });
	});
});

describe('planPublish', () => {
	const current = (responses: number) => ({ number: 2, latestNumber: 2, definition: base, responses });

	it('makes version 1 when there is none', () => {
		expect(planPublish(null, base)).toMatchObject({ action: 'first', number: 1 });
	});
	it('does nothing when nothing changed', () => {
		expect(planPublish(current(10), base)).toMatchObject({ action: 'unchanged', number: 2 });
	});
	it('replaces a version without responses, whatever the change', () => {
		expect(planPublish(current(0), survey(q('A')))).toMatchObject({ action: 'replace', number: 2 });
	});
	it('fixes wording in place once responses exist', () => {
		expect(planPublish(current(3), survey(q('B'), q('A')))).toMatchObject({ action: 'fixWording', number: 2 });
	});
	it('creates the next version for a changed condition once responses exist', () => {
		const asked = survey(q('A'), q('B', { showIf: { all: [{ item: 'A', op: 'lte', value: 2 }] } }));
		const changed = survey(q('A'), q('B', { showIf: { all: [{ item: 'A', op: 'lte', value: 3 }] } }));
		expect(planPublish({ ...current(3), definition: asked }, changed)).toMatchObject({ action: 'newVersion', number: 3, change: { reasons: [{ code: 'conditionChanged', item: 'B' }] } });
		expect(planPublish({ ...current(3), definition: asked }, asked)).toMatchObject({ action: 'unchanged' });
	});
	it('creates the next version for a structural change once responses exist', () => {
		expect(planPublish({ ...current(3), latestNumber: 4 }, survey(q('A')))).toMatchObject({ action: 'newVersion', number: 5, change: { kind: 'structural' } });
	});

	it('sees a renamed competitor as wording', () => {
		const named = (en: string): SurveyDefinition => ({ ...base, competitors: [{ code: 'b', name: { en } }] });
		expect(classifyChange(named('Bank B'), named('Bank B Ltd'))).toEqual({ kind: 'wording', reasons: [{ code: 'wording' }] });
	});
});
