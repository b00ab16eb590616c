import { beforeEach, describe, expect, it } from 'vitest';
import { keyFindings, renderFinding } from './findings';
import type { ReportModel } from './model';
import { catalogs } from '../../i18n/catalogs';
import { translate } from '../../i18n/translate';

beforeEach(() => {
	expect.hasAssertions();
});

const estimate = (score: number, n = 200) => ({ score, n, sd: 15, lower: score - 2, upper: score + 2 });
const name = (en: string, zh: string) => ({ en, zh });

const model = {
	csi: { estimate: estimate(71.24), latest: { period: '2025-Q3' }, previous: { period: '2025-Q2' } },
	dimensions: [
		{ code: 'REL', name: name('Reliability', '可靠性'), estimate: estimate(62.31), change: { difference: -4.12, p: 0.0123, significant: true } },
		{ code: 'TAN', name: name('Tangibles', '有形性'), estimate: estimate(80), change: null }
	],
	trend: [
		{ period: '2025-Q2', dimensions: { REL: { change: null }, TAN: { change: { difference: 2, p: 0.2, significant: false } } } },
		{ period: '2025-Q3', dimensions: { REL: { change: { difference: -4.12, p: 0.0123, significant: true } }, TAN: { change: null } } }
	],
	ipa: {
		items: [
			{ code: 'REL3', label: name('Accurate records', '记录准确'), importance: 0.5, quadrant: 'concentrateHere' },
			{ code: 'REL5', label: name('Keeps promises', '信守承诺'), importance: 0.6, quadrant: 'concentrateHere' },
			{ code: 'TAN1', label: name('Modern equipment', '设备先进'), importance: 0.1, quadrant: 'lowPriority' }
		]
	},
	loyalty: null,
	drops: [],
	competitors: []
} as unknown as ReportModel;

const t = (key: string, params: Record<string, string | number>) => `${key} ${JSON.stringify(params)}`;

describe('key findings', () => {
	it('names the weakest dimension, its change, the biggest change and the items to concentrate on', () => {
		const findings = keyFindings(model);
		expect(findings.map((f) => f.key)).toEqual(['findings.csiInterval', 'findings.weakestDown', 'findings.biggestDrop', 'findings.concentrate']);
		expect(findings[1].params).toMatchObject({ score: '62.3', delta: '4.1', p: '= 0.012' });
		expect(findings[0].params).toMatchObject({ score: '71.2', lower: '69.2' });
		expect(findings[3].params.items).toEqual({ names: [name('Keeps promises', '信守承诺'), name('Accurate records', '记录准确')] });
	});

	it('names the items to concentrate on by their words, as a list in the reader language, never by code', () => {
		const concentrate = keyFindings(model)[3];
		expect(renderFinding(concentrate, 'zh-CN', t)).toContain('信守承诺、记录准确');
		expect(renderFinding(concentrate, 'en', t)).toContain('Keeps promises, Accurate records');
		expect(renderFinding(concentrate, 'en', t)).not.toMatch(/REL\d/);
	});

	it('says so when the weakest dimension rests on fewer than 30 respondents', () => {
		const small = { ...model, dimensions: [{ ...model.dimensions[0], estimate: estimate(62.31, 12) }, model.dimensions[1]] } as unknown as ReportModel;
		const findings = keyFindings(small);
		expect(findings[2]).toEqual({ key: 'findings.weakestSmall', params: { dimension: { name: name('Reliability', '可靠性') }, n: 12 } });
		expect(keyFindings(model).some((f) => f.key === 'findings.weakestSmall')).toBe(false);
	});

	it('renders names and periods in the reader language', () => {
		const weakest = keyFindings(model)[1];
		expect(renderFinding(weakest, 'zh-CN', t)).toContain('可靠性');
		expect(renderFinding(weakest, 'zh-CN', t)).toContain('2025年第2季度');
		expect(renderFinding(weakest, 'en', t)).toContain('Q2 2025');
	});

	it('says where we trail and lead a competitor most, when the adjusted gap is significant', () => {
		const gap = (difference: number, pHolm: number) => ({ gap: { difference, n: 812 }, pHolm, significant: pHolm < 0.05 });
		const brand = {
			name: name('Bank B', '乙银行'),
			dimensions: [
				{ name: name('Responsiveness', '响应性'), ...gap(-6.21, 0.004) },
				{ name: name('Tangibles', '有形性'), ...gap(-9, 0.2) },
				{ name: name('Reliability', '可靠性'), ...gap(3.5, 0.03) }
			]
		};
		const findings = keyFindings({ ...model, competitors: [brand] } as unknown as ReportModel).filter((f) => f.key.startsWith('findings.competitor'));
		expect(findings.map((f) => [f.key, f.params.delta, f.params.p, f.params.n])).toEqual([
			['findings.competitorTrail', '6.2', '= 0.004', 812],
			['findings.competitorLead', '3.5', '= 0.030', 812]
		]);
		expect(renderFinding(findings[0], 'zh-CN', t)).toContain('乙银行');
	});

	describe('a fall names the channel it is concentrated at', () => {
		const fall = { difference: -3.46, p: 0.0004, significant: true };
		const falling = {
			...model,
			csi: { ...model.csi, latest: { period: '2025-Q3', change: fall } },
			drops: [
				{ dimension: 'REL', period: '2025-Q3', since: '2025-Q2', channel: 'BR-EAST', difference: -14.04, pHolm: 0.0001, share: 0.874 },
				{ dimension: null, period: '2025-Q3', since: '2025-Q2', channel: 'BR-EAST', difference: -11.5, pHolm: 0.0002, share: 0.912 }
			]
		} as unknown as ReportModel;
		const branches: Record<string, { en: string; zh: string }> = { 'BR-EAST': name('East branch', '城东支行') };
		const render = (locale: 'en' | 'zh-CN', key: string) =>
			renderFinding(keyFindings(falling, (code) => branches[code]).find((f) => f.key === key)!, locale, (k, p) => translate(catalogs[locale], k, p));

		it('in the CSI and the biggest drop, by the channel name, with its fall and share, in both languages', () => {
			expect(render('en', 'findings.csiDropAt')).toBe('The CSI fell 3.5 points in Q3 2025 (p < 0.001), mostly at East branch, which fell 11.5 points and accounts for 91 % of the fall.');
			expect(render('zh-CN', 'findings.csiDropAt')).toBe('CSI 在2025年第3季度下降了 3.5 分（p < 0.001），主要集中在城东支行：该处下降 11.5 分，占全部下降的 91%。');
			expect(render('en', 'findings.biggestDropAt')).toBe('The biggest significant drop: Reliability fell 4.1 points in Q3 2025 (p = 0.012), mostly at East branch, which fell 14.0 points and accounts for 87 % of the fall.');
			expect(render('zh-CN', 'findings.biggestDropAt')).toBe('最大的显著下降：可靠性在2025年第3季度下降了 4.1 分（p = 0.012），主要集中在城东支行：该处下降 14.0 分，占全部下降的 87%。');
		});

		it('only where the model found the fall concentrated, and never by the channel code', () => {
			const keys = keyFindings({ ...falling, drops: [] } as ReportModel).map((f) => f.key);
			expect(keys).toContain('findings.csiDrop');
			expect(keys).toContain('findings.biggestDrop');
			expect(keys.some((k) => k.endsWith('At'))).toBe(false);
			expect(render('en', 'findings.biggestDropAt')).not.toContain('BR-EAST');
			expect(keyFindings(model).some((f) => f.key.startsWith('findings.csiDrop'))).toBe(false);
		});
	});
});
