import { createInterface } from 'node:readline/promises';
import { hashPassword } from '../../lib/server/auth/password';
import { recordAudit } from '../../lib/server/repo/audit';
import { findCredentials, insertUser, updateUser } from '../../lib/server/repo/users';
import { openMigratedDb } from './database';
import type { Command } from './types';

async function ask(question: string): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		return await rl.question(question);
	} finally {
		rl.close();
	}
}

export const createAdmin: Command = {
	name: 'create-admin',
	usage: 'create-admin <email> [name]',
	help: 'Create an administrator, or make an existing user an active administrator with a new password (for a locked-out installation). Reads the password from SATINDEX_PASSWORD or asks for it.',
	async run([email, name]) {
		if (!email) throw new Error('create-admin needs an email address.');
		const password = process.env.SATINDEX_PASSWORD ?? (await ask('New password (at least 10 characters): '));
		if (password.length < 10) throw new Error('The password needs at least 10 characters.');
		const { db } = await openMigratedDb();
		const passwordHash = await hashPassword(password);
		await db.transaction().execute(async (trx) => {
			const existing = await findCredentials(trx, email);
			if (existing) await updateUser(trx, existing.user.id, { role: 'admin', active: true, passwordHash });
			const user = existing?.user ?? (await insertUser(trx, { email, name: name ?? email, passwordHash, role: 'admin' }));
			await recordAudit(trx, { action: existing ? 'user.role' : 'user.created', target: user.email, detail: existing ? { via: 'command line', to: 'admin' } : { via: 'command line', role: 'admin' } });
		});
		console.log(`${email} is an active administrator.`);
		await db.destroy();
	}
};
