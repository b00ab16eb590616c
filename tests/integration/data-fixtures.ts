// A survey with every item kind the import and export handle (reversed Likert with point labels,
// SERVQUAL pair, single choice with "other", multiple choice, number, text), and helpers that feed
// text to the importer as a stream of small chunks.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import { importResponses, type ImportRequest } from '../../src/lib/server/data/import-service';
import { insertChannel } from '../../src/lib/server/repo/channels';
import type { Survey } from '../../src/lib/server/repo/surveys';
import type { SurveyDefinition } from '../../src/lib/survey/definition';
import { createOpenSurvey } from './collection-fixtures';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });

export const dataDefinition: SurveyDefinition = {
	sections: [
		{
			code: 'S1',
			title: t('Service', '服务'),
			items: [
				{
					code: 'Q1',
					kind: 'likert',
					text: t('Staff were friendly', '员工很友好'),
					required: true,
					scale: { min: 1, max: 5, labels: [t('Very poor', '很差'), t('Poor', '差'), t('Fair', '一般'), t('Good', '好'), t('Very good', '很好')] },
					reversed: false,
					notApplicable: true
				},
				{ code: 'Q2', kind: 'likert', text: t('I had to wait long', '我等了很久'), required: true, scale: { min: 1, max: 7 }, reversed: true, notApplicable: false },
				{ code: 'G1', kind: 'pair', text: t('Modern equipment', '设备现代'), expectationText: t('Expected', '期望'), perceptionText: t('Got', '感知'), required: false, scale: { min: 1, max: 7 }, reversed: false, notApplicable: false }
			]
		},
		{
			code: 'S2',
			title: t('About you', '关于您'),
			items: [
				{ code: 'BR', kind: 'single', text: t('Branch', '网点'), required: false, options: [{ code: 'north', label: t('North', '北区') }, { code: 'south', label: t('South', '南区') }], other: true },
				{ code: 'CH', kind: 'multiple', text: t('Channels used', '使用的渠道'), required: false, options: [{ code: 'app', label: t('App', '手机银行') }, { code: 'web', label: t('Web', '网银') }, { code: 'desk', label: t('Counter', '柜台') }] },
				{ code: 'SPEND', kind: 'number', text: t('Monthly spend', '月消费'), required: false, min: 0, max: 100000, decimals: 2 },
				{ code: 'NOTE', kind: 'text', text: t('Anything else?', '其他意见'), required: false, maxLength: 500, multiline: true }
			]
		}
	]
};

/** The same questionnaire with display conditions: the pair only after a long wait (Q2 ≥ 5), "about you" only after a poor Q1 (1–3). */
export const conditionalDataDefinition: SurveyDefinition = {
	sections: [
		{ ...dataDefinition.sections[0], items: dataDefinition.sections[0].items.map((item) => (item.code === 'G1' ? { ...item, showIf: { all: [{ item: 'Q2', op: 'gte', value: 5 }] } } : item)) },
		{ ...dataDefinition.sections[1], showIf: { all: [{ item: 'Q1', op: 'between', min: 1, max: 3 }] } }
	]
};

/** Channels every data survey has. */
export const dataChannels = ['b1', 'b2'];

/** An open survey with the data definition (or `definition`) and channels, owned by `ownerId` when given. */
export async function createDataSurvey(db: Kysely<Database>, ownerId?: string, definition = dataDefinition): Promise<Survey> {
	const survey = await createOpenSurvey(db, ownerId ? { owner_id: ownerId } : {}, {}, definition);
	for (const code of dataChannels) await insertChannel(db, survey.id, { code, name: { 'zh-CN': `${code} 支行`, en: `Branch ${code}` } });
	return survey;
}

/** Bytes in chunks of `size`, as a slow upload would deliver them. */
export async function* chunked(bytes: Uint8Array, size = 13): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A whole upload in one chunk: CSV text, or bytes in another encoding. */
export async function* oneChunk(content: string | Uint8Array): AsyncGenerator<Uint8Array> {
	yield typeof content === 'string' ? utf8(content) : content;
}

/** Imports CSV text (or bytes) through the real service, from the command line's point of view. */
export function importText(db: Kysely<Database>, survey: Survey, content: string | Uint8Array, extra: Partial<ImportRequest> = {}) {
	const bytes = typeof content === 'string' ? utf8(content) : content;
	return importResponses(db, { survey, actor: null, via: 'cli', fileName: 'test.csv', source: chunked(bytes), fold: false, ...extra });
}
