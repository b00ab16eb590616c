import { beforeEach, describe, expect, it } from 'vitest';
import { auditActions } from '../server/repo/audit';
import { auditKindOf, auditKinds, auditSentence, type AuditFacts } from './audit-sentences';
import { catalogs } from './catalogs';
import { translate } from './translate';

beforeEach(() => {
	expect.hasAssertions();
});

const zh = (key: string, params?: Record<string, string | number>) => translate(catalogs['zh-CN'], key, params);
const en = (key: string, params?: Record<string, string | number>) => translate(catalogs.en, key, params);
const facts = (action: string, more: Partial<AuditFacts> = {}): AuditFacts => ({ action, actor: 'Ann Lee', target: null, detail: {}, ...more });
const survey = (name: string | null) => ({ kind: 'survey' as const, name });

describe('an audit entry as a sentence', () => {
	it.each([
		[facts('survey.published', { target: survey('网点满意度'), detail: { action: 'newVersion', version: 2 } }), 'Ann Lee published version 2 of the survey “网点满意度”.', 'Ann Lee发布了问卷“网点满意度”的第 2 版。'],
		[facts('user.role', { target: { kind: 'user', name: 'Bo Chen' }, detail: { from: 'viewer', to: 'researcher' } }), 'Ann Lee changed the role of Bo Chen to Researcher.', 'Ann Lee将Bo Chen的角色改为研究员。'],
		[facts('report.weight-method', { target: survey('Bank'), detail: { method: 'ahp' } }), 'Ann Lee had the CSI of the survey “Bank” weighted by AHP.', 'Ann Lee将问卷“Bank”的 CSI 权重方法改为层次分析法（AHP）。'],
		[facts('survey.shared', { target: survey('Bank'), detail: { with: { kind: 'user', name: 'Bo Chen' }, access: 'view' } }), 'Ann Lee shared the survey “Bank” with Bo Chen, who may read its reports.', 'Ann Lee将问卷“Bank”共享给Bo Chen，对方可以查看报告。']
	])('%# names people and objects, and words codes, in each language', (entry, english, chinese) => {
		expect(auditSentence(entry, en)).toBe(english);
		expect(auditSentence(entry, zh)).toBe(chinese);
	});

	it('says when the object was deleted since, in brackets instead of quotes', () => {
		const entry = facts('survey.status', { target: survey(null), detail: { status: 'closed' } });
		expect(auditSentence(entry, en)).toBe('Ann Lee set the survey (deleted since) to “Closed”.');
		expect(auditSentence(entry, zh)).toBe(`Ann Lee将问卷（已删除）设为“${zh('surveys.status.closed')}”。`);
	});

	it('turns around for the entries whose detail reverses them', () => {
		expect(auditSentence(facts('system.archived', { target: { kind: 'system', name: '零售银行' }, detail: { archived: false } }), zh)).toBe('Ann Lee将指标体系“零售银行”从归档中恢复。');
		expect(auditSentence(facts('contact.opted-out', { actor: null, target: { kind: 'contact', name: '王芳' }, detail: { via: 'unsubscribe' } }), zh)).toBe('王芳通过邮件中的链接退订了。');
		expect(auditSentence(facts('login.throttled', { actor: null, detail: { refused: 4, failures: 5 } }), en)).toBe('Sign-ins from one network address were paused after 5 failed attempts; 4 more attempts were refused meanwhile.');
	});

	it('names the command line, or a visitor, when nobody was signed in', () => {
		expect(auditSentence(facts('user.created', { actor: null, target: { kind: 'user', name: 'ops@example.com' }, detail: { via: 'command line', role: 'admin' } }), zh)).toBe('命令行添加了用户ops@example.com，角色为管理员。');
		expect(auditSentence(facts('login.failure', { actor: null, target: { kind: 'user', name: 'who@example.com' } }), en)).toBe('A sign-in as who@example.com failed.');
	});

	it('hides a contact from a reader who may not see personal data', () => {
		expect(auditSentence(facts('contact.updated', { target: { kind: 'contact', name: null } }), en)).toBe('Ann Lee edited the contact (name not shown).');
	});

	it('falls back to the action label for an action without a sentence', () => {
		expect(auditSentence(facts('wave.created'), (k, p) => translate({ 'audit.action.wave.created': 'Wave created' }, k, p))).toBe('Wave created');
	});

	it('has a sentence in both languages for every action', () => {
		for (const action of auditActions) {
			const entry = facts(action, { target: survey('X') });
			for (const t of [en, zh]) expect(auditSentence(entry, t), action).not.toMatch(/audit\.sentence/);
		}
	});
});

describe('the kinds of action an administrator filters by', () => {
	it('put every action in a kind with a name in both languages', () => {
		for (const action of auditActions) expect(auditKinds).toContain(auditKindOf(action));
		for (const kind of auditKinds) {
			expect(catalogs.en).toHaveProperty([`audit.kind.${kind}`]);
			expect(catalogs['zh-CN']).toHaveProperty([`audit.kind.${kind}`]);
		}
		expect(auditKindOf('login.failure')).toBe('signIn');
		expect(auditKindOf('ahp.applied')).toBe('systems');
		expect(auditKindOf('contact.deleted')).toBe('contacts');
	});
});
