// The management dashboard: for every survey the user may read, the latest quarterly CSI with its
// change and a sparkline, a combined trend, and the three weakest dimensions across surveys —
// all from the analysis store (after folding pending responses).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { listAccessibleSurveys, type SurveyAccess } from '../repo/surveys';
import type { User } from '../repo/users';
import type { Change } from '../../stats/report/model';
import type { Names } from '../../stats/report/structure';
import type { LocalText } from '../../survey/definition';
import { buildSurveyReport } from './report';

export interface DashboardCard {
	id: string;
	code: string;
	title: string;
	/** The survey's title in each of its languages. */
	titles: LocalText;
	status: string;
	access: SurveyAccess;
	n: number;
	latest: { period: string; score: number; n: number } | null;
	change: Change;
	sparkline: { period: string; score: number | null }[];
}

export interface WeakDimension {
	surveyId: string;
	surveyTitle: string;
	surveyTitles: LocalText;
	code: string;
	name: Names;
	score: number;
	n: number;
}

export interface Dashboard {
	cards: DashboardCard[];
	weakest: WeakDimension[];
}

/** The dashboard of the surveys the user can read (newest first). */
export async function buildDashboard(db: Kysely<Database>, user: Pick<User, 'id' | 'role'>): Promise<Dashboard> {
	const surveys = (await listAccessibleSurveys(db, user)).filter((s) => !s.archived);
	const cards: DashboardCard[] = [];
	const dimensions: WeakDimension[] = [];
	for (const survey of surveys) {
		const report = await buildSurveyReport(db, survey.id, { from: null, to: null, channels: [], segment: {}, unit: 'quarter' });
		const model = report?.model;
		const latest = model?.csi.latest ?? null;
		cards.push({
			id: survey.id,
			code: survey.code,
			title: survey.title,
			titles: survey.settings.title,
			status: survey.status,
			access: survey.access,
			n: model?.n ?? 0,
			latest: latest?.csi ? { period: latest.period, score: latest.csi.score, n: latest.csi.n } : null,
			change: latest?.change ?? null,
			sparkline: (model?.trend ?? []).map((p) => ({ period: p.period, score: p.csi?.score ?? null }))
		});
		for (const d of model?.dimensions ?? []) {
			if (d.estimate) dimensions.push({ surveyId: survey.id, surveyTitle: survey.title, surveyTitles: survey.settings.title, code: d.code, name: d.name, score: d.estimate.score, n: d.estimate.n });
		}
	}
	return { cards, weakest: dimensions.sort((a, b) => a.score - b.score).slice(0, 3) };
}
