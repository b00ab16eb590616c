// One way to write an instant for people: in a named time zone (the survey's, or the server's for
// what belongs to no survey), in the reader's language, with the zone's name after it. Because the
// zone is always given, the server's rendering and the browser's hydration write the same text.

/** How much of the instant to write: long or medium date with the time, or the date alone. */
export type ZonedStyle = 'long' | 'medium' | 'date';

const styles: Record<ZonedStyle, Intl.DateTimeFormatOptions> = {
	long: { dateStyle: 'long', timeStyle: 'short' },
	medium: { dateStyle: 'medium', timeStyle: 'short' },
	date: { dateStyle: 'medium' }
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
	let format = formatters.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
		formatters.set(key, format);
	}
	return format;
}

/** The zone's name in the locale at that instant ("China Standard Time", "北美东部夏令时间"). */
export function zoneName(epochMs: number, timeZone: string, locale: string): string {
	const parts = formatter(locale, timeZone, { timeZoneName: 'long' }).formatToParts(epochMs);
	return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * Epoch ms as the locale writes it in `timeZone`, the zone named after it:
 * "2026年12月2日 09:00（中国标准时间）", "Dec 2, 2026, 9:00 AM (China Standard Time)".
 */
export function formatZoned(epochMs: number, timeZone: string, locale: string, style: ZonedStyle = 'medium'): string {
	const text = formatter(locale, timeZone, styles[style]).format(epochMs);
	const name = zoneName(epochMs, timeZone, locale);
	// Chinese sets the aside in full-width brackets with no space before them.
	return locale.startsWith('zh') ? `${text}（${name}）` : `${text} (${name})`;
}

/** The zone this process runs in (TZ), for instants that belong to no survey. */
export function serverTimeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
