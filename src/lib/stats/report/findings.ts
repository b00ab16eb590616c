// Key findings in plain sentences, from the report model's numbers: the CSI and its latest fall,
// the weakest dimension, the biggest significant change, the "concentrate here" items and the NPS.
// A fall names the channel it is concentrated at when the model finds one (drop-location.ts).
// Each finding is a message key with parameters; names and periods are rendered in the reader's language.
import type { DropLocation } from './drop-location';
import type { ReportModel } from './model';
import { joinNames } from './labels';
import type { Names } from './structure';
import { MIN_RELIABLE_N } from '../trend';
import { periodLabel } from '../../survey/periods';

export type FindingParam = string | number | { name: Names } | { names: Names[] } | { period: string };

export interface Finding {
	key: `findings.${string}`;
	params: Record<string, FindingParam>;
}

/** One decimal, as text (so 68 reads '68.0' in both languages). */
const one = (x: number) => x.toFixed(1);
/** 'p < 0.001' style text (without the p). */
export const pText = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);

function csiFinding(model: ReportModel): Finding[] {
	const e = model.csi.estimate;
	if (!e) return [];
	if (e.lower === null || e.upper === null) return [{ key: 'findings.csi', params: { score: one(e.score), n: e.n } }];
	return [{ key: 'findings.csiInterval', params: { score: one(e.score), lower: one(e.lower), upper: one(e.upper), n: e.n } }];
}

/** A channel's display name in both languages. */
export type ChannelNames = (code: string) => Names;

/** The parameters that name where a fall is concentrated, or none when it is not. */
function whereParams(model: ReportModel, dimension: string | null, period: string, channelNames: ChannelNames): Record<string, FindingParam> | null {
	const at: DropLocation | undefined = model.drops.find((d) => d.dimension === dimension && d.period === period);
	return at ? { channel: { name: channelNames(at.channel) }, channelDelta: one(Math.abs(at.difference)), share: Math.round(at.share * 100) } : null;
}

/** The CSI's fall between the last two periods, when significant. */
function csiDropFinding(model: ReportModel, channelNames: ChannelNames): Finding[] {
	const latest = model.csi.latest;
	const change = latest?.change;
	if (!latest || !change?.significant || change.difference >= 0) return [];
	const params = { delta: one(Math.abs(change.difference)), period: { period: latest.period }, p: pText(change.p) };
	const where = whereParams(model, null, latest.period, channelNames);
	return [where ? { key: 'findings.csiDropAt', params: { ...params, ...where } } : { key: 'findings.csiDrop', params }];
}

function weakestFinding(model: ReportModel): Finding[] {
	const scored = model.dimensions.filter((d) => d.estimate);
	if (scored.length < 2) return [];
	const weakest = scored.reduce((a, b) => (b.estimate!.score < a.estimate!.score ? b : a));
	const params = { dimension: { name: weakest.name }, score: one(weakest.estimate!.score) };
	const small: Finding[] = weakest.estimate!.n < MIN_RELIABLE_N ? [{ key: 'findings.weakestSmall', params: { dimension: { name: weakest.name }, n: weakest.estimate!.n } }] : [];
	const latest = model.csi.latest;
	const previous = model.csi.previous;
	const change = weakest.change;
	if (change && previous && latest) {
		const key = change.difference < 0 ? 'findings.weakestDown' : 'findings.weakestUp';
		return [{ key, params: { ...params, delta: one(Math.abs(change.difference)), since: { period: previous.period }, p: pText(change.p) } }, ...small];
	}
	return [{ key: 'findings.weakest', params }, ...small];
}

/** The biggest significant fall (with where it is concentrated) and rise of any dimension between consecutive periods. */
function changeFindings(model: ReportModel, channelNames: ChannelNames): Finding[] {
	const best: Record<'drop' | 'rise', { code: string; period: string; difference: number; p: number } | null> = { drop: null, rise: null };
	for (const point of model.trend) {
		for (const [code, d] of Object.entries(point.dimensions)) {
			if (!d.change?.significant) continue;
			const kind = d.change.difference < 0 ? 'drop' : 'rise';
			const current = best[kind];
			if (!current || Math.abs(d.change.difference) > Math.abs(current.difference)) best[kind] = { code, period: point.period, difference: d.change.difference, p: d.change.p };
		}
	}
	return (['drop', 'rise'] as const).flatMap((kind): Finding[] => {
		const b = best[kind];
		if (!b) return [];
		const dimension = model.dimensions.find((d) => d.code === b.code)!;
		const params = { dimension: { name: dimension.name }, delta: one(Math.abs(b.difference)), period: { period: b.period }, p: pText(b.p) };
		if (kind === 'rise') return [{ key: 'findings.biggestRise', params }];
		const where = whereParams(model, b.code, b.period, channelNames);
		return [where ? { key: 'findings.biggestDropAt', params: { ...params, ...where } } : { key: 'findings.biggestDrop', params }];
	});
}

function concentrateFinding(model: ReportModel): Finding[] {
	const items = (model.ipa?.items ?? []).filter((i) => i.quadrant === 'concentrateHere').sort((a, b) => b.importance - a.importance).slice(0, 3);
	return items.length > 0 ? [{ key: 'findings.concentrate', params: { items: { names: items.map((i) => i.label) } } }] : [];
}

function npsFinding(model: ReportModel): Finding[] {
	const nps = model.loyalty?.nps;
	if (!nps) return [];
	return [{ key: 'findings.nps', params: { nps: one(nps.nps), promoters: one(nps.promoters), detractors: one(nps.detractors), n: nps.n } }];
}

/** Against each competitor, the dimension where we trail most and the one where we lead most, when the gap holds after Holm's adjustment. */
function competitorFindings(model: ReportModel): Finding[] {
	return model.competitors.flatMap((brand) => {
		const significant = brand.dimensions.filter((d) => d.significant && d.gap);
		const extreme = (better: (a: number, b: number) => boolean) => significant.reduce<(typeof significant)[number] | null>((m, d) => (!m || better(d.gap!.difference, m.gap!.difference) ? d : m), null);
		const trail = extreme((a, b) => a < b);
		const lead = extreme((a, b) => a > b);
		const finding = (key: 'findings.competitorTrail' | 'findings.competitorLead', d: (typeof significant)[number]): Finding => ({
			key,
			params: { brand: { name: brand.name }, dimension: { name: d.name }, delta: one(Math.abs(d.gap!.difference)), p: pText(d.pHolm!), n: d.gap!.n }
		});
		return [...(trail && trail.gap!.difference < 0 ? [finding('findings.competitorTrail', trail)] : []), ...(lead && lead.gap!.difference > 0 ? [finding('findings.competitorLead', lead)] : [])];
	});
}

/** The key findings of a report, most important first; `channelNames` names the channels (their codes without it). */
export function keyFindings(model: ReportModel, channelNames: ChannelNames = (code) => ({ zh: code, en: code })): Finding[] {
	return [...csiFinding(model), ...csiDropFinding(model, channelNames), ...weakestFinding(model), ...changeFindings(model, channelNames), ...competitorFindings(model), ...concentrateFinding(model), ...npsFinding(model)];
}

/** A finding as a sentence in `locale`, through the translator `t`. */
export function renderFinding(finding: Finding, locale: string, t: (key: string, params: Record<string, string | number>) => string): string {
	const zh = locale.startsWith('zh');
	const params = Object.fromEntries(
		Object.entries(finding.params).map(([k, v]) => {
			if (typeof v === 'object' && 'name' in v) return [k, zh ? v.name.zh : v.name.en];
			if (typeof v === 'object' && 'names' in v) return [k, joinNames(v.names, zh)];
			if (typeof v === 'object' && 'period' in v) return [k, periodLabel(v.period, locale)];
			return [k, v];
		})
	);
	return t(finding.key, params);
}
