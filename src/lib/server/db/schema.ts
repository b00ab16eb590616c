// Row types: snake_case columns, timestamps as epoch-ms numbers, booleans as 0/1, JSON as text.
// Each area keeps its tables in its own file under schema/ and adds them here.
import type { AccountTables } from './schema/accounts';
import type { AhpTables } from './schema/ahp';
import type { AnalysisTables } from './schema/analysis';
import type { CampaignTables } from './schema/campaigns';
import type { CollectionTables } from './schema/collection';
import type { ContactTables } from './schema/contacts';
import type { DataTables } from './schema/data';
import type { JobTables } from './schema/jobs';
import type { SurveyTables } from './schema/surveys';

export type * from './schema/accounts';
export type * from './schema/ahp';
export type * from './schema/analysis';
export type * from './schema/campaigns';
export type * from './schema/collection';
export type * from './schema/contacts';
export type * from './schema/data';
export type * from './schema/jobs';
export type * from './schema/surveys';

export interface Database extends AccountTables, SurveyTables, AnalysisTables, AhpTables, CollectionTables, DataTables, JobTables, ContactTables, CampaignTables {}
