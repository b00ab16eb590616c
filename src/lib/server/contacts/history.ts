// A contact's answers wave by wave (researchers only: it names the person): for each response given
// through a campaign's personal link, the satisfaction score, the recommendation and its NPS group,
// and the satisfaction × loyalty segment, read as the survey's report reads them.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadAnalysisContext, type AnalysisContext } from '../analysis/context';
import { accessAtLeast, surveyAccess } from '../repo/surveys';
import { listWaveResponses } from '../repo/waves';
import { panelAnswer, panelColumns, panelReading, type PanelReading } from '../../stats/report/panel';
import { requireContactsRole, type ContactActor } from './access';

type Db = Kysely<Database>;

export interface HistoryRow extends PanelReading {
	surveyId: string;
	surveyTitle: string;
	timeZone: string;
	wave: number;
	campaignName: string;
	submittedAt: number;
}

/** The contact's responses through campaigns of surveys the actor may read, oldest first. */
export async function contactHistory(db: Db, actor: ContactActor, contactId: string): Promise<HistoryRow[]> {
	requireContactsRole(actor);
	const contexts = new Map<string, AnalysisContext | null>();
	const contextOf = async (surveyId: string) => {
		if (!contexts.has(surveyId)) {
			const readable = actor === null || accessAtLeast(await surveyAccess(db, actor, surveyId), 'view');
			contexts.set(surveyId, readable ? ((await loadAnalysisContext(db, surveyId)) ?? null) : null);
		}
		return contexts.get(surveyId)!;
	};
	const rows: HistoryRow[] = [];
	for (const response of await listWaveResponses(db, { contactId })) {
		const context = await contextOf(response.surveyId);
		if (!context) continue;
		const columns = panelColumns(context.union, context.roleOf);
		const reading = panelReading(panelAnswer(contactId, response.wave, response.answers, columns), columns);
		if (!reading.ok) continue;
		const { survey } = context;
		rows.push({ ...reading.value, surveyId: survey.id, surveyTitle: survey.title, timeZone: survey.settings.timeZone, wave: response.wave, campaignName: response.campaignName, submittedAt: response.submittedAt });
	}
	return rows;
}
