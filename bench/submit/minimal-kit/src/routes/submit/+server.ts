// One form post → one insert: what any SvelteKit endpoint costs before doing real work.
import Database from 'better-sqlite3';
import type { RequestHandler } from '@sveltejs/kit';

const db = new Database(process.env.DATABASE_URL ?? ':memory:');
db.pragma('journal_mode = WAL');
// The same durability setting as the app under test (see createDb).
db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
db.exec('create table if not exists responses (id integer primary key, answers text not null, submitted_at integer not null)');
const insert = db.prepare('insert into responses (answers, submitted_at) values (?, ?)');

export const POST: RequestHandler = async ({ request }) => {
	const form = await request.formData();
	insert.run(JSON.stringify(Object.fromEntries(form)), Date.now());
	return new Response(null, { status: 303, headers: { location: '/thanks' } });
};
