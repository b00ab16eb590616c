import type { Kysely } from 'kysely';
import type { Database, Role, UsersTable } from '../db/schema';
import { randomToken } from '../ids';

/** A user as pages see it: never the password hash. */
export interface User {
	id: string;
	email: string;
	name: string;
	role: Role;
	active: boolean;
	locale: string | null;
	createdAt: number;
}

type Db = Kysely<Database>;

const publicColumns = ['id', 'email', 'name', 'role', 'active', 'locale', 'created_at'] as const;

export function toUser(row: Omit<UsersTable, 'password_hash'>): User {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		active: row.active === 1,
		locale: row.locale,
		createdAt: Number(row.created_at)
	};
}

/** Emails are compared case-insensitively: stored trimmed and lower-cased. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export async function countUsers(db: Db): Promise<number> {
	const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertUser(
	db: Db,
	input: { email: string; name: string; passwordHash: string; role: Role },
	now = Date.now()
): Promise<User> {
	const row = {
		id: randomToken(),
		email: normaliseEmail(input.email),
		name: input.name.trim(),
		password_hash: input.passwordHash,
		role: input.role,
		active: 1,
		locale: null,
		created_at: now
	};
	await db.insertInto('users').values(row).execute();
	return toUser(row);
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
	const row = await db.selectFrom('users').select(publicColumns).where('id', '=', id).executeTakeFirst();
	return row && toUser(row);
}

/** The user and their password hash, for checking a login. */
export async function findCredentials(
	db: Db,
	email: string
): Promise<{ user: User; passwordHash: string } | undefined> {
	const row = await db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
	return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
	const row = await db.selectFrom('users').select('password_hash').where('id', '=', userId).executeTakeFirst();
	return row?.password_hash;
}

export async function listUsers(db: Db): Promise<User[]> {
	const rows = await db.selectFrom('users').select(publicColumns).orderBy('created_at').execute();
	return rows.map(toUser);
}

export async function countActiveAdmins(db: Db): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('role', '=', 'admin')
		.where('active', '=', 1)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function updateUser(
	db: Db,
	id: string,
	changes: Partial<{ role: Role; active: boolean; passwordHash: string; locale: string }>
): Promise<void> {
	await db
		.updateTable('users')
		.set({
			...(changes.role && { role: changes.role }),
			...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
			...(changes.passwordHash && { password_hash: changes.passwordHash }),
			...(changes.locale && { locale: changes.locale })
		})
		.where('id', '=', id)
		.execute();
}
