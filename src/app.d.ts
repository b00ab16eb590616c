import type { Locale } from '$lib/i18n/locales';
import type { User } from '$lib/server/repo/users';
import type { SessionRow } from '$lib/server/repo/sessions';

declare global {
	namespace App {
		interface Error {
			/** A message key (`errors.*`) or plain text. */
			message: string;
			errorId?: string;
		}
		interface Locals {
			user: User | null;
			session: SessionRow | null;
			locale: Locale;
		}
	}
}

export {};
