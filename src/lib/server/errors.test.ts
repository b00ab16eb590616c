import { describe, expect, it } from 'vitest';
import { reportError } from './errors';

function recordingLog() {
	const lines: { level: 'warn' | 'error'; args: unknown[] }[] = [];
	return { lines, log: { warn: (...args: unknown[]) => lines.push({ level: 'warn', args }), error: (...args: unknown[]) => lines.push({ level: 'error', args }) } };
}

const place = { method: 'POST', path: '/login' };

describe('reporting an error', () => {
	it('answers a client error with what is wrong, logged as one line without a stack', () => {
		const { lines, log } = recordingLog();
		const cause = new Error('Form actions expect form-encoded data — received null');
		expect(reportError(cause, place, 415, 'Unsupported Media Type', log)).toEqual({ message: 'errors.unsupportedMediaType' });
		expect(lines).toEqual([{ level: 'warn', args: ['POST /login → 415 Unsupported Media Type: Form actions expect form-encoded data — received null'] }]);
	});

	it('answers a server error as ours, with a reference, logged with its stack', () => {
		const { lines, log } = recordingLog();
		const cause = new Error('database is locked');
		const body = reportError(cause, place, 500, 'Internal Error', log);
		expect(body.message).toBe('errors.unexpected');
		expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
		expect(lines).toEqual([{ level: 'error', args: [`[${body.errorId}] POST /login → 500 Internal Error`, cause] }]);
	});
});
