export type Role = 'admin' | 'researcher' | 'viewer';

export interface UsersTable {
	id: string;
	email: string;
	name: string;
	password_hash: string;
	role: Role;
	active: number;
	locale: string | null;
	created_at: number;
}

export interface SessionsTable {
	id: string;
	user_id: string;
	expires_at: number;
	created_at: number;
}

export interface PasswordResetsTable {
	id: string;
	user_id: string;
	expires_at: number;
	used_at: number | null;
	created_at: number;
}

export interface LoginThrottleTable {
	key: string;
	failures: number;
	blocked_until: number;
	updated_at: number;
	/** Attempts refused during the current block, reported in one audit entry once it ends. */
	refused: number;
}

export interface AuditLogTable {
	id: string;
	at: number;
	actor_id: string | null;
	actor_email: string | null;
	action: string;
	target: string | null;
	detail: string | null;
	client: string | null;
}

export interface SettingsTable {
	key: string;
	value: string;
}

export interface AccountTables {
	users: UsersTable;
	sessions: SessionsTable;
	password_resets: PasswordResetsTable;
	login_throttle: LoginThrottleTable;
	audit_log: AuditLogTable;
	settings: SettingsTable;
}
