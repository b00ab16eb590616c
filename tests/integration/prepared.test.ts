// Prepared queries: compiled once per database, then run with new values on either engine.
import { beforeEach, describe, expect, it } from 'vitest';
import { preparedQuery } from '../../src/lib/server/repo/prepared';
import { engines, useTestDb } from './databases';

beforeEach(() => {
	expect.hasAssertions();
});

const addHits = preparedQuery(['key', 'at', 'hits'], (db, v: { key: string; at: number; hits: number }) =>
	db
		.insertInto('rate_limits')
		.values({ key: v.key, window_start: v.at, hits: v.hits })
		.onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', eb.ref('excluded.hits')) })))
		.returning('hits')
);

// `at` appears twice: both places take the caller's value; the literal 1 stays as built.
const windowsBetween = preparedQuery(['at'], (db, { at }: { at: number }) =>
	db
		.selectFrom('rate_limits')
		.select('key')
		.where('window_start', '>=', at)
		.where('window_start', '<=', at)
		.where('hits', '>=', 1)
		.orderBy('key')
);

const bumpWindow = preparedQuery(['at'], (db, { at }: { at: number }) =>
	db
		.updateTable('rate_limits')
		.set((eb) => ({ hits: eb('hits', '+', 1) }))
		.where('window_start', '=', at)
);

describe.each(engines)('prepared queries on %s', (engine) => {
	const t = useTestDb(engine);

	it('run with the values of each call, inside a transaction too', async () => {
		expect((await addHits(t.db, t.db, { key: 'a', at: 10, hits: 2 })).rows).toEqual([{ hits: 2 }]);
		expect((await addHits(t.db, t.db, { key: 'a', at: 10, hits: 3 })).rows).toEqual([{ hits: 5 }]);
		await t.db.transaction().execute((trx) => addHits(t.db, trx, { key: 'b', at: 20, hits: 1 }));
		expect((await windowsBetween(t.db, t.db, { at: 10 })).rows).toEqual([{ key: 'a' }]);
		expect((await windowsBetween(t.db, t.db, { at: 20 })).rows).toEqual([{ key: 'b' }]);
	});

	it('inside a transaction, count affected rows and are undone with it', async () => {
		await addHits(t.db, t.db, { key: 'c', at: 30, hits: 1 });
		const failure = new Error('undo');
		await expect(
			t.db.transaction().execute(async (trx) => {
				const bumped = await bumpWindow(t.db, trx, { at: 30 });
				expect(bumped.numAffectedRows).toBe(1n);
				expect((await addHits(t.db, trx, { key: 'd', at: 30, hits: 1 })).rows).toEqual([{ hits: 1 }]);
				expect((await windowsBetween(t.db, trx, { at: 30 })).rows).toEqual([{ key: 'c' }, { key: 'd' }]);
				throw failure;
			})
		).rejects.toBe(failure);
		expect(await t.db.selectFrom('rate_limits').select(['key', 'hits']).where('window_start', '=', 30).execute()).toEqual([{ key: 'c', hits: 1 }]);
	});

	it('refuse a value the query does not take as a parameter', async () => {
		const inlined = preparedQuery(['unused'], (db) => db.selectFrom('rate_limits').select('key'));
		expect(() => inlined(t.db, t.db, { unused: 1 })).toThrow(/unused did not become a parameter/);
	});
});
