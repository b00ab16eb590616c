// Building a survey report: fold pending responses, read the filtered cells of the store (its
// cells per value of a contact attribute marked as a segment, when the report is filtered by one;
// for an ad-hoc filter by answers or by several contact attributes at once, scan raw responses —
// measured and labelled), lay them over the union layout and hand them to the pure report model. `buildSurveyReport` is what the report page,
// the exports and the REST API call.
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listCellKeys, readCells, scanResponses, findWeightMethod, type StoredCell } from '../repo/analysis-store';
import { listSegmentValues, readSegmentCells } from '../repo/analysis-segments';
import { listContactAttributes } from '../repo/contacts';
import { listChannels } from '../repo/channels';
import type { CellData } from '../../stats/report/cells';
import { matchesContact, matchesSegment } from '../../stats/report/filters';
import { buildReportModel, type ReportCell, type ReportFilters, type ReportModel } from '../../stats/report/model';
import { alignCell, mergeVersions, ReportCellBuilder } from '../../stats/report/raw';
import type { Catalog } from '../../i18n/translate';
import type { Locale } from '../../i18n/locales';
import { conditionSentences } from '../../survey/condition-sentences';
import { allItems, type Answers, type LocalText, type SurveyLanguage } from '../../survey/definition';
import { keyFindings, type Finding } from '../../stats/report/findings';
import { monthOf } from '../../survey/periods';
import { loadStoreContext, type AnalysisContext } from './context';
import { foldSurvey, rebuildSurveyStore, storeIsCurrent } from './fold';

type Db = Kysely<Database>;

export interface SurveyReport {
	model: ReportModel;
	findings: Finding[];
	/** What the filters can choose from. */
	available: {
		months: string[];
		channels: { code: string; name: Record<Locale, string> }[];
		segmentItems: { code: string; text: LocalText; options: { code: string; label: LocalText }[] }[];
		/** Contact attributes marked as segments, with the values the store has cells for. */
		contactSegments: { key: string; label: LocalText; values: string[] }[];
	};
	/** Time to build the report, ms, and responses scanned when the filters needed raw data. */
	timing: { ms: number; scanned: number | null };
}

/** The contact attribute filter the store can answer (one attribute marked as a segment), 'all' for none, null when only raw responses can. */
function storeSegment(context: AnalysisContext, filters: ReportFilters): { attribute: string; values: string[] } | 'all' | null {
	const chosen = Object.entries(filters.contact ?? {}).filter(([, values]) => values.length > 0);
	if (Object.keys(filters.segment).length > 0 || chosen.length > 1) return null;
	if (chosen.length === 0) return 'all';
	const [[attribute, values]] = chosen;
	return context.segmentAttributes.includes(attribute) ? { attribute, values } : null;
}

/** Store cells matching the filters over the union layout; rebuilds first if the store was built for another layout. */
async function storeCells(db: Db, context: AnalysisContext, filters: ReportFilters, segment: NonNullable<ReturnType<typeof storeSegment>>): Promise<ReportCell[]> {
	if (!(await storeIsCurrent(db, context))) await rebuildSurveyStore(db, context.survey.id);
	const range = { from: filters.from ?? undefined, to: filters.to ?? undefined, channels: filters.channels };
	const stored = segment === 'all' ? await readCells(db, context.survey.id, range) : await readSegmentCells(db, context.survey.id, segment, range);
	const current = (c: StoredCell) => context.storedLayouts.get(c.versionId) === c.layout;
	const aligned = stored
		.filter(current)
		.map((c) => ({ period: c.period, channel: c.channel, data: alignCell(JSON.parse(c.data) as CellData, context.layouts.get(c.versionId)!, context.union) }));
	return mergeVersions(aligned);
}

type ScannedResponse = Parameters<ReportCellBuilder['add']>[0];

/** Scans raw responses, calling `take` with those matching the filters; returns how many were scanned. */
async function scanMatching(db: Db, context: AnalysisContext, filters: ReportFilters, take: (r: ScannedResponse) => void): Promise<number> {
	const tz = context.survey.settings.timeZone;
	let scanned = 0;
	for await (const page of scanResponses(db, context.survey.id)) {
		scanned += page.length;
		for (const r of page) {
			const month = monthOf(r.submittedAt, tz);
			if ((filters.from && month < filters.from) || (filters.to && month > filters.to)) continue;
			if (filters.channels.length > 0 && !filters.channels.includes(r.channel)) continue;
			if (matchesSegment(r.answers, filters.segment) && matchesContact(r.contactValues, filters.contact)) take(r);
		}
	}
	return scanned;
}

/** Cells built from raw responses matching the filters (segment answers need the raw answers). */
export async function rawCells(db: Db, context: AnalysisContext, filters: ReportFilters): Promise<{ cells: ReportCell[]; scanned: number }> {
	const builder = new ReportCellBuilder(context.layouts, context.union, context.survey.settings.timeZone);
	const scanned = await scanMatching(db, context, filters, (r) => builder.add(r));
	return { cells: builder.finish(), scanned };
}

/** Answers (with their month) of the responses matching the filters: competitor gaps pair each respondent's own ratings, which cells do not keep. */
async function brandAnswers(db: Db, context: AnalysisContext, filters: ReportFilters): Promise<{ month: string; answers: Answers }[]> {
	const found: { month: string; answers: Answers }[] = [];
	await scanMatching(db, context, filters, (r) => found.push({ month: monthOf(r.submittedAt, context.survey.settings.timeZone), answers: r.answers }));
	return found;
}

function segmentItems(context: AnalysisContext): SurveyReport['available']['segmentItems'] {
	const newest = context.versions.at(-1)?.definition;
	if (!newest) return [];
	return allItems(newest).flatMap((item) => (item.kind === 'single' || item.kind === 'multiple' ? [{ code: item.code, text: item.text, options: item.options.map((o) => ({ code: o.code, label: o.label })) }] : []));
}

async function contactSegments(db: Db, context: AnalysisContext): Promise<SurveyReport['available']['contactSegments']> {
	const values = await listSegmentValues(db, context.survey.id);
	const attributes = await listContactAttributes(db);
	return attributes.filter((a) => a.segment).map((a) => ({ key: a.key, label: a.label, values: values.get(a.key) ?? [] }));
}

export interface ReportOptions {
	/** 'raw' forces a raw scan (benchmarks, checks). */
	source?: 'store' | 'raw';
	/** The message catalogues that conditional items' sentences are written from; without them an item says only "asked of n of N". */
	messages?: Record<SurveyLanguage, Catalog>;
}

/** Builds the survey's report model for the filters; undefined when the survey does not exist. */
export async function buildSurveyReport(db: Db, surveyId: string, filters: ReportFilters, options: ReportOptions = {}): Promise<SurveyReport | undefined> {
	const started = performance.now();
	// While a new choice of segment attributes is rebuilt in the background, the store is read as it was built.
	const context = await loadStoreContext(db, surveyId);
	if (!context) return undefined;
	await foldSurvey(db, surveyId, context);
	const segment = options.source === 'raw' ? null : storeSegment(context, filters);
	const raw = segment === null;
	const { cells, scanned } = segment === null ? await rawCells(db, context, filters) : { cells: await storeCells(db, context, filters, segment), scanned: null };
	const newest = context.versions.at(-1)?.definition ?? { sections: [] };
	const { survey } = context;
	const model = buildReportModel({
		survey: { id: survey.id, code: survey.code, title: survey.title, timeZone: survey.settings.timeZone },
		definition: newest,
		layout: context.union,
		system: context.system,
		cells,
		filters,
		storedMethod: await findWeightMethod(db, surveyId),
		source: raw ? 'raw' : 'store',
		conditions: options.messages ? conditionSentences(newest, options.messages) : undefined,
		brandAnswers: newest.competitors?.length ? await brandAnswers(db, context, filters) : undefined
	});
	const keys = await listCellKeys(db, surveyId);
	const names = new Map((await listChannels(db, surveyId)).map((c) => [c.code, c.name]));
	const channels = [...new Set([...keys.channels, ...names.keys()])].filter((c) => c !== '').map((code) => ({ code, name: names.get(code) ?? { 'zh-CN': code, en: code } }));
	return {
		model,
		findings: keyFindings(model, (code) => {
			const name = names.get(code);
			return name ? { zh: name['zh-CN'], en: name.en } : { zh: code, en: code };
		}),
		available: { months: keys.months, channels, segmentItems: segmentItems(context), contactSegments: await contactSegments(db, context) },
		timing: { ms: performance.now() - started, scanned }
	};
}
