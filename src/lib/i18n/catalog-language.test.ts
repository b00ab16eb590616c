import { beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from './catalogs';
import { translate } from './translate';

beforeEach(() => {
	expect.hasAssertions();
});

const cjk = '[\\u3400-\\u9fff]';

/** The reader's text of a message: placeholders, link examples (`?ch=code`) and file names are not prose. */
function prose(text: string): string {
	return text.replace(/\{\w+\}/g, ' ').replace(/\S*[?=/]\S*/g, ' ');
}

/** Half-width punctuation touching a Chinese character, with or without a space between. */
const halfWidthNextToChinese = new RegExp(`${cjk} ?[:,;?!()]|[:,;?!()] ?${cjk}|"|'|\\.\\.\\.`);

/** Method codes and internal words a reader must never meet in a sentence. */
const bannedInChinese = [/\b(ahp|entropy|critic|pls|shapley|relativeWeights|plsTotalEffects)\b/, /\b(store|cells?|jobs?|outbox|rollups?|fold)\b/, /分析数据仓|数据仓|区块|发件队列|后台任务/];
const bannedInEnglish = [/\b(ahp|pls|critic|shapley)\b/, /\b[a-z]+[A-Z]\w*\b/, /analysis store|outbox|rollup|\bfolds?\b/];

function offenders(locale: 'zh-CN' | 'en', patterns: RegExp[]): string[] {
	return Object.entries(catalogs[locale]).flatMap(([key, text]) => (patterns.some((p) => p.test(prose(text))) ? [`${key}: ${text}`] : []));
}

describe('the Chinese catalogue', () => {
	it('sets Chinese text with full-width punctuation', () => {
		expect(offenders('zh-CN', [halfWidthNextToChinese])).toEqual([]);
	});

	it('names no method by its code and uses no internal jargon', () => {
		expect(offenders('zh-CN', bannedInChinese)).toEqual([]);
	});

	it('catches what it is meant to catch', () => {
		const samples = ['并非所有维度都设置了ahp权重', '基于分析数据仓计算。', '注意: 已保存', '（见 "附录"）', '渠道(分行)'];
		for (const text of samples) expect([halfWidthNextToChinese, ...bannedInChinese].some((p) => p.test(prose(text))), text).toBe(true);
		expect(halfWidthNextToChinese.test(prose('在链接中显示为 ?ch=代码。'))).toBe(false);
	});
});

describe('the English catalogue', () => {
	it('names no method by its code and uses no internal jargon in sentences', () => {
		expect(offenders('en', bannedInEnglish)).toEqual([]);
	});
});

describe('codes given to the statistics messages', () => {
	it('show the method by its name in each language', () => {
		expect(translate(catalogs['zh-CN'], 'stats.report.noStoredWeights', { method: 'ahp' })).toBe('并非所有维度都设置了层次分析法（AHP）权重，请在指标体系中设置。');
		expect(translate(catalogs.en, 'stats.report.noStoredWeights', { method: 'direct' })).toBe('Not every dimension has weights by Direct points; set them in the indicator system.');
		expect(translate(catalogs['zh-CN'], 'stats.notConverged', { method: 'ahp' })).toMatch(/^层次分析法（AHP）未能收敛/);
	});

	it('show the subject of a check in words', () => {
		expect(translate(catalogs['zh-CN'], 'stats.emptyInput', { name: 'dimensions' })).toBe('没有可计算的内容：维度为空。请至少添加一项。');
		expect(translate(catalogs.en, 'stats.smallSample', { name: 'completeCases', n: 12, minimum: 30 })).toMatch(/^complete responses rests on only 12/);
	});

	it('leave other messages and unknown codes as given', () => {
		expect(translate(catalogs.en, 'home.greeting', { name: 'items' })).toBe('Welcome, items');
		expect(translate(catalogs['zh-CN'], 'stats.emptyInput', { name: 'expert 2' })).toContain('expert 2');
	});

	it('have a name for every method the report and the command line weigh by', () => {
		for (const method of ['equal', 'direct', 'ahp', 'entropy', 'critic', 'correlation', 'relativeWeights', 'shapley', 'pls', 'plsTotalEffects']) {
			expect(catalogs.en).toHaveProperty([`report.method.${method}`]);
			expect(catalogs['zh-CN']).toHaveProperty([`report.method.${method}`]);
		}
	});
});
