import type { RequestEvent } from '@sveltejs/kit';
import { hashToken, randomToken } from './ids';
import { appDb } from './db';
import { getOrCreateSetting } from './repo/settings';

let secret: Promise<string> | undefined;
/** Recent addresses' keys: hashing on every respondent post costs more than looking one up. */
const recentKeys = new Map<string, string>();
const RECENT_KEPT = 10_000;

/**
 * A keyed hash of the client's address: enough to throttle and correlate, never the raw IP
 * (the key lives in the database so every app process agrees on it).
 */
export async function clientKey(event: Pick<RequestEvent, 'getClientAddress'>): Promise<string> {
	let address = 'unknown';
	try {
		address = event.getClientAddress();
	} catch {
		// Some adapters and test harnesses cannot tell the address; all such clients share one key.
	}
	const known = recentKeys.get(address);
	if (known) return known;
	secret ??= getOrCreateSetting(appDb(), 'client-hash-secret', randomToken);
	const key = hashToken(`${await secret}:${address}`).slice(0, 32);
	if (recentKeys.size >= RECENT_KEPT) recentKeys.clear();
	recentKeys.set(address, key);
	return key;
}
