// The report as CSV: one table per section, separated by a blank line, in the reader's language;
// cells that a spreadsheet would run as formulas are neutralised; UTF-8 with a BOM for Excel.
import type { BrandSection, Gap } from '../../stats/report/competitors';
import type { ReportModel } from '../../stats/report/model';
import { askedText } from '../../stats/report/sections';
import type { Finding } from '../../stats/report/findings';
import { renderFinding } from '../../stats/report/findings';
import { textCell, UTF8_BOM } from '../../csv/export-encoding';

type Cell = string | number | null;

/** A cell as CSV text: numbers to 4 decimals; text neutralised and quoted by the shared CSV writer. */
function csvCell(value: Cell): string {
	if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(4);
	return textCell(value ?? '');
}

const table = (title: string, header: string[], rows: Cell[][]) => [[title], header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');

const gapCells = (g: Gap | null): Cell[] => [g?.ours ?? null, g?.theirs ?? null, g?.difference ?? null, g?.lower ?? null, g?.upper ?? null, g?.p ?? null, g?.n ?? 0];

/** One competitor's rows as in report.json: the CSI, each dimension (with its Holm p) and each item, ours, theirs, gap, CI, p, n. */
function brandRows(brand: BrandSection, name: (n: { zh: string; en: string }) => string): Cell[][] {
	return [
		[brand.code, 'csi', 'CSI', 'CSI', ...gapCells(brand.csi), null],
		...brand.dimensions.map((d) => [brand.code, 'dimension', d.code, name(d.name), ...gapCells(d.gap), d.pHolm]),
		...brand.items.map((i) => [brand.code, 'item', i.code, name(i.name), ...gapCells(i.gap), null])
	];
}

/** The report as CSV text (with BOM); `t` translates message keys in `locale`. */
export function reportCsv(model: ReportModel, findings: Finding[], locale: string, t: (key: string, params?: Record<string, string | number>) => string): string {
	const zh = locale.startsWith('zh');
	const name = (n: { zh: string; en: string }) => (zh ? n.zh : n.en);
	const e = model.csi.estimate;
	const sections = [
		table(t('report.csi'), [t('report.col.score'), 'lower', 'upper', t('report.col.n'), 'method'], [[e?.score ?? null, e?.lower ?? null, e?.upper ?? null, e?.n ?? null, model.method.selected]]),
		table(t('report.findings'), [''], findings.map((f) => [renderFinding(f, locale, t)])),
		table(t('report.dimensions'), ['code', t('report.col.dimension'), t('report.col.score'), 'lower', 'upper', t('report.col.n'), t('report.col.weight'), t('report.col.change'), 'p'], model.dimensions.map((d) => [d.code, name(d.name), d.estimate?.score ?? null, d.estimate?.lower ?? null, d.estimate?.upper ?? null, d.estimate?.n ?? null, d.weight, d.change?.difference ?? null, d.change?.p ?? null])),
		table(t('report.items'), ['code', t('report.col.item'), t('report.col.dimension'), t('report.col.n'), t('report.col.mean'), t('report.col.sd'), t('report.col.top2'), t('report.reversed'), t('report.col.distribution'), t('report.col.asked')], model.items.map((i) => [i.code, name(i.text), i.dimension, i.n, i.mean, i.sd, i.topTwoBox, i.reversed ? 1 : 0, (i.histogram ?? []).join(' '), askedText(i, zh, t)])),
		table(t('report.weights'), ['method', ...model.dimensionCodes, 'issue'], model.weights.map((w) => [w.method, ...model.dimensionCodes.map((_, k) => w.weights?.[k] ?? null), w.issue ? t(w.issue.code, w.issue.params) : ''])),
		table(t('report.trend'), [t('report.col.period'), t('report.col.n'), 'CSI', 'lower', 'upper', 'p', ...model.dimensionCodes], model.trend.map((p) => [p.period, p.n, p.csi?.score ?? null, p.csi?.lower ?? null, p.csi?.upper ?? null, p.change?.p ?? null, ...model.dimensionCodes.map((d) => p.dimensions[d]?.score ?? null)])),
		...model.competitors.map((b) =>
			table(t('report.competitors.heading', { brand: name(b.name) }), ['brand', 'level', 'code', 'name', t('report.competitors.ours'), name(b.name), t('report.competitors.gap'), 'lower', 'upper', 'p', t('report.competitors.nBoth'), 'p (Holm)'], brandRows(b, name))
		)
	];
	return `${UTF8_BOM}${sections.join('\r\n\r\n')}\r\n`;
}
