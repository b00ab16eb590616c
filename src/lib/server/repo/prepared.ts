import { CompiledQuery, type Compilable, type Kysely, type QueryResult, type SqliteDatabase } from 'kysely';
import { sqliteConnection } from '../db/create-db';
import type { Database } from '../db/schema';

type Db = Kysely<Database>;

interface Compiled {
	sql: string;
	/** Per compiled parameter: the name of the caller's value it takes, or null to keep the built-in value. */
	sources: (string | null)[];
	fixed: readonly unknown[];
}

/**
 * A query built and compiled once per database, then run with new values. Building a Kysely
 * query (an immutable node tree, then SQL text) takes longer than SQLite takes to run a small
 * one, which counts on paths that run for every submission. `build` receives a placeholder for
 * each named value and must pass it on as a plain value (not inside `sql.lit` or as a name).
 * `compileOn` is the root database (its dialect decides the SQL); `runOn` may be a transaction of it.
 */
export function preparedQuery<Values extends Record<string, unknown>, Row>(
	names: readonly (keyof Values & string)[],
	build: (db: Db, values: Values) => Compilable<Row>
) {
	const byDatabase = new WeakMap<Db, Compiled>();
	return (compileOn: Db, runOn: Db, values: Values): Promise<QueryResult<Row>> => {
		let compiled = byDatabase.get(compileOn);
		if (!compiled) {
			compiled = compile(compileOn, names, build);
			byDatabase.set(compileOn, compiled);
		}
		const { sql, sources, fixed } = compiled;
		const parameters = sources.map((name, i) => (name === null ? fixed[i] : values[name]));
		const connection = runOn.isTransaction ? sqliteConnection(compileOn) : undefined;
		if (connection) return runOnConnection<Row>(connection, sql, parameters);
		return runOn.executeQuery<Row>(CompiledQuery.raw(sql, parameters));
	};
}

/**
 * Runs a statement straight on SQLite's one connection, as Kysely's driver would, without the
 * promise chain Kysely wraps around each query (it cost several times what SQLite takes to run a
 * statement of the submission path). Only inside a transaction of `compileOn`: Kysely then holds
 * the connection for the transaction, so nothing else can be using it.
 */
function runOnConnection<Row>(connection: SqliteDatabase, sql: string, parameters: readonly unknown[]): Promise<QueryResult<Row>> {
	try {
		const statement = connection.prepare(sql);
		if (statement.reader) return Promise.resolve({ rows: statement.all(parameters) as Row[] });
		const { changes, lastInsertRowid } = statement.run(parameters);
		return Promise.resolve({ rows: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) });
	} catch (error) {
		return Promise.reject(error);
	}
}

function compile<Values extends Record<string, unknown>>(db: Db, names: readonly string[], build: (db: Db, values: Values) => Compilable<unknown>): Compiled {
	// Strings no caller sends stand for the values while the query is built.
	const placeholders = new Map(names.map((name) => [`\u0000${name}\u0000`, name]));
	const { sql, parameters } = build(db, Object.fromEntries(names.map((name) => [name, `\u0000${name}\u0000`])) as Values).compile();
	const sources = parameters.map((p) => (typeof p === 'string' ? (placeholders.get(p) ?? null) : null));
	for (const name of names) if (!sources.includes(name)) throw new Error(`preparedQuery: ${name} did not become a parameter of ${sql}`);
	return { sql, sources, fixed: parameters };
}
