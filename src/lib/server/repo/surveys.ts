import type { Kysely } from 'kysely';
import type { AccessMode, Database, ShareAccess, SurveysTable, SurveyStatus } from '../db/schema';
import type { SurveyDefinition, SurveySettings } from '../../survey/definition';
import type { User } from './users';

type Db = Kysely<Database>;

export interface Survey {
	id: string;
	ownerId: string;
	systemId: string | null;
	code: string;
	title: string;
	status: SurveyStatus;
	settings: SurveySettings;
	draft: SurveyDefinition;
	currentVersionId: string | null;
	responseCount: number;
	responseCap: number | null;
	opensAt: number | null;
	closesAt: number | null;
	accessMode: AccessMode;
	archived: boolean;
	createdAt: number;
	updatedAt: number;
}

export interface SurveyVersion {
	id: string;
	surveyId: string;
	number: number;
	definition: SurveyDefinition;
	createdAt: number;
}

/** What a user may do with a survey: read its reports, edit it, or everything (owner or admin). */
export type SurveyAccess = 'view' | 'edit' | 'owner';
const accessRank: Record<SurveyAccess, number> = { view: 1, edit: 2, owner: 3 };

export function accessAtLeast(access: SurveyAccess | null, wanted: SurveyAccess): boolean {
	return access !== null && accessRank[access] >= accessRank[wanted];
}

export function toSurvey(row: SurveysTable): Survey {
	return {
		id: row.id,
		ownerId: row.owner_id,
		systemId: row.system_id,
		code: row.code,
		title: row.title,
		status: row.status,
		settings: JSON.parse(row.settings) as SurveySettings,
		draft: JSON.parse(row.draft) as SurveyDefinition,
		currentVersionId: row.current_version_id,
		responseCount: Number(row.response_count),
		responseCap: row.response_cap === null ? null : Number(row.response_cap),
		opensAt: row.opens_at === null ? null : Number(row.opens_at),
		closesAt: row.closes_at === null ? null : Number(row.closes_at),
		accessMode: row.access_mode,
		archived: row.archived === 1,
		createdAt: Number(row.created_at),
		updatedAt: Number(row.updated_at)
	};
}

export async function findSurveyById(db: Db, id: string): Promise<Survey | undefined> {
	const row = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
	return row && toSurvey(row);
}

export async function findSurveyByCode(db: Db, code: string): Promise<Survey | undefined> {
	const row = await db.selectFrom('surveys').selectAll().where('code', '=', code).executeTakeFirst();
	return row && toSurvey(row);
}

export async function findVersion(db: Db, versionId: string): Promise<SurveyVersion | undefined> {
	const row = await db.selectFrom('survey_versions').selectAll().where('id', '=', versionId).executeTakeFirst();
	return (
		row && {
			id: row.id,
			surveyId: row.survey_id,
			number: Number(row.number),
			definition: JSON.parse(row.definition) as SurveyDefinition,
			createdAt: Number(row.created_at)
		}
	);
}

/** Every version of a survey, oldest first. */
export async function listVersions(db: Db, surveyId: string): Promise<SurveyVersion[]> {
	const rows = await db.selectFrom('survey_versions').selectAll().where('survey_id', '=', surveyId).orderBy('number').execute();
	return rows.map((row) => ({
		id: row.id,
		surveyId: row.survey_id,
		number: Number(row.number),
		definition: JSON.parse(row.definition) as SurveyDefinition,
		createdAt: Number(row.created_at)
	}));
}

/** The user's access to a survey: admins and owners have all of it, others what is shared. */
export async function surveyAccess(db: Db, user: Pick<User, 'id' | 'role'>, surveyId: string): Promise<SurveyAccess | null> {
	const survey = await db.selectFrom('surveys').select('owner_id').where('id', '=', surveyId).executeTakeFirst();
	if (!survey) return null;
	if (user.role === 'admin' || survey.owner_id === user.id) return 'owner';
	const share = await db
		.selectFrom('survey_shares')
		.select('access')
		.where('survey_id', '=', surveyId)
		.where('user_id', '=', user.id)
		.executeTakeFirst();
	if (!share) return null;
	// A viewer account can only ever read, whatever the share says.
	return user.role === 'viewer' ? 'view' : (share.access as ShareAccess);
}

/** Surveys the user owns or that are shared with them (all of them for an admin), newest first. */
export async function listAccessibleSurveys(db: Db, user: Pick<User, 'id' | 'role'>): Promise<(Survey & { access: SurveyAccess })[]> {
	let query = db
		.selectFrom('surveys')
		.leftJoin('survey_shares', (join) =>
			join.onRef('survey_shares.survey_id', '=', 'surveys.id').on('survey_shares.user_id', '=', user.id)
		)
		.selectAll('surveys')
		.select('survey_shares.access as share_access')
		.orderBy('surveys.created_at', 'desc');
	if (user.role !== 'admin') {
		query = query.where((eb) => eb.or([eb('surveys.owner_id', '=', user.id), eb('survey_shares.user_id', '=', user.id)]));
	}
	const rows = await query.execute();
	return rows.map((row) => {
		const owner = user.role === 'admin' || row.owner_id === user.id;
		const shared: SurveyAccess = user.role === 'viewer' ? 'view' : ((row.share_access as ShareAccess | null) ?? 'view');
		return { ...toSurvey(row), access: owner ? 'owner' : shared };
	});
}
