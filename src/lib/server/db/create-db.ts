import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Database } from './schema';

export type Engine = 'sqlite' | 'postgres';

export interface DbHandle {
	db: Kysely<Database>;
	engine: Engine;
	/** Where the data lives, for messages and backups (a file path, or the URL without password). */
	location: string;
}

export const DEFAULT_SQLITE_PATH = 'data/satindex.db';

// bigint (int8) columns hold epoch-ms timestamps and COUNT(*) results: well inside 2^53.
pg.types.setTypeParser(20, (value) => Number(value));

/** Opens the database named by a DATABASE_URL value (unset → ./data/satindex.db). */
export function createDb(url: string | undefined, options: { searchPath?: string } = {}): DbHandle {
	if (url && /^postgres(ql)?:\/\//.test(url)) {
		const pool = new pg.Pool({
			connectionString: url,
			max: 10,
			...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {})
		});
		return {
			db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
			engine: 'postgres',
			location: url.replace(/:[^:@/]*@/, ':***@')
		};
	}
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma(`synchronous = ${sqliteSynchronous()}`);
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	const database = withStatementCache(sqlite);
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
	sqliteConnections.set(db, database);
	return { db, engine: 'sqlite', location: path };
}

const sqliteConnections = new WeakMap<Kysely<Database>, SqliteDatabase>();

/**
 * The one SQLite connection behind a database made by createDb (undefined on PostgreSQL), for
 * repo/prepared.ts to run statements inside a transaction that database has open. Anything else
 * goes through Kysely, which keeps other callers from using the connection mid-transaction.
 */
export function sqliteConnection(db: Kysely<Database>): SqliteDatabase | undefined {
	return sqliteConnections.get(db);
}

/**
 * NORMAL (default) in WAL mode keeps every committed transaction across a killed process; only an
 * OS crash or power loss can drop the last commits. FULL (SQLITE_SYNCHRONOUS=FULL) syncs every
 * commit to disk and survives those too, at the cost of one fsync per transaction.
 */
export function sqliteSynchronous(): 'NORMAL' | 'FULL' {
	return process.env.SQLITE_SYNCHRONOUS?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL';
}

/** The SQLite file a DATABASE_URL value names (unset → ./data/satindex.db), resolved to an absolute path. */
export function sqlitePath(url: string | undefined): string {
	if (!url) return resolve(DEFAULT_SQLITE_PATH);
	if (url === ':memory:') return url;
	return resolve(url.replace(/^file:(\/\/)?/, ''));
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely's SQLite driver prepares every query anew; the hot paths (submissions, folds, reports)
 * repeat the same few SQL texts, so prepared statements are reused by text. A statement still
 * iterating (a streamed export) is busy and is not handed out twice.
 */
function withStatementCache(database: SQLite.Database): SqliteDatabase {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => database.close(),
		prepare(sql: string) {
			const cached = cache.get(sql);
			if (cached && !cached.busy) return cached;
			const statement = database.prepare(sql);
			if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
			cache.set(sql, statement);
			return statement;
		}
	};
}
