import { hash, verify } from '@node-rs/argon2';
import { ALL_BUT_ONE_CORE, concurrencyLimit } from '../concurrency';

// argon2id with the OWASP-recommended memory cost (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

// Each hash keeps a core busy for tens of milliseconds: during a flood of logins, hashes take
// turns on all cores but one, which stays free to serve everyone else.
const hashing = concurrencyLimit(ALL_BUT_ONE_CORE);

export function hashPassword(password: string): Promise<string> {
	return hashing(() => hash(password, options));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return hashing(() => verify(passwordHash, password));
}

let dummyHash: Promise<string> | undefined;

/** Spends the time a real check would, so an unknown account answers as slowly as a known one. */
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
