import { beforeEach, describe, expect, it } from 'vitest';
import type { Condition } from '../../survey/conditions';
import { shownAnswers } from '../../survey/conditions';
import type { Answers, Item, SurveyDefinition } from '../../survey/definition';
import { respondentIndex } from '../scores';
import { mergeCells } from './cells';
import { indexEstimate } from './estimates';
import { layoutOf, unionLayout, type AnalysisLayout } from './layout';
import { buildReportModel, type ReportFilters, type ReportModel } from './model';
import { cellsFromResponses } from './raw';
import { askedText } from './sections';

beforeEach(() => {
	expect.hasAssertions();
});

const likert = (code: string, showIf?: Condition): Item => ({ code, kind: 'likert', text: { en: code }, required: false, scale: { min: 1, max: 5 }, reversed: false, notApplicable: true, ...(showIf && { showIf }) });
const nps = (code: string): Item => ({ code, kind: 'nps', text: { en: code }, required: true, scale: { min: 0, max: 10 }, reversed: false, notApplicable: false });

// Section A: NPS, Q2 (always), Q4 only when Q2 ≤ 2. Section B (only for detractors): Q3.
const definition: SurveyDefinition = {
	sections: [
		{ code: 'A', title: { en: 'A' }, items: [nps('NPS'), likert('Q2'), likert('Q4', { all: [{ item: 'Q2', op: 'lte', value: 2 }] })] },
		{ code: 'B', title: { en: 'B' }, showIf: { all: [{ item: 'NPS', op: 'npsGroup', group: 'detractor' }] }, items: [likert('Q3')] }
	]
};

// Six planted responses, as stored (answers to hidden items were never stored, but the first one
// carries a forged Q3 to show that visibility, not the answers alone, decides who was asked).
//   #  NPS  Q2  Q4     Q3     shown Q3?        shown Q4?
//   1   9   4   –      (5)    no (promoter)    no (Q2 > 2)
//   2   3   1   2      4      yes (detractor)  yes
//   3   5   5   –      N/A    yes              no
//   4   6   2   blank  –      yes (blank)      yes (blank)
//   5   8   3   –      –      no (passive)     no
//   6  10   1   5      –      no               yes
// N = 6. Q3: shown to #2 #3 #4 → n shown 3; answered on the scale by #2 only → item n 1, missing 2
// (#3 said not applicable, #4 left it blank); #1's forged answer is dropped before storing.
// Q4: shown to #2 #4 #6 → 3; answered by #2 and #6 → item n 2, missing 1.
// Q2 and NPS are always shown: no "asked" figure; Q2 n = 6, missing 0.
const stored: Answers[] = [
	shownAnswers(definition, { NPS: 9, Q2: 4, Q3: 5 }),
	{ NPS: 3, Q2: 1, Q4: 2, Q3: 4 },
	{ NPS: 5, Q2: 5, Q3: null },
	{ NPS: 6, Q2: 2 },
	{ NPS: 8, Q2: 3 },
	{ NPS: 10, Q2: 1, Q4: 5 }
];

const filters: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'month' };
const conditions = { Q3: { zh: '当 NPS 为贬损者时显示', en: 'Shown when NPS is a detractor' }, Q4: { zh: 'Q2 不高于 2 时显示', en: 'Shown when Q2 is at most 2' } };

function report(layouts: Map<string, AnalysisLayout>, responses: { versionId: string; answers: Answers }[], def = definition): ReportModel {
	const union = unionLayout([...layouts.values()]);
	const rows = responses.map((r, i) => ({ ...r, channel: i % 2 ? 'web' : 'mail', submittedAt: Date.UTC(2026, 10, 1 + i) }));
	const cells = cellsFromResponses(rows, layouts, union, 'UTC');
	return buildReportModel({ survey: { id: 's', code: 'S', title: 'S', timeZone: 'UTC' }, definition: def, layout: union, system: null, cells, filters, storedMethod: null, source: 'store', conditions });
}

const item = (model: ReportModel, code: string) => model.items.find((i) => i.code === code)!;

describe('asked of n of N', () => {
	const layout = layoutOf(definition, () => null);
	const model = report(new Map([['v1', layout]]), stored.map((answers) => ({ versionId: 'v1', answers })));

	it('counts who was shown each conditional item over the filtered responses (hand-counted oracle)', () => {
		expect(model.n).toBe(6);
		expect(item(model, 'Q3')).toMatchObject({ n: 1, missing: 2, asked: { n: 3, of: 6 }, condition: conditions.Q3 });
		expect(item(model, 'Q4')).toMatchObject({ n: 2, missing: 1, asked: { n: 3, of: 6 } });
		expect(item(model, 'Q2')).toMatchObject({ n: 6, missing: 0, asked: null, condition: null });
		expect(item(model, 'NPS').asked).toBeNull();
	});

	it('never counts a hidden item as a zero: Q3 has only the one answer of 4 in its mean and distribution', () => {
		expect(item(model, 'Q3').mean).toBe(4);
		expect(item(model, 'Q3').histogram).toEqual([0, 0, 0, 1, 0]);
	});

	it('says it in the reader’s language', () => {
		const t = (key: string, p?: Record<string, string | number>) => `${key} ${JSON.stringify(p)}`;
		expect(askedText(item(model, 'Q3'), false, t)).toBe('report.asked {"n":3,"total":6,"condition":"Shown when NPS is a detractor"}');
		expect(askedText(item(model, 'Q3'), true, t)).toContain('当 NPS 为贬损者时显示');
		expect(askedText(item(model, 'Q2'), false, t)).toBe('');
	});

	it('adds up over versions: a version that always showed Q3 counts all its responses as asked', () => {
		const plain: SurveyDefinition = { sections: [{ code: 'A', title: { en: 'A' }, items: [nps('NPS'), likert('Q2'), likert('Q3')] }] };
		const layouts = new Map([['v0', layoutOf(plain, () => null)], ['v1', layout]]);
		const old = ([{ NPS: 9, Q2: 4, Q3: 5 }, { NPS: 2, Q2: 4 }] as Answers[]).map((answers) => ({ versionId: 'v0', answers }));
		const merged = report(layouts, [...old, ...stored.map((answers) => ({ versionId: 'v1', answers }))]);
		// v0: both responses were asked Q3 (one answered 5); v1 as above: 3 of 6 asked, one answered 4.
		expect(item(merged, 'Q3')).toMatchObject({ n: 2, missing: 3, asked: { n: 5, of: 8 } });
	});

	it('keeps the shown counts when cells are merged', () => {
		const cells = cellsFromResponses(stored.map((answers, i) => ({ versionId: 'v1', channel: 'web', submittedAt: Date.UTC(2026, i, 1), answers })), new Map([['v1', layout]]), layout, 'UTC');
		const total = cells.slice(1).reduce((a, c) => {
			const merged = mergeCells(a, c.data);
			if (!merged.ok) throw new Error(merged.error.code);
			return merged.value;
		}, cells[0].data);
		expect(total.shown).toEqual({ Q4: 3, Q3: 3 });
	});

	it('leaves surveys without conditions as they were: no shown counts, same layout signature form', () => {
		const plain = layoutOf({ sections: [{ code: 'A', title: { en: 'A' }, items: [likert('Q2')] }] }, () => null);
		expect(plain.conditional).toBeNull();
		expect(JSON.parse(plain.signature)).not.toHaveProperty('v');
	});
});

describe('scores ignore hidden items like missing ones', () => {
	it('scores a respondent on the items they were shown', () => {
		// #1 (promoter) was not shown Q3 or Q4: scored on Q2 alone, (4 − 1) / 4 = 75, not dragged down by a zero.
		const scales = [{ lo: 1, hi: 5 }, { lo: 1, hi: 5 }, { lo: 1, hi: 5 }];
		const row = ['Q2', 'Q3', 'Q4'].map((code) => (stored[0][code] as number | undefined) ?? null);
		expect(respondentIndex(row, [1, 1, 1], scales)).toBe(75);
		// #2 saw all three: Q2 = 1, Q3 = 4, Q4 = 2 → (0 + 75 + 25) / 3.
		const full = ['Q2', 'Q3', 'Q4'].map((code) => stored[1][code] as number);
		expect(respondentIndex(full, [1, 1, 1], scales)).toBeCloseTo(100 / 3, 10);
	});

	it('gives an index from the answers that were asked, equal to the weighted mean of item scores', () => {
		const layout = layoutOf(definition, () => null);
		const model = report(new Map([['v1', layout]]), stored.map((answers) => ({ versionId: 'v1', answers })));
		const cells = cellsFromResponses(stored.map((answers) => ({ versionId: 'v1', channel: '', submittedAt: 0, answers })), new Map([['v1', layout]]), layout, 'UTC');
		const columns = ['Q2', 'Q3'].map((code) => layout.columns.findIndex((c) => c.code === code));
		// Q2 mean (4+1+5+2+3+1)/6 = 8/3 → score (8/3 − 1)/4·100 = 41.67; Q3 mean 4 → 75; equal weights → 58.33.
		expect(indexEstimate(cells[0].data.stats, columns, [0.5, 0.5])!.score).toBeCloseTo((((8 / 3 - 1) / 4) * 100 + 75) / 2, 10);
		expect(model.items.find((i) => i.code === 'Q3')!.score).toBe(75);
	});
});
