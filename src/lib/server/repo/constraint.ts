/**
 * Whether a database error is a unique-constraint violation, on either engine: SQLite reports
 * SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY), PostgreSQL SQLSTATE 23505. Lets a service turn the race
 * a prior check cannot close (two inserts at the same instant) into the same answer as the check.
 */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Whether a write lost a race with another connection's: a unique violation (either engine), or on
 * SQLite SQLITE_BUSY, which a transaction that read before another connection committed a write gets
 * when it tries to write (WAL cannot move its snapshot forward, so the busy timeout does not apply).
 */
export function isLostWriteRace(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return isUniqueViolation(error) || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}
