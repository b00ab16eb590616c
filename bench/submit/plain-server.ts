// The floor for bench/submit: node:http and better-sqlite3, no framework, one insert per post.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.env.DATABASE_URL ?? ':memory:');
db.pragma('journal_mode = WAL');
// The same durability setting as the app under test (see createDb).
db.pragma(`synchronous = ${process.env.SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
db.exec('create table if not exists responses (id integer primary key, answers text not null, submitted_at integer not null)');
const insert = db.prepare('insert into responses (answers, submitted_at) values (?, ?)');

createServer((request, response) => {
	let body = '';
	request.setEncoding('utf8');
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		insert.run(JSON.stringify(Object.fromEntries(new URLSearchParams(body))), Date.now());
		response.writeHead(303, { location: '/thanks' }).end();
	});
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('Listening'));
