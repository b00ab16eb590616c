// Group commit for responses: submissions that arrive while the previous commit is under way are
// stored together in the next transaction: one commit, one rate-limit upsert per key, and on
// SQLite the touched index pages written once, instead of once per response. Each response is
// still judged on its own (rate, survey state, invitation, duplicate), and each caller hears back
// only after the transaction holding its response committed, so an acknowledgement is durable.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { addHits } from '../repo/rate-limits';
import { storeInTransaction, type NewResponse, type StoreResult } from '../repo/responses';
import { pruneOldWindowsNowAndThen, rateDecision, rateWindows, type RateCheck } from './rate-limit';

type Db = Kysely<Database>;

export type WriteResult = StoreResult | { ok: false; reason: 'tooMany'; retryAfterS: number };

interface Pending {
	response: NewResponse;
	/** The limits this submission counts against, in the same transaction. */
	rate: readonly RateCheck[];
	done: (result: WriteResult) => void;
	failed: (error: unknown) => void;
}

/** Enough to amortise a commit; small enough that a transaction stays short. */
const MAX_BATCH = 64;

const writers = new WeakMap<Db, { waiting: Pending[]; writing: boolean }>();

/** Stores one response (counting its rate limits first) with whatever else is waiting. */
export function writeResponse(db: Db, response: NewResponse, rate: readonly RateCheck[]): Promise<WriteResult> {
	let writer = writers.get(db);
	if (!writer) {
		writer = { waiting: [], writing: false };
		writers.set(db, writer);
	}
	const queue = writer;
	return new Promise((done, failed) => {
		queue.waiting.push({ response, rate, done, failed });
		// The first arrival waits one turn of the event loop so that posts read together commit together.
		if (!queue.writing) {
			queue.writing = true;
			setImmediate(() => void drain(db, queue));
		}
	});
}

async function drain(db: Db, queue: { waiting: Pending[]; writing: boolean }): Promise<void> {
	while (queue.waiting.length > 0) {
		const batch = queue.waiting.splice(0, MAX_BATCH);
		try {
			const results = await storeBatch(db, batch);
			batch.forEach((pending, i) => pending.done(results[i]));
		} catch (error) {
			if (batch.length === 1) batch[0].failed(error);
			// One response's unexpected failure must not fail its neighbours: retry each on its own.
			else for (const pending of batch) await storeBatch(db, [pending]).then(([result]) => pending.done(result), pending.failed);
		}
	}
	queue.writing = false;
}

async function storeBatch(db: Db, batch: Pending[]): Promise<WriteResult[]> {
	const now = Date.now();
	const results = await db.transaction().execute(async (trx) => {
		const counts = await addHits(db, trx, batch.flatMap((p) => rateWindows(p.rate)), now);
		let next = 0;
		const decisions = batch.map((p) => rateDecision(p.rate, counts.slice(next, (next += p.rate.length)), now));
		// Surveys in one order, so that concurrent batches on PostgreSQL lock their rows in one order.
		const surveyOf = (i: number) => batch[i].response.surveyId;
		const order = [...batch.keys()].sort((a, b) => (surveyOf(a) < surveyOf(b) ? -1 : surveyOf(a) > surveyOf(b) ? 1 : 0));
		const stored: WriteResult[] = new Array(batch.length);
		for (const i of order) {
			const decision = decisions[i];
			stored[i] = decision.ok ? await storeInTransaction(db, trx, batch[i].response) : { ok: false, reason: 'tooMany', retryAfterS: decision.retryAfterS };
		}
		return stored;
	});
	await pruneOldWindowsNowAndThen(db, batch.length, now);
	return results;
}
