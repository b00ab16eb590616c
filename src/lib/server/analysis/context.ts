// What every analysis step needs to know about a survey: its versions' layouts (columns of the
// store), the union layout reports use, the time zone of its periods, its indicator system and the
// contact attributes the store keeps cells for (or, until a new choice of them is rebuilt in the
// background, the ones it was built with).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listStoredLayouts, loadSystemForReport, type SystemForReport } from '../repo/analysis-store';
import { listContactAttributes } from '../repo/contacts';
import { findSurveyById, listVersions, type Survey, type SurveyVersion } from '../repo/surveys';
import { layoutOf, unionLayout, type AnalysisLayout, type RoleOf } from '../../stats/report/layout';
import { inheritedRoles } from '../../stats/report/structure';

export interface AnalysisContext {
	survey: Survey;
	versions: SurveyVersion[];
	system: SystemForReport | null;
	/** Layout of each version by version id. */
	layouts: Map<string, AnalysisLayout>;
	/** All versions' columns together (newest definition wins). */
	union: AnalysisLayout;
	roleOf: RoleOf;
	/** Keys of the contact attributes marked as report segments, sorted: the store keeps cells per value of each. */
	segmentAttributes: string[];
	/** What the store records as each version's cell layout: the layout's signature and the segment attributes, so marking one rebuilds the store. */
	storedLayouts: Map<string, string>;
}

/** The layout a store cell of this layout records: a change of either part makes its cells outdated. */
export function storedLayoutOf(layout: AnalysisLayout, segmentAttributes: readonly string[]): string {
	return segmentAttributes.length === 0 ? layout.signature : `${layout.signature}\nsegments:${JSON.stringify(segmentAttributes)}`;
}

const SEGMENTS_MARK = '\nsegments:';

/** The segment attributes a stored layout records for this layout, or null when the layout itself differs. */
function recordedSegments(stored: string, layout: AnalysisLayout): string[] | null {
	if (stored === layout.signature) return [];
	if (!stored.startsWith(layout.signature + SEGMENTS_MARK)) return null;
	return JSON.parse(stored.slice(layout.signature.length + SEGMENTS_MARK.length)) as string[];
}

function withSegmentAttributes(context: AnalysisContext, segmentAttributes: string[]): AnalysisContext {
	const storedLayouts = new Map([...context.layouts].map(([id, layout]) => [id, storedLayoutOf(layout, segmentAttributes)]));
	return { ...context, segmentAttributes, storedLayouts };
}

/**
 * The context the survey's store is read and folded in: the current one, except while the store
 * still holds cells built for another choice of segment attributes (a queued job rebuilds it, see
 * rebuild-job.ts) — then the same with the attributes its cells were built with, so reports keep
 * reading the store instead of rebuilding it inside the request. A changed layout is not covered.
 */
export async function loadStoreContext(db: Kysely<Database>, surveyId: string): Promise<AnalysisContext | undefined> {
	const context = await loadAnalysisContext(db, surveyId);
	if (!context) return undefined;
	const built = (await listStoredLayouts(db, surveyId)).map((c) => {
		const layout = context.layouts.get(c.versionId);
		return layout ? recordedSegments(c.layout, layout) : null;
	});
	const first = built[0];
	if (!first || built.some((b) => b === null || JSON.stringify(b) !== JSON.stringify(first))) return context;
	return JSON.stringify(first) === JSON.stringify(context.segmentAttributes) ? context : withSegmentAttributes(context, first);
}

/** Loads the survey's analysis context; undefined when the survey does not exist. */
export async function loadAnalysisContext(db: Kysely<Database>, surveyId: string): Promise<AnalysisContext | undefined> {
	const survey = await findSurveyById(db, surveyId);
	if (!survey) return undefined;
	const versions = await listVersions(db, surveyId);
	const system = await loadSystemForReport(db, survey.systemId);
	const roleOf = inheritedRoles(system);
	const layouts = new Map(versions.map((v) => [v.id, layoutOf(v.definition, roleOf)]));
	const segmentAttributes = (await listContactAttributes(db)).filter((a) => a.segment).map((a) => a.key).sort();
	const storedLayouts = new Map([...layouts].map(([id, layout]) => [id, storedLayoutOf(layout, segmentAttributes)]));
	return { survey, versions, system, layouts, union: unionLayout([...layouts.values()]), roleOf, segmentAttributes, storedLayouts };
}
