import { rebuildSurveyStore } from '../../lib/server/analysis/fold';
import { findSurveyByCode, findSurveyById } from '../../lib/server/repo/surveys';
import { openMigratedDb } from './database';
import type { Command } from './types';

export const rebuildStats: Command = {
	name: 'rebuild-stats',
	usage: 'rebuild-stats <survey id or code>',
	help: "Recompute a survey's analysis store (its statistics per month and channel) from its raw responses, in one transaction.",
	async run([key]) {
		if (!key) throw new Error('rebuild-stats needs a survey id or code.');
		const { db } = await openMigratedDb();
		try {
			const survey = (await findSurveyById(db, key)) ?? (await findSurveyByCode(db, key));
			if (!survey) throw new Error(`No survey with id or code "${key}".`);
			const started = Date.now();
			const folded = await rebuildSurveyStore(db, survey.id);
			console.log(`Rebuilt the statistics of "${survey.title}" from ${folded} responses in ${Date.now() - started} ms.`);
		} finally {
			await db.destroy();
		}
	}
};
