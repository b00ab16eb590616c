// An AHP round end to end: the researcher starts a round and invites two experts; both answer on a
// phone-sized browser, one consistently and one not; the researcher excludes the inconsistent one
// and applies the group weights. Plus the form without JavaScript, in Chinese, at 320 px.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hashPassword } from '../../src/lib/server/auth/password';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, submitLogin, tempDatabase } from './harness';
import type { RunningServer } from './server';

const researcher = { email: 'rita@example.com', password: 'a long researcher password' };
/** Page changes wait on a server that shares the machine: allow them a few seconds. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
// Level 1: reliability, responsiveness, empathy; reliability has two indicators.
const nodes = [
	{ id: 'n-rel', parent: null, code: 'REL', zh: '可靠性', en: 'Reliability', position: 0 },
	{ id: 'n-res', parent: null, code: 'RES', zh: '响应性', en: 'Responsiveness', position: 1 },
	{ id: 'n-emp', parent: null, code: 'EMP', zh: '移情性', en: 'Empathy', position: 2 },
	{ id: 'n-rel1', parent: 'n-rel', code: 'REL1', zh: '按时提供服务', en: 'Service on time', position: 0 },
	{ id: 'n-rel2', parent: 'n-rel', code: 'REL2', zh: '一次做对', en: 'Right the first time', position: 1 }
];

describe.skipIf(!chromiumPath)('an AHP round in a browser', () => {
	const database = tempDatabase('ahp');
	const { db, dbPath } = database;
	let server: RunningServer;
	let browser: Browser;
	let desk: BrowserContext;
	let rp: Page;
	const links: Record<string, string> = {};

	beforeAll(async () => {
		await database.migrate();
		const owner = await insertUser(db, { email: researcher.email, name: 'Rita', passwordHash: await hashPassword(researcher.password), role: 'researcher' });
		const now = Date.now();
		await db.insertInto('indicator_systems').values({ id: 'sys', owner_id: owner.id, name_zh: '银行服务质量', name_en: 'Bank service quality', description: '', template: null, archived: 0, created_at: now, updated_at: now }).execute();
		await db
			.insertInto('indicator_nodes')
			.values(nodes.map((n) => ({ id: n.id, system_id: 'sys', parent_id: n.parent, code: n.code, name_zh: n.zh, name_en: n.en, description: '', position: n.position, model_role: null, weights: '{}' })))
			.execute();
		({ server, browser, context: desk, page: rp } = await openApp({ server: { dbPath } }));
	});
	afterAll(async () => {
		await closeAll({ browser, server, database });
	});
	beforeEach(() => {
		expect.hasAssertions();
	});

	it('lets the researcher start a round and invite two experts', async () => {
		await submitLogin(rp, server.url, researcher);
		await poll(() => new URL(rp.url()).pathname).toBe('/');
		await rp.goto(`${server.url}/systems/sys/ahp`);
		await rp.getByRole('link', { name: 'New round' }).click();
		await rp.getByRole('button', { name: 'Create round' }).click();
		await poll(() => rp.getByText('Please fill this in.').isVisible()).toBe(true);
		await rp.getByLabel('Title').fill('Experts 2026');
		expect(await rp.getByRole('checkbox').count()).toBe(2);
		await expectAccessible(rp);
		await rp.getByRole('button', { name: 'Create round' }).click();
		await poll(() => rp.getByRole('heading', { name: 'Experts 2026' }).isVisible()).toBe(true);
		await rp.getByLabel('Experts, one per line').fill('Ann\nBob <bob@example.com>');
		await rp.getByRole('button', { name: 'Create links' }).click();
		await poll(() => rp.getByText('2 personal links created').isVisible()).toBe(true);
		for (const name of ['Ann', 'Bob']) links[name] = await rp.getByLabel(`Personal link of ${name}`).inputValue();
		expect(links.Ann).toMatch(new RegExp(`^${server.url}/ahp/[a-z2-7]{32}$`));
		await expectAccessible(rp);
		await screenshot(rp, 'ahp-round');
	});

	/** Picks the radio whose accessible name is the judgment in words. */
	const choose = (page: Page, sentence: string) => page.getByRole('radio', { name: sentence, exact: true }).check({ timeout: 5000 });

	it('takes a consistent expert through both pages on a phone, with the CR shown live', async () => {
		const context = await browser.newContext({ ...phone, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(links.Ann);
		await expectAccessible(page);
		await page.getByRole('link', { name: 'Start' }).click();
		await poll(() => page.getByRole('heading', { name: 'Compare: Bank service quality' }).isVisible()).toBe(true);
		await choose(page, 'Reliability is moderately more important than Responsiveness (3)');
		await choose(page, 'Reliability is strongly more important than Empathy (5)');
		expect(await page.getByText('1 of 3 comparisons still unanswered', { exact: false }).isVisible()).toBe(true);
		await choose(page, 'Responsiveness is equally to moderately more important than Empathy (2)');
		await poll(() => page.locator('#consistency').textContent()).toContain('consistent');
		expect(await page.locator('#consistency').textContent()).toMatch(/CR = 0\.00\d/);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		await expectAccessible(page);
		await screenshot(page, 'ahp-expert-phone');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await poll(() => page.getByRole('heading', { name: 'Compare: Reliability' }).isVisible()).toBe(true);
		await choose(page, 'Service on time is equally to moderately more important than Right the first time (2)');
		await page.getByRole('button', { name: 'Save and finish' }).click();
		await poll(() => page.getByRole('button', { name: 'Submit my judgments' }).isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Submit my judgments' }).click();
		await poll(() => page.getByText('your judgments have been submitted').isVisible()).toBe(true);
		await context.close();
	});

	it('names the most inconsistent judgments of an inconsistent expert, who may revise or go on', async () => {
		const context = await browser.newContext({ ...phone, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`${links.Bob}/1`);
		// A cycle: reliability ≫ responsiveness ≫ empathy ≫ reliability.
		await choose(page, 'Reliability is extremely more important than Responsiveness (9)');
		await choose(page, 'Empathy is extremely more important than Reliability (9)');
		await choose(page, 'Responsiveness is extremely more important than Empathy (9)');
		await page.getByRole('button', { name: 'Save and continue' }).click();
		await poll(() => new URL(page.url()).search).toBe('?checked');
		const panel = page.locator('#consistency');
		expect(await panel.textContent()).toContain('inconsistent');
		expect(await panel.getByRole('link', { name: /^Revise / }).count()).toBe(3);
		await expectAccessible(page);
		await screenshot(page, 'ahp-expert-inconsistent');
		await page.getByRole('link', { name: 'Continue without revising' }).click();
		await choose(page, 'Right the first time is very strongly more important than Service on time (7)');
		await page.getByRole('button', { name: 'Save and finish' }).click();
		await poll(() => page.getByText('still above the consistency limit', { exact: false }).isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Submit my judgments' }).click();
		await poll(() => page.getByText('your judgments have been submitted').isVisible()).toBe(true);
		await context.close();
	});

	it('lets the researcher exclude the inconsistent expert and apply the group weights', async () => {
		await rp.goto(`${server.url}/systems/sys/ahp`);
		await rp.getByRole('link', { name: 'Experts 2026' }).click();
		await rp.getByRole('link', { name: 'Results', exact: true }).click();
		await poll(() => rp.getByRole('heading', { name: 'Results' }).isVisible()).toBe(true);
		await expectAccessible(rp);
		await rp.getByRole('button', { name: 'Exclude experts with CR ≥ 0.10 (1)' }).click();
		await poll(() => rp.getByRole('button', { name: 'Include Bob' }).isVisible()).toBe(true);
		await screenshot(rp, 'ahp-results');
		await rp.getByRole('button', { name: 'Apply AIJ weights' }).click();
		await poll(() => rp.getByText('Applied: 5 node weights written.').isVisible()).toBe(true);
		const stored = Object.fromEntries((await db.selectFrom('indicator_nodes').select(['code', 'weights']).execute()).map((r) => [r.code, JSON.parse(r.weights).ahp as number]));
		// Ann alone: 3, 5, 2 → eigenvector weights (.648, .230, .122); 2 → (2/3, 1/3).
		expect(stored.REL).toBeCloseTo(0.6483, 3);
		expect(stored.RES).toBeCloseTo(0.2297, 3);
		expect(stored.REL1).toBeCloseTo(2 / 3, 12);
		const audit = await db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'ahp.applied').execute();
		const round = await db.selectFrom('ahp_rounds').select(['id', 'status']).executeTakeFirstOrThrow();
		expect(audit.map((a) => JSON.parse(a.detail!).round)).toEqual([round.id]);
		expect(round.status).toBe('applied');
		const csv = await desk.request.get(`${server.url}/systems/sys/ahp/${round.id}/judgments.csv`);
		const text = await csv.text();
		expect(text.charCodeAt(0)).toBe(0xfeff);
		expect(text.split('\r\n')).toHaveLength(1 + 2 * 4);
		expect(text).toContain('Bob,bob@example.com');
	});

	it('works without JavaScript and in Chinese, at 320 px and on a desktop', async () => {
		const [cai] = await db.insertInto('ahp_experts').values({ id: 'cai-token-for-screenshots', round_id: (await db.selectFrom('ahp_rounds').select('id').executeTakeFirstOrThrow()).id, label: '蔡', email: null, created_at: Date.now(), submitted_at: null, excluded: 0 }).returning('id').execute();
		await db.updateTable('ahp_rounds').set({ status: 'open' }).execute();
		const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false, locale: 'en-GB' });
		const page = await context.newPage();
		await page.goto(`${server.url}/ahp/${cai.id}/1?lang=zh-CN`);
		expect(new URL(page.url()).search).toBe('');
		expect(await page.getByRole('heading', { name: '比较：银行服务质量' }).isVisible()).toBe(true);
		await choose(page, '可靠性比响应性稍微重要（3）');
		await choose(page, '移情性比可靠性明显重要（5）');
		await choose(page, '响应性比移情性稍微重要（3）');
		await page.getByRole('button', { name: '保存并检验' }).click();
		await poll(() => new URL(page.url()).search).toBe('?checked');
		expect(await page.locator('#consistency').textContent()).toContain('一致性不足');
		expect(await page.getByRole('radio', { name: '可靠性比响应性稍微重要（3）' }).isChecked()).toBe(true);
		await screenshot(page, 'ahp-expert-zh-320-nojs');
		expect(await page.goto(`${server.url}/ahp/${cai.id}/9`).then((r) => r?.status())).toBe(404);
		expect(await page.goto(`${server.url}/ahp/no-such-token`).then((r) => r?.status())).toBe(404);
		await context.close();
		// The same page with JavaScript (axe needs it), in Chinese, at 320 px and on a desktop.
		const zh = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'zh-CN' });
		const zhPage = await zh.newPage();
		await zhPage.goto(`${server.url}/ahp/${cai.id}/1`);
		expect(await zhPage.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		expect(await zhPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await expectAccessible(zhPage);
		await screenshot(zhPage, 'ahp-expert-zh-320');
		await zhPage.setViewportSize({ width: 1280, height: 900 });
		await screenshot(zhPage, 'ahp-expert-zh-desktop');
		await zh.close();
	});
});
