// What every analysis step needs to know about a survey: its versions' layouts (columns of the
// store), the union layout reports use, the time zone of its periods and its indicator system.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadSystemForReport, type SystemForReport } from '../repo/analysis-store';
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
}

/** Loads the survey's analysis context; undefined when the survey does not exist. */
export async function loadAnalysisContext(db: Kysely<Database>, surveyId: string): Promise<AnalysisContext | undefined> {
	const survey = await findSurveyById(db, surveyId);
	if (!survey) return undefined;
	const versions = await listVersions(db, surveyId);
	const system = await loadSystemForReport(db, survey.systemId);
	const roleOf = inheritedRoles(system);
	const layouts = new Map(versions.map((v) => [v.id, layoutOf(v.definition, roleOf)]));
	return { survey, versions, system, layouts, union: unionLayout([...layouts.values()]), roleOf };
}
