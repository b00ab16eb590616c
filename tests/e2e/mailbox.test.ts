// Admin → Mail on a machine without a mail server: a test message is kept, listed and readable in
// both languages (with and without JavaScript), pages go back in time, and the message's own
// unsubscribe link stops the next one.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createSession } from '../../src/lib/server/auth/session';
import { renderMail } from '../../src/lib/server/mail/render';
import { enqueueJob } from '../../src/lib/server/repo/jobs';
import { insertUser } from '../../src/lib/server/repo/users';
import { chromiumPath, expectAccessible, launchBrowser, screenshot } from './browser';
import { closeAll, tempDatabase } from './harness';
import { startServer, type RunningServer } from './server';

describe.skipIf(!chromiumPath)('the mail page without a mail server', () => {
	const database = tempDatabase('mailbox');
	let server: RunningServer;
	let browser: Browser;
	let session: string;

	beforeAll(async () => {
		await database.migrate();
		const admin = await insertUser(database.db, { email: 'ada@example.com', name: 'Ada', passwordHash: 'x', role: 'admin' });
		session = (await createSession(database.db, admin.id)).token;
		// Older messages than a page holds, queued a day ago.
		const dayAgo = Date.now() - 86_400_000;
		const footer = { sentTo: 'Sent to you.', unsubscribePrompt: 'Unsubscribe:', unsubscribeLabel: 'Unsubscribe' };
		for (let i = 0; i < 55; i++) {
			const mail = renderMail(`old${i}@example.com`, 'en', { subject: `Old message ${i}`, paragraphs: ['Old.'] }, footer, { messageId: `<old${i}@example.com>`, unsubscribeUrl: 'http://localhost/unsubscribe/x' });
			await enqueueJob(database.db, { kind: 'mail.send', payload: mail }, dayAgo + i);
		}
		server = await startServer({ dbPath: database.dbPath });
		browser = await launchBrowser();
	});
	afterAll(() => closeAll({ browser, server, database }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	async function open(locale: 'en-GB' | 'zh-CN', javaScriptEnabled: boolean): Promise<Page> {
		const context = await browser.newContext({ locale, javaScriptEnabled });
		await context.addCookies([{ name: 'session', value: session, url: server.url }]);
		return context.newPage();
	}

	it('keeps a test message and shows its text, in English with JavaScript', async () => {
		const page = await open('en-GB', true);
		await page.goto(`${server.url}/admin/mail`);
		await page.waitForLoadState('networkidle');
		expect(await page.getByText('No mail server is configured').isVisible()).toBe(true);
		await page.getByRole('button', { name: 'Send me a test message' }).click();
		await expect.poll(() => page.getByRole('status').textContent()).toContain('ada@example.com');
		const row = page.getByRole('row', { name: /SatIndex test message/ });
		await expect.poll(async () => (await page.reload(), await row.textContent())).toContain('Kept (not sent)');
		await row.getByRole('link').click();
		const text = await page.locator('pre').textContent();
		expect(text).toContain('Hello Ada,');
		expect(text).toMatch(/Unsubscribe|receive no more messages/);
		expect(text).toMatch(/\/unsubscribe\/[\w-]+\.[\w-]+/);
		await expectAccessible(page);
		await screenshot(page, 'mailbox-en');
		await page.context().close();
	});

	it('pages back to older messages, in Chinese without JavaScript', async () => {
		const page = await open('zh-CN', false);
		await page.goto(`${server.url}/admin/mail`);
		expect(await page.getByRole('heading', { name: '邮件', level: 1 }).isVisible()).toBe(true);
		expect(await page.locator('tbody tr').count()).toBe(50);
		await page.getByRole('link', { name: '更早的邮件' }).click();
		const subjects = await page.locator('tbody tr td:nth-child(3)').allTextContents();
		expect(subjects).toHaveLength(6);
		expect(subjects.at(-1)).toBe('Old message 0');
		await page.getByRole('button', { name: '给我发一封测试邮件' }).click();
		await page.waitForURL(/\/admin\/mail/);
		expect(await page.getByRole('status').textContent()).toContain('ada@example.com');
		await page.goto(`${server.url}/admin/mail`);
		await expect.poll(async () => (await page.reload(), await page.locator('tbody tr').first().textContent())).toContain('已保存（未发送）');
		await screenshot(page, 'mailbox-zh');
		await page.context().close();
	});

	it('follows a message’s unsubscribe link without a session, and skips the next message', async () => {
		const admin = await open('en-GB', true);
		await admin.goto(`${server.url}/admin/mail`);
		await admin.getByRole('row', { name: /SatIndex test message/ }).first().getByRole('link').click();
		const link = (await admin.locator('pre').textContent())!.match(/http\S+\/unsubscribe\/\S+/)![0];
		const stranger = await (await browser.newContext({ locale: 'en-GB' })).newPage();
		await stranger.goto(link);
		await stranger.getByRole('button', { name: 'Unsubscribe' }).click();
		await expect.poll(() => stranger.getByRole('status').textContent()).toContain('ada@example.com will receive no more messages');
		await admin.goto(`${server.url}/admin/mail`);
		await admin.getByRole('button', { name: 'Send me a test message' }).click();
		await expect.poll(async () => (await admin.reload(), await admin.locator('tbody tr').first().textContent())).toContain('Not sent: unsubscribed');
		await stranger.context().close();
		await admin.context().close();
	});
});
