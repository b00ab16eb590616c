// Login throttling per client address and per account (policy in throttle-policy.ts). The rows are
// held in one transaction, always client, then pair, then account, so concurrent attempts (from any
// app process) are decided one after another.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { recordAudit } from '../repo/audit';
import { forgetKey, holdKey, saveKey } from '../repo/login-throttle';
import { normaliseEmail } from '../repo/users';
import { accountBlockApplies, countAttempt, isBlocked, secondsLeft, type KeyKind, type KeyState } from './throttle-policy';

type Db = Kysely<Database>;

/** Whether an attempt may go on to the password check, or how many seconds it must wait. */
export type LoginClaim = { admitted: true } | { admitted: false; seconds: number };

interface ThrottleKey {
	kind: KeyKind;
	key: string;
	/** How the audit log names the key's subject. */
	subject: { target?: string; client?: string };
}

function throttleKeys(email: string, client: string): [ThrottleKey, ThrottleKey, ThrottleKey] {
	const account = normaliseEmail(email);
	return [
		{ kind: 'client', key: `client:${client}`, subject: { client } },
		{ kind: 'pair', key: `pair:${client}:${account}`, subject: { client, target: account } },
		{ kind: 'account', key: `account:${account}`, subject: { target: account } }
	];
}

/**
 * Lets an attempt through to the password check only if neither its client nor its account is
 * blocked, and then counts it as a failure in the same transaction. A refused attempt costs one or
 * two statements and adds to its block's count instead of writing an audit entry.
 */
export async function claimLoginAttempt(db: Db, email: string, client: string, now = Date.now()): Promise<LoginClaim> {
	const [clientKey, pairKey, accountKey] = throttleKeys(email, client);
	return db.transaction().execute(async (trx) => {
		const clientState = await holdKey(trx, clientKey.key, now, true);
		if (isBlocked(clientState, now)) return { admitted: false, seconds: secondsLeft(clientState, now) };
		const pairState = await holdKey(trx, pairKey.key, now, false);
		const enforced = accountBlockApplies(pairState);
		const accountState = await holdKey(trx, accountKey.key, now, enforced);
		if (enforced && isBlocked(accountState, now)) return { admitted: false, seconds: secondsLeft(accountState, now) };
		await admit(trx, clientKey, clientState, now);
		await admit(trx, pairKey, pairState, now);
		await admit(trx, accountKey, accountState, now);
		return { admitted: true };
	});
}

async function admit(trx: Db, key: ThrottleKey, state: KeyState, now: number): Promise<void> {
	const next = countAttempt(key.kind, state, now);
	await reportRefusals(trx, key, state.refused - next.refused, state.failures, now);
	await saveKey(trx, key.key, next, now);
}

/** One audit entry per block, with how many attempts it refused. */
async function reportRefusals(trx: Db, key: ThrottleKey, refused: number, failures: number, now: number): Promise<void> {
	if (refused > 0) await recordAudit(trx, { action: 'login.throttled', ...key.subject, detail: { refused, failures } }, now);
}

/** After a successful login: the client, its record on the account and the account start afresh (run it in the login's transaction). */
export async function forgetFailures(trx: Db, email: string, client: string, now = Date.now()): Promise<void> {
	for (const key of throttleKeys(email, client)) {
		const state = await forgetKey(trx, key.key);
		if (state) await reportRefusals(trx, key, state.refused, state.failures, now);
	}
}
