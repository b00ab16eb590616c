/** Mail settings from the environment (see README, Configuration). */
export interface MailConfig {
	/** null: no server, messages are kept in the app for an admin to read. */
	smtpUrl: string | null;
	from: string;
	/** Messages started per second by one app process; 0: no limit. */
	ratePerSecond: number;
}

export const DEFAULT_MAIL_FROM = 'SatIndex <satindex@localhost>';
export const DEFAULT_MAIL_RATE = 10;

export function mailConfig(env: Record<string, string | undefined>): MailConfig {
	const rate = Number(env.SATINDEX_MAIL_RATE ?? DEFAULT_MAIL_RATE);
	if (!Number.isFinite(rate) || rate < 0) throw new Error(`SATINDEX_MAIL_RATE must be a number of messages per second (0 = no limit), not "${env.SATINDEX_MAIL_RATE}".`);
	return { smtpUrl: env.SMTP_URL?.trim() || null, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM, ratePerSecond: rate };
}
