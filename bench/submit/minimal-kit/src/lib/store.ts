// One form post → one insert: what every baseline does besides what its server itself costs
// (the SvelteKit endpoint and form action here, and bench/submit/plain-server.ts).
import Database from 'better-sqlite3';

const db = new Database(process.env.DATABASE_URL ?? ':memory:');
db.pragma('journal_mode = WAL');
// The same durability setting as the app under test (see createDb).
db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
db.exec('create table if not exists responses (id integer primary key, answers text not null, submitted_at integer not null)');
const insert = db.prepare('insert into responses (answers, submitted_at) values (?, ?)');

export function storeForm(form: Iterable<[string, FormDataEntryValue]>): void {
	insert.run(JSON.stringify(Object.fromEntries(form)), Date.now());
}
