// Panel waves of a survey: from → to counts between NPS groups and satisfaction × loyalty segments
// for the contacts who answered two consecutive waves. Counts only, so the report may show them to
// anyone who may read it; who moved is never part of the answer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listSentWaves, listWaveResponses } from '../repo/waves';
import { panelAnswer, panelColumns, segmentCutoffs } from '../../stats/report/panel';
import { waveMigrations, type WaveMigration } from '../../stats/wave-migration';
import { loadAnalysisContext } from './context';

export interface SurveyWaves {
	waves: { wave: number; name: string; sentAt: number }[];
	migrations: WaveMigration[];
	/** Answer codes the tables read; null when the questionnaire has no such item. */
	items: { recommend: string | null; satisfaction: string | null; loyalty: string | null };
}

/** The survey's wave migrations; null until two waves have been sent. The caller checks read access to the survey. */
export async function surveyWaveMigrations(db: Kysely<Database>, surveyId: string): Promise<SurveyWaves | null> {
	const waves = await listSentWaves(db, surveyId);
	if (waves.length < 2) return null;
	const context = await loadAnalysisContext(db, surveyId);
	if (!context) return null;
	const columns = panelColumns(context.union, context.roleOf);
	const answers = (await listWaveResponses(db, { surveyId })).map((r) => panelAnswer(r.contactId, r.wave, r.answers, columns));
	const result = waveMigrations(answers, waves.map((w) => w.wave), segmentCutoffs(columns));
	const items = { recommend: columns.recommend?.code ?? null, satisfaction: columns.satisfaction?.code ?? null, loyalty: columns.loyalty?.code ?? null };
	return { waves, migrations: result.ok ? result.value : [], items };
}
