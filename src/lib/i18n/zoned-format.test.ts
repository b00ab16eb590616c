import { beforeEach, describe, expect, it } from 'vitest';
import { formatZoned, zoneName } from './zoned-format';

beforeEach(() => {
	expect.hasAssertions();
});

// ICU puts a narrow no-break space before AM/PM; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');
const nineInShanghai = Date.UTC(2026, 11, 2, 1, 0);

describe('formatZoned', () => {
	it('writes Shanghai time and names the zone, in Chinese and English', () => {
		expect(formatZoned(nineInShanghai, 'Asia/Shanghai', 'zh-CN')).toBe('2026年12月2日 09:00（中国标准时间）');
		expect(plain(formatZoned(nineInShanghai, 'Asia/Shanghai', 'en'))).toBe('Dec 2, 2026, 9:00 AM (China Standard Time)');
		expect(plain(formatZoned(nineInShanghai, 'Asia/Shanghai', 'en', 'long'))).toBe('December 2, 2026 at 9:00 AM (China Standard Time)');
		expect(formatZoned(nineInShanghai, 'Asia/Shanghai', 'zh-CN', 'date')).toBe('2026年12月2日（中国标准时间）');
	});

	it('follows daylight saving in New York: the wall clock and the name both change', () => {
		const winter = Date.UTC(2026, 0, 15, 14, 0);
		const summer = Date.UTC(2026, 6, 15, 14, 0);
		expect(plain(formatZoned(winter, 'America/New_York', 'en'))).toBe('Jan 15, 2026, 9:00 AM (Eastern Standard Time)');
		expect(plain(formatZoned(summer, 'America/New_York', 'en'))).toBe('Jul 15, 2026, 10:00 AM (Eastern Daylight Time)');
		expect(formatZoned(winter, 'America/New_York', 'zh-CN')).toBe('2026年1月15日 09:00（北美东部标准时间）');
		expect(formatZoned(summer, 'America/New_York', 'zh-CN')).toBe('2026年7月15日 10:00（北美东部夏令时间）');
	});

	it('puts the day in the zone, not in the machine’s zone', () => {
		// 01:30 UTC on 2 Dec is still 1 Dec in New York and already 2 Dec in Shanghai.
		const instant = Date.UTC(2026, 11, 2, 1, 30);
		expect(formatZoned(instant, 'America/New_York', 'zh-CN', 'date')).toBe('2026年12月1日（北美东部标准时间）');
		expect(formatZoned(instant, 'Asia/Shanghai', 'zh-CN', 'date')).toBe('2026年12月2日（中国标准时间）');
	});

	it('names UTC too', () => {
		expect(plain(formatZoned(nineInShanghai, 'UTC', 'en'))).toBe('Dec 2, 2026, 1:00 AM (Coordinated Universal Time)');
		expect(zoneName(nineInShanghai, 'UTC', 'zh-CN')).toBe('协调世界时');
	});
});
