import type { RequestEvent } from '@sveltejs/kit';
import { hashToken, randomToken } from './ids';
import { appDb } from './db';
import { getOrCreateSetting } from './repo/settings';

let secret: Promise<string> | undefined;

/**
 * A keyed hash of the client's address: enough to throttle and correlate, never the raw IP
 * (the key lives in the database so every app process agrees on it).
 */
export async function clientKey(event: Pick<RequestEvent, 'getClientAddress'>): Promise<string> {
	secret ??= getOrCreateSetting(appDb(), 'client-hash-secret', randomToken);
	let address = 'unknown';
	try {
		address = event.getClientAddress();
	} catch {
		// Some adapters and test harnesses cannot tell the address; all such clients share one key.
	}
	return hashToken(`${await secret}:${address}`).slice(0, 32);
}
