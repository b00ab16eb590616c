// What the survey's data page shows and saves: answer codes to map unknown headers to, the
// remembered mapping, and saving new choices (only real answer codes, or "ignore").
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadImportMapping, saveImportMapping } from '../repo/imports';
import type { Survey } from '../repo/surveys';
import { answerTargets, IGNORE } from '../../csv/import-mapping';
import { localText, type SurveyLanguage } from '../../survey/definition';
import { importVersion } from './import-service';

export interface MappingTarget {
	code: string;
	text: string;
}

/** Answer codes of the version imports go into, each with its item text in `language`. */
export async function mappingTargets(db: Kysely<Database>, survey: Survey, language: SurveyLanguage): Promise<MappingTarget[]> {
	const version = await importVersion(db, survey);
	if (!version) return [];
	return [...answerTargets(version.definition)].map(([code, { item }]) => ({ code, text: localText(item.text, language) }));
}

/** The remembered mapping as rows for a table. */
export async function mappingRows(db: Kysely<Database>, surveyId: string): Promise<{ header: string; target: string }[]> {
	return Object.entries(await loadImportMapping(db, surveyId)).map(([header, target]) => ({ header, target }));
}

/** Saves header → code choices; returns the headers whose choice is not an answer code (nothing saved then). */
export async function saveMappingChoices(db: Kysely<Database>, survey: Survey, pairs: [string, string][]): Promise<string[]> {
	const version = await importVersion(db, survey);
	const codes = version ? answerTargets(version.definition) : new Map();
	const wrong = pairs.filter(([header, target]) => header.trim() === '' || (target !== IGNORE && !codes.has(target))).map(([header]) => header);
	if (wrong.length === 0) await saveImportMapping(db, survey.id, Object.fromEntries(pairs.map(([h, t]) => [h.trim(), t])));
	return wrong;
}
