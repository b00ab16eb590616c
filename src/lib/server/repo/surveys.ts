import { sql, type Kysely } from 'kysely';
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

/** A survey as its respondents' requests need it: everything but the designer's draft. */
export type RespondentSurvey = Omit<Survey, 'draft'>;

function toRespondentSurvey(row: Omit<SurveysTable, 'draft'>): RespondentSurvey {
	return {
		id: row.id,
		ownerId: row.owner_id,
		systemId: row.system_id,
		code: row.code,
		title: row.title,
		status: row.status,
		settings: JSON.parse(row.settings) as SurveySettings,
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

export function toSurvey(row: SurveysTable): Survey {
	return { ...toRespondentSurvey(row), draft: JSON.parse(row.draft) as SurveyDefinition };
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

const respondentColumns = [
	'surveys.id',
	'surveys.owner_id',
	'surveys.system_id',
	'surveys.code',
	'surveys.title',
	'surveys.status',
	'surveys.settings',
	'surveys.current_version_id',
	'surveys.response_count',
	'surveys.response_cap',
	'surveys.opens_at',
	'surveys.closes_at',
	'surveys.access_mode',
	'surveys.archived',
	'surveys.created_at',
	'surveys.updated_at'
] as const;

/**
 * The survey with this link code and its current version, in one read (the respondent's posts).
 * The version's definition is shared and frozen: see sharedDefinition.
 */
export async function findRespondentSurvey(db: Db, code: string): Promise<{ survey: RespondentSurvey; version: SurveyVersion | undefined } | undefined> {
	const row = await db
		.selectFrom('surveys')
		.leftJoin('survey_versions', 'survey_versions.id', 'surveys.current_version_id')
		.select(respondentColumns)
		.select(['survey_versions.number as version_number', 'survey_versions.definition as version_definition', 'survey_versions.created_at as version_created_at'])
		.where('surveys.code', '=', code)
		.executeTakeFirst();
	if (!row) return undefined;
	const survey = toRespondentSurvey(row);
	const version =
		survey.currentVersionId && row.version_definition !== null
			? {
					id: survey.currentVersionId,
					surveyId: survey.id,
					number: Number(row.version_number),
					definition: sharedDefinition(survey.currentVersionId, row.version_definition),
					createdAt: Number(row.version_created_at)
				}
			: undefined;
	return { survey, version };
}

const parsedDefinitions = new Map<string, { text: string; definition: SurveyDefinition }>();
const PARSED_DEFINITIONS_KEPT = 200;

/**
 * A version's definition parsed once per text: comparing the stored text costs far less than
 * parsing it on every post, and a wording fix (new text) is picked up at once. Deep-frozen, since
 * concurrent requests share it.
 */
function sharedDefinition(versionId: string, text: string): SurveyDefinition {
	const cached = parsedDefinitions.get(versionId);
	if (cached && cached.text === text) return cached.definition;
	const definition = deepFreeze(JSON.parse(text) as SurveyDefinition);
	if (!cached && parsedDefinitions.size >= PARSED_DEFINITIONS_KEPT) parsedDefinitions.delete(parsedDefinitions.keys().next().value!);
	parsedDefinitions.set(versionId, { text, definition });
	return definition;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
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

// ---- Writes (designer) ----

function surveyRow(survey: Survey): SurveysTable {
	return {
		id: survey.id,
		owner_id: survey.ownerId,
		system_id: survey.systemId,
		code: survey.code,
		title: survey.title,
		status: survey.status,
		settings: JSON.stringify(survey.settings),
		draft: JSON.stringify(survey.draft),
		current_version_id: survey.currentVersionId,
		response_count: survey.responseCount,
		response_cap: survey.responseCap,
		opens_at: survey.opensAt,
		closes_at: survey.closesAt,
		access_mode: survey.accessMode,
		archived: survey.archived ? 1 : 0,
		created_at: survey.createdAt,
		updated_at: survey.updatedAt
	};
}

export async function insertSurvey(db: Db, survey: Survey): Promise<void> {
	await db.insertInto('surveys').values(surveyRow(survey)).execute();
}

/** Whether a public link code is in use. */
export async function surveyCodeTaken(db: Db, code: string): Promise<boolean> {
	return (await db.selectFrom('surveys').select('id').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export type SurveyChanges = Partial<
	Pick<Survey, 'title' | 'settings' | 'draft' | 'status' | 'currentVersionId' | 'responseCap' | 'opensAt' | 'closesAt' | 'accessMode' | 'archived'>
>;

/**
 * Changes the given fields (never the response count, which only storing a response changes).
 * updated_at always moves forward, even twice in one millisecond: it is the stamp that tells a
 * remembered copy of the survey from the current one (see collection/survey-cache.ts), and the
 * designer's base for refusing a stale save. Returns the new updated_at.
 */
export async function updateSurvey(db: Db, id: string, changes: SurveyChanges, now = Date.now()): Promise<number> {
	const row = surveyRow({ ...(changes as Survey), id } as Survey);
	const set: Partial<SurveysTable> = {};
	const columns: [keyof SurveyChanges, keyof SurveysTable][] = [
		['title', 'title'],
		['settings', 'settings'],
		['draft', 'draft'],
		['status', 'status'],
		['currentVersionId', 'current_version_id'],
		['responseCap', 'response_cap'],
		['opensAt', 'opens_at'],
		['closesAt', 'closes_at'],
		['accessMode', 'access_mode'],
		['archived', 'archived']
	];
	for (const [field, column] of columns) if (field in changes) (set as Record<string, unknown>)[column] = row[column];
	const updatedAt = sql<number>`case when ${sql.ref('updated_at')} >= ${now} then ${sql.ref('updated_at')} + 1 else ${now} end`;
	const updated = await db
		.updateTable('surveys')
		.set({ ...set, updated_at: updatedAt })
		.where('id', '=', id)
		.returning('updated_at')
		.executeTakeFirst();
	return Number(updated?.updated_at ?? now);
}

export async function insertVersion(db: Db, version: SurveyVersion): Promise<void> {
	await db
		.insertInto('survey_versions')
		.values({ id: version.id, survey_id: version.surveyId, number: version.number, definition: JSON.stringify(version.definition), created_at: version.createdAt })
		.execute();
}

/** Replaces a version's definition in place, for wording-only fixes. */
export async function updateVersionDefinition(db: Db, versionId: string, definition: SurveyDefinition): Promise<void> {
	await db.updateTable('survey_versions').set({ definition: JSON.stringify(definition) }).where('id', '=', versionId).execute();
}

/**
 * Replaces a version's definition only while no response refers to it (checked in the same
 * statement, so a response arriving meanwhile is never reinterpreted); false when one does.
 */
export async function replaceUnansweredVersion(db: Db, versionId: string, definition: SurveyDefinition): Promise<boolean> {
	const result = await db
		.updateTable('survey_versions')
		.set({ definition: JSON.stringify(definition) })
		.where('id', '=', versionId)
		.where((eb) => eb.not(eb.exists(eb.selectFrom('responses').select('responses.id').where('responses.version_id', '=', versionId))))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) > 0;
}

/** Responses recorded against one version. */
export async function countVersionResponses(db: Db, versionId: string): Promise<number> {
	const row = await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).where('version_id', '=', versionId).executeTakeFirstOrThrow();
	return Number(row.n);
}

export interface SurveyShare {
	userId: string;
	name: string;
	email: string;
	role: User['role'];
	access: ShareAccess;
	createdAt: number;
}

export async function listShares(db: Db, surveyId: string): Promise<SurveyShare[]> {
	const rows = await db
		.selectFrom('survey_shares')
		.innerJoin('users', 'users.id', 'survey_shares.user_id')
		.select(['users.id', 'users.name', 'users.email', 'users.role', 'survey_shares.access', 'survey_shares.created_at'])
		.where('survey_shares.survey_id', '=', surveyId)
		.orderBy('users.name')
		.execute();
	return rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, role: r.role, access: r.access as ShareAccess, createdAt: Number(r.created_at) }));
}

/** Shares the survey with a user, or changes what an existing share allows. */
export async function saveShare(db: Db, share: { surveyId: string; userId: string; access: ShareAccess }, now = Date.now()): Promise<void> {
	const updated = await db
		.updateTable('survey_shares')
		.set({ access: share.access })
		.where('survey_id', '=', share.surveyId)
		.where('user_id', '=', share.userId)
		.executeTakeFirst();
	if (Number(updated.numUpdatedRows) > 0) return;
	await db.insertInto('survey_shares').values({ survey_id: share.surveyId, user_id: share.userId, access: share.access, created_at: now }).execute();
}

export async function deleteShare(db: Db, surveyId: string, userId: string): Promise<boolean> {
	const result = await db.deleteFrom('survey_shares').where('survey_id', '=', surveyId).where('user_id', '=', userId).executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
