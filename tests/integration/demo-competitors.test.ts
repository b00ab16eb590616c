// The demo bank's competitors on each engine: the report of the loaded demo recovers the planted
// gaps — against each bank the dimension where we lead and the one where we trail, with the right
// sign and significant after Holm — and places them in the matrix. The only other gap is our own
// planted drop of responsiveness at one branch in one quarter (the competitors did not have it),
// which also shows in the gap trend by quarter; report.csv carries the same per-bank figures.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BANK_COMPETITORS, BANK_DIMENSIONS, PLANTED_DROP, PLANTED_GAPS } from '../../src/lib/demo';
import Papa from 'papaparse';
import { catalogs } from '../../src/lib/i18n/catalogs';
import { translate } from '../../src/lib/i18n/translate';
import { buildSurveyReport } from '../../src/lib/server/analysis/report';
import { reportCsv } from '../../src/lib/server/analysis/report-csv';
import { loadDemoWorkspace } from '../../src/lib/server/demo/load-demo';
import { insertUser } from '../../src/lib/server/repo/users';
import type { ReportModel } from '../../src/lib/stats/report/model';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

describe.each(engines)('demo competitors on %s', (engine) => {
	const t = useTestDb(engine);
	let model: ReportModel;
	let otherBranches: ReportModel;

	beforeAll(async () => {
		const admin = await insertUser(t.db, { email: `admin-${engine}@example.com`, name: 'Admin', passwordHash: 'x', role: 'admin' });
		const [bank] = await loadDemoWorkspace(t.db, admin);
		const filters = { from: null, to: null, channels: [], segment: {}, unit: 'quarter' as const };
		model = (await buildSurveyReport(t.db, bank, filters))!.model;
		const channels = model.comparison.map((c) => c.channel).filter((c) => c !== PLANTED_DROP.channel);
		otherBranches = (await buildSurveyReport(t.db, bank, { ...filters, channels }))!.model;
	}, 120_000);

	it('names both banks and pairs hundreds of their customers with ours', () => {
		expect(model.competitors.map((b) => b.code)).toEqual(BANK_COMPETITORS.map((c) => c.code));
		expect(model.competitors.map((b) => b.name.en)).toEqual(['Bank B', 'Bank C']);
		for (const brand of model.competitors) {
			expect(brand.csi!.n, brand.code).toBeGreaterThan(400);
			expect(brand.csi!.n, brand.code).toBeLessThan(model.n);
		}
	});

	it.each(Object.entries(PLANTED_GAPS))('against %s recovers the planted lead and trail, Holm-significant, and no other gap but our own drop', (code, planted) => {
		const brand = model.competitors.find((b) => b.code === code)!;
		expect(brand.dimensions.map((d) => d.code)).toEqual([...BANK_DIMENSIONS]);
		const byGap = [...brand.dimensions].sort((a, b) => b.gap!.difference - a.gap!.difference);
		const lead = byGap[0];
		const trail = byGap.at(-1)!;
		expect([lead.code, trail.code]).toEqual([planted.lead, planted.trail]);
		// 0.9 of 6 scale points is 15 on 0–100; rounding onto the scale and its ends take some of it.
		expect(lead.gap!.difference).toBeGreaterThan(8);
		expect(trail.gap!.difference).toBeLessThan(-8);
		expect(lead.gap!.lower!).toBeGreaterThan(0);
		expect(trail.gap!.upper!).toBeLessThan(0);
		for (const d of brand.dimensions) expect(d.pHolm!, d.code).toBeGreaterThanOrEqual(d.gap!.p!);
		const others = brand.dimensions.filter((d) => d.significant && d !== lead && d !== trail);
		expect(others.every((d) => d.code === PLANTED_DROP.dimension && Math.abs(d.gap!.difference) < 3)).toBe(true);
		const away = otherBranches.competitors.find((b) => b.code === code)!;
		expect(away.dimensions.filter((d) => d.significant).map((d) => d.code).sort()).toEqual([planted.lead, planted.trail].sort());
	});

	it('follows each gap by quarter, each quarter tested on its own pairs: the lead holds throughout, and our own drop widens the trail against Bank B in its quarter', () => {
		const bankB = model.competitors.find((b) => b.code === 'bank-b')!;
		expect(bankB.trend.map((p) => p.period)).toEqual(model.trend.map((p) => p.period));
		expect(bankB.trend.reduce((n, p) => n + p.csi!.n, 0)).toBe(bankB.csi!.n);
		for (const point of bankB.trend) {
			expect(point.dimensions.REL!.difference, point.period).toBeGreaterThan(0);
			expect(point.dimensions.REL!.p!, point.period).toBeLessThan(0.05);
		}
		const widest = [...bankB.trend].sort((a, b) => a.dimensions.RES!.difference - b.dimensions.RES!.difference)[0];
		expect(widest.period).toBe(PLANTED_DROP.quarter);
	});

	it('places the planted dimensions in the matrix by the report’s weights', () => {
		const quadrant = (brand: string, dimension: string) => model.competitors.find((b) => b.code === brand)!.matrix.find((p) => p.code === dimension)!.quadrant;
		expect(model.method.selected).toBe('direct');
		// The direct weights of Reliability and Responsiveness are above their mean (0.2), those of Empathy and Tangibles below.
		expect(quadrant('bank-b', 'REL')).toBe('advantageToKeep');
		expect(quadrant('bank-b', 'RES')).toBe('urgentGap');
		expect(quadrant('bank-c', 'EMP')).toBe('minorAdvantage');
		expect(quadrant('bank-c', 'TAN')).toBe('minorGap');
	});

	it('exports each bank\'s rows in report.csv as in the model: ours, theirs, gap, CI, p, n and the Holm p', () => {
		const csv = reportCsv(model, [], 'en', (key, p) => translate(catalogs.en, key, p));
		const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '')).data;
		const start = rows.findIndex((r) => r[0] === 'Us and Bank B');
		const header = rows[start + 1];
		expect(header.slice(0, 4)).toEqual(['brand', 'level', 'code', 'name']);
		const bankB = model.competitors[0];
		const section = rows.slice(start + 2, start + 2 + 1 + bankB.dimensions.length + bankB.items.length);
		expect(section.map((r) => `${r[1]}:${r[2]}`)).toEqual(['csi:CSI', ...bankB.dimensions.map((d) => `dimension:${d.code}`), ...bankB.items.map((i) => `item:${i.code}`)]);
		const rel = section.find((r) => r[2] === 'REL')!;
		const gap = bankB.dimensions.find((d) => d.code === 'REL')!;
		const expected = [gap.gap!.ours, gap.gap!.theirs, gap.gap!.difference, gap.gap!.lower!, gap.gap!.upper!];
		expect(rel.slice(4, 9).map(Number)).toEqual(expected.map((x) => Number(x.toFixed(4))));
		expect(Number(rel[10])).toBe(gap.gap!.n);
		expect(rows.some((r) => r[0] === 'Us and Bank C')).toBe(true);
	});
});
