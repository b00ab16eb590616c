// Wall-clock times in a survey's time zone ↔ epoch milliseconds, for the open/close fields
// (`<input type="datetime-local">` has no zone; the survey's IANA zone gives it one).

/** Offset of `zone` from UTC at instant `ms`, in milliseconds (e.g. +8 h for Asia/Shanghai). */
function offsetAt(ms: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(new Date(ms));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - Math.floor(ms / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:mm` read in `zone` → epoch ms; null when the text is not such a time. */
export function zonedToEpoch(local: string, zone: string): number | null {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local.trim());
	if (!match) return null;
	const [, y, mo, d, h, mi] = match.map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	if (new Date(wall).getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
	const first = wall - offsetAt(wall, zone);
	// A second pass settles times near a daylight-saving change.
	return wall - offsetAt(first, zone);
}

/** Epoch ms → `YYYY-MM-DDTHH:mm` in `zone` (the value a datetime-local input shows). */
export function epochToZoned(ms: number, zone: string): string {
	return new Date(ms + offsetAt(ms, zone)).toISOString().slice(0, 16);
}

/** Epoch ms → ISO 8601 in `zone` with its offset, exact to the ms (`2026-12-02T09:00:00.000+08:00`). */
export function epochToZonedIso(ms: number, zone: string): string {
	const offset = offsetAt(ms, zone);
	const minutes = Math.abs(offset) / 60_000;
	const sign = offset < 0 ? '-' : '+';
	const hhmm = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	return new Date(ms + offset).toISOString().slice(0, 23) + sign + hhmm;
}
