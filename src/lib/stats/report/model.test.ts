import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BANK_DIMENSIONS, demoWorkspace, PLANTED_DROP, PLANTED_EFFECTS, type DemoSurvey } from '../../demo';
import { layoutOf, type AnalysisLayout } from './layout';
import { buildReportModel, type ReportFilters, type ReportModel } from './model';
import { cellsFromResponses } from './raw';
import { inheritedRoles } from './structure';
import { keyFindings } from './findings';
import { holmAdjust } from '../holm';

beforeEach(() => {
	expect.hasAssertions();
});

function counter(): () => string {
	let next = 0;
	return () => `node-${next++}`;
}

const filters: ReportFilters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' };

function report(survey: DemoSurvey, options: { filters?: Partial<ReportFilters>; method?: string; split?: boolean } = {}): ReportModel {
	const system = { nodes: survey.system.nodes.map((n) => ({ ...n })), paths: survey.system.paths.map((p) => ({ from: survey.system.nodes.find((n) => n.id === p.fromId)!.code, to: survey.system.nodes.find((n) => n.id === p.toId)!.code })) };
	const layout = layoutOf(survey.definition, inheritedRoles(system));
	const layouts = new Map<string, AnalysisLayout>([['v1', layout]]);
	const f = { ...filters, ...options.filters };
	const responses = survey.responses.filter((r) => f.channels.length === 0 || f.channels.includes(r.channel)).map((r) => ({ ...r, versionId: 'v1' }));
	const cells = cellsFromResponses(responses, layouts, layout, survey.settings.timeZone);
	return buildReportModel({
		survey: { id: 's', code: survey.code, title: survey.title.en, timeZone: survey.settings.timeZone },
		definition: survey.definition,
		layout,
		system,
		cells,
		filters: f,
		storedMethod: options.method ?? null,
		source: 'store'
	});
}

describe('report model on the demo bank', () => {
	let bank: DemoSurvey;
	let model: ReportModel;
	beforeAll(() => {
		bank = demoWorkspace(counter())[0];
		model = report(bank);
	});

	it('has the five SERVQUAL dimensions, a CSI with a CI and n', () => {
		expect(model.n).toBe(2000);
		expect(model.dimensions.map((d) => d.code)).toEqual([...BANK_DIMENSIONS]);
		const csi = model.csi.estimate!;
		expect(csi.score).toBeGreaterThan(50);
		expect(csi.score).toBeLessThan(90);
		expect(csi.lower!).toBeLessThan(csi.score);
		expect(csi.upper!).toBeGreaterThan(csi.score);
		expect(model.method.selected).toBe('direct');
	});

	it('recovers the planted dimension weights in rank order with derived methods', () => {
		const planted = [...BANK_DIMENSIONS].sort((a, b) => PLANTED_EFFECTS[b] - PLANTED_EFFECTS[a]);
		for (const method of ['relativeWeights', 'shapley'] as const) {
			const w = model.weights.find((m) => m.method === method)!.weights!;
			const order = [...BANK_DIMENSIONS].sort((a, b) => w[BANK_DIMENSIONS.indexOf(b)] - w[BANK_DIMENSIONS.indexOf(a)]);
			expect(order, method).toEqual(planted);
		}
	});

	it('flags the planted drop of responsiveness at the branch in its quarter', () => {
		const branch = report(bank, { filters: { channels: [PLANTED_DROP.channel] } });
		const point = branch.trend.find((p) => p.period === PLANTED_DROP.quarter)!;
		const change = point.dimensions[PLANTED_DROP.dimension].change!;
		expect(change.significant).toBe(true);
		expect(change.difference).toBeLessThan(-10);
		const drop = keyFindings(branch).find((f) => f.key === 'findings.biggestDrop')!;
		expect(drop.params).toMatchObject({ dimension: { name: { en: 'Responsiveness' } }, period: { period: PLANTED_DROP.quarter } });
		expect(model.items.filter((i) => i.reversed).map((i) => i.code)).toEqual(['RES_W', 'EMP_N']);
	});

	it('finds the planted drop concentrated at its branch when all branches are read together, and says so', () => {
		const at = model.drops.find((d) => d.dimension === PLANTED_DROP.dimension && d.period === PLANTED_DROP.quarter)!;
		expect(at).toMatchObject({ channel: PLANTED_DROP.channel, since: '2025-Q2' });
		expect(at.share).toBeGreaterThan(0.5);
		expect(at.pHolm).toBeLessThan(0.05);
		// The branch's own fall is the one of the branch-only report.
		const branch = report(bank, { filters: { channels: [PLANTED_DROP.channel] } });
		expect(at.difference).toBeCloseTo(branch.trend.find((p) => p.period === PLANTED_DROP.quarter)!.dimensions[PLANTED_DROP.dimension].change!.difference, 9);
		const finding = keyFindings(model).find((f) => f.key.startsWith('findings.biggestDrop'))!;
		expect(finding).toMatchObject({ key: 'findings.biggestDropAt', params: { channel: { name: { en: PLANTED_DROP.channel } }, period: { period: PLANTED_DROP.quarter } } });
		expect(model.drops.every((d) => d.dimension === PLANTED_DROP.dimension || d.dimension === null)).toBe(true);
	});

	it('states the segment cut-offs and lets the researcher set them', () => {
		const table = model.segments.satisfactionLoyalty!;
		expect(table.axes.map((a) => a.high)).toEqual([table.axes[0].scale.hi - 1, table.axes[1].scale.hi - 1]);
		const lower = report(bank, { filters: { cutoffs: { satisfaction: table.axes[0].scale.hi - 3, loyalty: table.axes[1].scale.hi - 3 } } }).segments.satisfactionLoyalty!;
		expect(lower.axes.map((a) => a.high)).toEqual([table.axes[0].scale.hi - 3, table.axes[1].scale.hi - 3]);
		expect(lower.shares.apostle).toBeGreaterThan(table.shares.apostle);
		expect(lower.shares.defector).toBeLessThan(table.shares.defector);
		// A cut-off off the scale falls back to the top two points.
		expect(report(bank, { filters: { cutoffs: { satisfaction: 99 } } }).segments.satisfactionLoyalty!.axes[0].high).toBe(table.axes[0].high);
	});

	it('has the HTMT of every pair of dimensions, symmetric, with the flags above 0.85', () => {
		const htmt = model.htmt!;
		expect(htmt.dimensions).toEqual([...BANK_DIMENSIONS]);
		htmt.values.forEach((row, i) =>
			row.forEach((v, j) => {
				if (i === j) expect(v).toBeNull();
				else expect(v!).toBeCloseTo(htmt.values[j][i]!, 12);
				if (i !== j) expect(v!).toBeGreaterThan(0);
			})
		);
		const above = htmt.values.flatMap((row, i) => row.filter((v, j) => j > i && v !== null && v > 0.85));
		expect(htmt.flags.map((f) => f.value)).toEqual(above);
	});

	it('tests each channel against all other respondents, Holm-adjusted across channels', () => {
		const rows = model.comparison;
		expect(rows).toHaveLength(4);
		const adjusted = holmAdjust(rows.map((r) => r.vsRest!.p));
		for (const [i, row] of rows.entries()) {
			const rest = report(bank, { filters: { channels: rows.filter((r) => r.channel !== row.channel).map((r) => r.channel) } }).csi.estimate!;
			expect(row.vsRest!.difference).toBeCloseTo(row.csi!.score - rest.score, 9);
			expect(row.vsRest!.pHolm).toBeCloseTo(adjusted[i], 12);
			expect(row.vsRest!.significant).toBe(row.vsRest!.pHolm < 0.05);
		}
	});

	it('says which methods cannot apply and why', () => {
		const pls = model.weights.find((m) => m.method === 'pls')!;
		expect(pls.weights).toBeNull();
		expect(pls.issue?.code).toBe('stats.report.noStructuralModel');
		expect(model.weights.find((m) => m.method === 'ahp')!.issue?.code).toBe('stats.report.noStoredWeights');
	});

	it('uses the stored method for the CSI when it applies', () => {
		const equal = report(bank, { method: 'equal' });
		expect(equal.method.selected).toBe('equal');
		expect(equal.csi.estimate!.score).not.toBeCloseTo(model.csi.estimate!.score, 6);
		expect(report(bank, { method: 'ahp' }).method.selected).toBe('direct');
	});

	it('has NPS, loyalty segments, SERVQUAL gaps and an IPA naming CSI items', () => {
		expect(model.loyalty!.nps!.n).toBeGreaterThan(1800);
		expect(model.segments.satisfactionLoyalty!.n).toBeGreaterThan(1700);
		expect(model.segments.valueLoyalty!.n).toBeGreaterThan(1700);
		expect(model.servqual!.dimensions).toHaveLength(5);
		expect(model.ipa!.items.length).toBe(24);
		// Each SERVQUAL item measures one indicator alone, so it is named by the indicator in both languages.
		for (const it of model.ipa!.items) {
			expect(it.label.en, it.code).not.toMatch(/^[A-Z]{3}\d|_P$/);
			expect(it.label.zh, it.code).toMatch(/[\u4e00-\u9fff]/);
		}
		expect(model.reliability.every((r) => r.alpha !== null && r.alpha > 0.6)).toBe(true);
	});
});

describe('report model on the demo ECSI survey', () => {
	it('fits the structural model and offers PLS weights', () => {
		const ecsi = demoWorkspace(counter())[1];
		const model = report(ecsi);
		expect(model.structural!.paths.length).toBeGreaterThan(5);
		expect(model.structural!.constructs.find((c) => c.code === 'SAT')!.rSquared!).toBeGreaterThan(0.3);
		expect(model.weights.find((m) => m.method === 'pls')!.weights).not.toBeNull();
		expect(model.method.selected).toBe('pls');
	});
});
