/**
 * Submitted-at cells: ISO 8601 with a zone (what exports write, exact to the millisecond), or a
 * local date and time as spreadsheets write it (2024-03-05 14:30, 2024/3/5), read in the survey's
 * time zone.
 */

const LOCAL = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds the zone is ahead of UTC at the instant `epochMs`. */
function zoneOffset(epochMs: number, timeZone: string): number {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, format);
	}
	const parts = Object.fromEntries(format.formatToParts(epochMs).map((p) => [p.type, Number(p.value)]));
	const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** The instant (epoch ms) of a wall-clock time in a time zone; the earlier one when clocks go back. */
export function zonedTimeToEpoch(fields: [number, number, number, number, number, number, number], timeZone: string): number {
	const [y, mo, d, h, mi, s, ms] = fields;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const first = wall - zoneOffset(wall, timeZone);
	return wall - zoneOffset(first, timeZone);
}

/** Epoch ms of a submitted-at cell, or undefined when it is not a date (or not a real calendar day). */
export function parseTimestamp(text: string, timeZone: string): number | undefined {
	if (ZONED.test(text)) {
		const ms = Date.parse(text);
		return Number.isFinite(ms) ? ms : undefined;
	}
	const m = LOCAL.exec(text);
	if (!m) return undefined;
	const fields = m.slice(1).map((part, i) => (part === undefined ? 0 : i === 6 ? Number(part.padEnd(3, '0')) : Number(part))) as [
		number, number, number, number, number, number, number
	];
	const [y, mo, d, h, mi, s] = fields;
	const check = new Date(Date.UTC(y, mo - 1, d));
	// Date.UTC reads years 0–99 as 1900–1999: such a year is refused rather than moved.
	if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
	return zonedTimeToEpoch(fields, timeZone);
}
