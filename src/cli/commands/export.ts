import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { responseCsvChunks } from '../../lib/server/data/export-service';
import { exportOptionsFrom } from '../../lib/csv/response-export';
import { openMigratedDb } from './database';
import { surveyArgument } from './survey-arg';
import type { Command } from './types';

/** --labels, --recoded, --metadata=a,b and --lang=en as the query parameters the API takes. */
function optionParams(args: string[]): URLSearchParams {
	const params = new URLSearchParams();
	for (const arg of args) {
		if (arg === '--labels') params.set('values', 'labels');
		else if (arg === '--recoded') params.set('coding', 'recoded');
		else if (/^--(metadata|lang)=/.test(arg)) params.set(arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1));
		else throw new Error(`Unknown option ${arg}.`);
	}
	return params;
}

export const exportCommand: Command = {
	name: 'export',
	usage: 'export <survey> <file.csv> [options]',
	help: 'Export every response to CSV (UTF-8 with BOM, one row per response), streamed in bounded memory. --labels writes option and point labels instead of codes (--lang=en|zh-CN picks their language); --recoded reverse-codes reversed items (their headers say [recoded]); --metadata=response_id,submitted_at,channel,language,version,source,duration_s picks metadata columns (default all).',
	async run(args) {
		const [key, file, ...options] = args;
		if (!file || file.startsWith('--')) throw new Error('export needs a survey id or code and a CSV file to write.');
		const params = optionParams(options);
		const { db } = await openMigratedDb();
		try {
			const survey = await surveyArgument(db, key, 'export');
			const out = createWriteStream(file);
			const failed = once(out, 'error').then(([e]) => Promise.reject(e as Error));
			failed.catch(() => undefined); // awaited through Promise.race below; never unhandled
			let rows = -1;
			for await (const chunk of responseCsvChunks(db, survey, exportOptionsFrom(params, survey.settings.defaultLanguage))) {
				rows += (chunk.match(/\r\n/g) ?? []).length;
				if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
			}
			out.end();
			await Promise.race([once(out, 'finish'), failed]);
			console.log(`Exported ${rows} responses of "${survey.title}" to ${file}.`);
		} finally {
			await db.destroy();
		}
	}
};
