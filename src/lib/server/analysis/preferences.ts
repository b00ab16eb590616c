// The weight method a survey's CSI uses: chosen by an editor among the methods that can apply to
// the survey's data, stored with its audit entry in one transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { saveWeightMethod } from '../repo/analysis-store';
import { recordAudit } from '../repo/audit';
import { isWeightMethod, type ReportWeightMethod } from '../../stats/report/weights';
import { buildSurveyReport } from './report';

/** Stores `method` for the survey's CSI; refuses a method that is unknown or cannot apply to all its data. */
export async function chooseWeightMethod(
	db: Kysely<Database>,
	surveyId: string,
	method: string,
	actor: { id: string; email: string }
): Promise<{ ok: true; method: ReportWeightMethod } | { ok: false; reason: 'report.weights.invalid' }> {
	if (!isWeightMethod(method)) return { ok: false, reason: 'report.weights.invalid' };
	const report = await buildSurveyReport(db, surveyId, { from: null, to: null, channels: [], segment: {}, unit: 'quarter' });
	const applies = report?.model.weights.some((w) => w.method === method && w.weights !== null);
	if (!applies) return { ok: false, reason: 'report.weights.invalid' };
	await db.transaction().execute(async (trx) => {
		await saveWeightMethod(trx, surveyId, method, actor.id, Date.now());
		await recordAudit(trx, { action: 'report.weight-method', actor, target: surveyId, detail: { method } });
	});
	return { ok: true, method };
}
