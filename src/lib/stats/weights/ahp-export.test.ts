import { beforeEach, describe, expect, it } from 'vitest';
import { judgmentsCsv, resultsCsv, type ExportNode } from './ahp-export';
import { parseExpertLines, ROOT_NODE } from './ahp-round';
import { roundResults } from './ahp-results';

beforeEach(() => {
	expect.hasAssertions();
});

const nodes: ExportNode[] = [
	{ id: 'n1', code: 'A', parentId: null, position: 0, nameZh: '甲', nameEn: 'Alpha' },
	{ id: 'n2', code: 'B', parentId: null, position: 1, nameZh: '乙', nameEn: 'Beta' }
];
const experts = [
	{ token: 't1', label: '=HYPERLINK("x")', email: null, submittedAt: Date.UTC(2026, 10, 26), excluded: false },
	{ token: 't2', label: 'Bob', email: 'bob@example.com', submittedAt: null, excluded: true }
];
const judgments = [
	{ expertId: 't1', nodeId: ROOT_NODE, row: 'A', col: 'B', value: 3, updatedAt: Date.UTC(2026, 10, 26) },
	{ expertId: 't2', nodeId: ROOT_NODE, row: 'A', col: 'B', value: 1 / 5, updatedAt: Date.UTC(2026, 10, 26) }
];

describe('the invite box', () => {
	it('reads names with optional emails, one per line, skipping blank lines', () => {
		expect(parseExpertLines('李伟 <li.wei@example.com>\n\n  Ann  \nBob, bob@example.com\r\n')).toEqual({
			ok: true,
			experts: [{ label: '李伟', email: 'li.wei@example.com' }, { label: 'Ann', email: null }, { label: 'Bob', email: 'bob@example.com' }]
		});
	});
	it('names the first bad line', () => {
		expect(parseExpertLines('Ann\nBob <bob@>')).toEqual({ ok: false, line: 2, code: 'ahp.invite.emailInvalid' });
		expect(parseExpertLines('<x@example.com>')).toEqual({ ok: false, line: 1, code: 'ahp.invite.labelMissing' });
		expect(parseExpertLines('x'.repeat(121))).toEqual({ ok: false, line: 1, code: 'ahp.invite.labelTooLong' });
	});
});

describe('CSV exports', () => {
	it('list every judgment with a BOM, neutralising formula-like cells', () => {
		const csv = judgmentsCsv(experts, nodes, judgments, 'Asia/Shanghai');
		const lines = csv.slice(1).split('\r\n');
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		expect(lines[0]).toBe('expert,email,submitted_at,excluded,node,row,col,value,updated_at');
		expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",,2026-11-26T08:00:00.000+08:00,0,root,A,B,3,2026-11-26T08:00:00.000+08:00`);
		expect(lines[2]).toBe('Bob,bob@example.com,,1,root,A,B,0.2,2026-11-26T08:00:00.000+08:00');
	});
	it('list each expert\'s and the group\'s local weights, then the global weights', () => {
		const input = { nodes, nodeIds: [ROOT_NODE], experts: experts.map((e) => ({ token: e.token, label: 'Ann', submitted: true, excluded: false })), judgments };
		const lines = resultsCsv(roundResults(input, 'aij'), nodes).slice(1).split('\r\n');
		expect(lines[0]).toBe('who,mode,node,child,name_zh,name_en,local_weight,global_weight,lambda_max,ci,cr');
		expect(lines[1]).toBe('expert:Ann,individual,root,A,甲,Alpha,0.75,,2,0,0');
		expect(lines.filter((l) => l.startsWith('group:2,aij,root,'))).toHaveLength(2);
		// AIJ of 3 and 1/5: √(3/5) → A = √0.6/(1 + √0.6).
		const globalA = lines.find((l) => l.startsWith('global,aij,,A,'))!.split(',');
		expect(Number(globalA[7])).toBeCloseTo(Math.sqrt(0.6) / (1 + Math.sqrt(0.6)), 12);
	});
});
