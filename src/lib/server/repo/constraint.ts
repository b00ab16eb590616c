/**
 * Whether a database error is a unique-constraint violation, on either engine: SQLite reports
 * SQLITE_CONSTRAINT_UNIQUE (or _PRIMARYKEY), PostgreSQL SQLSTATE 23505. Lets a service turn the race
 * a prior check cannot close (two inserts at the same instant) into the same answer as the check.
 */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
