/**
 * Responses as CSV rows: metadata columns, then one column per answer code (the union of every
 * version's items, current order first). Values as codes or labels, raw or reverse-coded; a
 * reverse-coded column says so in its header, so the file imports back to the same answers.
 * A question its display condition hid from the respondent is marked "not shown", apart from an
 * empty cell (shown, not answered).
 */
import { allItems, answerCodes, isScaled, localText, type AnswerValue, type Item, type SurveyDefinition, type SurveyLanguage } from '../survey/definition';
import { otherCode } from '../survey/answers';
import { epochToZonedIso } from '../survey/zoned-time';
import { visibility } from '../survey/conditions';
import { isConditional } from '../survey/shown';
import { EXPORTED_METADATA, MULTIPLE_SEPARATOR, NOT_APPLICABLE, NOT_SHOWN_CODE, NOT_SHOWN_LABELS, RECODED_SUFFIX, writeFreeText, type ExportedMetadata } from './columns';
import { csvLine, numberCell, textCell } from './export-encoding';

export interface ResponseExportOptions {
	values: 'codes' | 'labels';
	coding: 'raw' | 'recoded';
	metadata: ExportedMetadata[];
	/** Language of labels. */
	language: SurveyLanguage;
}

export interface ExportedResponse {
	id: string;
	versionNumber: number;
	language: string;
	channel: string | null;
	source: string;
	submittedAt: number;
	durationMs: number | null;
	answers: Record<string, AnswerValue>;
}

/** Items of all versions, newest definition of each code winning; the newest version's order first. */
export function exportItems(definitions: readonly SurveyDefinition[]): Item[] {
	const byCode = new Map<string, Item>();
	for (const definition of [...definitions].reverse()) {
		for (const item of allItems(definition)) if (!byCode.has(item.code)) byCode.set(item.code, item);
	}
	return [...byCode.values()];
}

type Formatter = (value: AnswerValue) => string;
const freeText: Formatter = (v) => textCell(v === null ? '' : writeFreeText(String(v)));

function valueFormatter(item: Item, options: ResponseExportOptions): Formatter {
	const label = (text: Parameters<typeof localText>[0]) => localText(text, options.language);
	if (isScaled(item)) {
		const { min, max, labels } = item.scale;
		const reverse = options.coding === 'recoded' && item.reversed;
		const pointLabels = options.values === 'labels' && labels?.length === max - min + 1;
		return (v) => {
			if (v === null) return NOT_APPLICABLE[0];
			if (typeof v !== 'number') return textCell(String(v));
			const n = reverse ? min + max - v : v;
			return pointLabels && Number.isInteger(n) && n >= min && n <= max ? textCell(label(labels![n - min]) || String(n)) : numberCell(n);
		};
	}
	if (item.kind === 'single' || item.kind === 'multiple') {
		const names = new Map(item.options.map((o) => [o.code, options.values === 'labels' ? label(o.label) || o.code : o.code]));
		const one = (code: string) => names.get(code) ?? code;
		return (v) => textCell(Array.isArray(v) ? v.map(one).join(MULTIPLE_SEPARATOR) : v === null ? '' : one(String(v)));
	}
	if (item.kind === 'number') return (v) => (typeof v === 'number' ? numberCell(v) : textCell(v === null ? '' : String(v)));
	return freeText;
}

// Submitted-at is written in the survey's zone with its offset: readable there, exact everywhere.
const metadataCells = (timeZone: string): Record<ExportedMetadata, (r: ExportedResponse) => string> => ({
	response_id: (r) => textCell(r.id),
	submitted_at: (r) => epochToZonedIso(r.submittedAt, timeZone),
	channel: (r) => textCell(r.channel ?? ''),
	language: (r) => textCell(r.language),
	version: (r) => numberCell(r.versionNumber),
	source: (r) => textCell(r.source),
	duration_s: (r) => numberCell(r.durationMs === null ? null : r.durationMs / 1000)
});

/** The questionnaire each response answered, by version number (to tell "not shown" from "not answered"). */
export type VersionDefinitions = ReadonlyMap<number, SurveyDefinition>;

/**
 * Whether an item of the response's version was hidden from the respondent. The stored answers
 * hold only shown items and conditions see only earlier shown answers, so evaluating the
 * conditions again on them gives exactly what the respondent was shown.
 */
function hiddenTest(versions: VersionDefinitions): (r: ExportedResponse) => (item: string) => boolean {
	const itemCodes = new Map([...versions].map(([n, d]) => [n, new Set(allItems(d).map((item) => item.code))]));
	const never = () => false;
	return (r) => {
		const definition = versions.get(r.versionNumber);
		if (!definition || !isConditional(definition)) return never;
		const shown = visibility(definition, r.answers);
		const asked = itemCodes.get(r.versionNumber)!;
		return (item) => asked.has(item) && !shown.items.has(item);
	};
}

/** One answer column of the export: what the CSV writes and what the analysts' syntax files describe. */
export interface ExportColumn {
	code: string;
	/** The item (newest definition) the column belongs to; `other` marks a choice item's "other" text. */
	item: Item;
	other: boolean;
	/** Whether the column's values are reverse-coded (its header then ends in RECODED_SUFFIX). */
	recoded: boolean;
	header: string;
	/** The value formatter of each version that has the item (its own scale, labels and coding), by version number. */
	formats: ReadonlyMap<number, Formatter>;
	/** For a response of a version without the item (or with no versions known): the newest definition's. */
	format: Formatter;
}

/**
 * Answer columns. Each response's values are formatted with its own version's item, so an answer
 * is reverse-coded and labelled on the scale the respondent saw, not on a later version's.
 */
export function answerColumns(items: readonly Item[], options: ResponseExportOptions, versions: VersionDefinitions = new Map()): ExportColumn[] {
	const byVersion = [...versions].map(([n, d]) => [n, new Map(allItems(d).map((item) => [item.code, item]))] as const);
	return items.flatMap((item) => {
		const own = byVersion.flatMap(([n, defined]) => {
			const mine = defined.get(item.code);
			return mine && mine.kind === item.kind ? [[n, mine] as const] : [];
		});
		const formats = new Map(own.map(([n, mine]) => [n, valueFormatter(mine, options)]));
		const recoded = options.coding === 'recoded' && [item, ...own.map(([, mine]) => mine)].some((i) => isScaled(i) && i.reversed);
		const format = valueFormatter(item, options);
		const columns: ExportColumn[] = answerCodes(item).map((code) => ({ code, item, other: false, recoded, header: recoded ? code + RECODED_SUFFIX : code, formats, format }));
		if ((item.kind === 'single' || item.kind === 'multiple') && item.other) columns.push({ code: otherCode(item), item, other: true, recoded: false, header: otherCode(item), formats: new Map(), format: freeText });
		return columns;
	});
}

/** The metadata columns the options ask for, in the export's order. */
export const exportedMetadata = (options: ResponseExportOptions): ExportedMetadata[] => EXPORTED_METADATA.filter((m) => options.metadata.includes(m));

/** The header line and a row formatter for responses to these items, times in the survey's `timeZone`, from questionnaires `versions`. */
export function responseCsv(
	items: readonly Item[],
	options: ResponseExportOptions,
	timeZone: string,
	versions: VersionDefinitions = new Map()
): { header: string; row: (r: ExportedResponse) => string } {
	const metadata = exportedMetadata(options);
	const metadataCell = metadataCells(timeZone);
	const columns = answerColumns(items, options, versions);
	const header = csvLine([...metadata.map((m) => m), ...columns.map((c) => textCell(c.header))]);
	const notShown = textCell(options.values === 'labels' ? NOT_SHOWN_LABELS[options.language] : NOT_SHOWN_CODE);
	const hiddenIn = hiddenTest(versions);
	const row = (r: ExportedResponse) => {
		const cells = metadata.map((m) => metadataCell[m](r));
		const hidden = hiddenIn(r);
		for (const column of columns) {
			const value = r.answers[column.code];
			const format = column.formats.get(r.versionNumber) ?? column.format;
			cells.push(value !== undefined ? format(value) : hidden(column.item.code) ? notShown : '');
		}
		return csvLine(cells);
	};
	return { header, row };
}

/**
 * Export options from query or form fields: values=codes|labels, coding=raw|recoded, metadata=a
 * comma list (or repeated), lang; unknown values fall back to codes, raw, all metadata, `language`.
 */
export function exportOptionsFrom(params: { get(name: string): string | null; getAll(name: string): string[] }, language: SurveyLanguage): ResponseExportOptions {
	const listed = params.getAll('metadata').flatMap((m) => m.split(',')).map((m) => m.trim());
	const lang = params.get('lang');
	return {
		values: params.get('values') === 'labels' ? 'labels' : 'codes',
		coding: params.get('coding') === 'recoded' ? 'recoded' : 'raw',
		metadata: params.get('metadata') === null ? [...EXPORTED_METADATA] : EXPORTED_METADATA.filter((m) => listed.includes(m)),
		language: lang === 'en' || lang === 'zh-CN' ? lang : language
	};
}
