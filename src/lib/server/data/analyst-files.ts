// The SPSS syntax and the R script that read a survey's codes export, labelled in the chosen
// language. They describe the same columns as the CSV export with the same choices, because both
// come from the export's column model.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Survey } from '../repo/surveys';
import { analystVariables, type AnalystWords } from '../../csv/analyst-variables';
import { answerColumns, exportedMetadata, type ResponseExportOptions } from '../../csv/response-export';
import { rScript } from '../../csv/r-script';
import { spssSyntax } from '../../csv/spss-syntax';
import { catalogs } from '../../i18n/catalogs';
import { translate } from '../../i18n/translate';
import { exportedQuestionnaires, responsesFileName } from './export-service';

export type AnalystFormat = 'sps' | 'R';

const WORDS = ['notShown', 'notApplicable', 'notAnswered', 'recoded', 'expectation', 'perception', 'other'] as const;

/** The file of `format` for the survey's export with `options` (values are always codes: the files recode them). */
export async function analystFile(db: Kysely<Database>, survey: Survey, options: ResponseExportOptions, format: AnalystFormat): Promise<{ text: string; fileName: string }> {
	const codes = { ...options, values: 'codes' as const };
	const { items, versions } = await exportedQuestionnaires(db, survey);
	const catalog = catalogs[codes.language];
	const words = Object.fromEntries(WORDS.map((w) => [w, translate(catalog, `data.syntax.${w}`)])) as unknown as AnalystWords;
	const variables = analystVariables(exportedMetadata(codes), answerColumns(items, codes, versions), codes.language, words);
	const target = { csvFile: responsesFileName(survey, 'csv'), title: translate(catalog, 'data.syntax.title', { title: survey.title, code: survey.code }) };
	const text = format === 'sps' ? spssSyntax(variables, target, words) : rScript(variables, target, words);
	return { text, fileName: responsesFileName(survey, format) };
}

/** The format asked for by a `format` field, or null for the CSV itself. */
export function analystFormatFrom(value: string | null): AnalystFormat | null {
	return value === 'sps' || value === 'R' ? value : null;
}
