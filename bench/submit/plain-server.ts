// The floor for bench/submit: node:http and better-sqlite3, no framework, one insert per post.
import { createServer } from 'node:http';
import { storeForm } from './minimal-kit/src/lib/store';

createServer((request, response) => {
	let body = '';
	request.setEncoding('utf8');
	request.on('data', (chunk) => (body += chunk));
	request.on('end', () => {
		storeForm(new URLSearchParams(body));
		response.writeHead(303, { location: '/thanks' }).end();
	});
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('Listening'));
