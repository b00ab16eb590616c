// The first visit of an installation: setup → shell → users → refused page → 中文 → logout.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromiumPath, expectAccessible, screenshot } from './browser';
import { closeAll, openApp, submitLogin } from './harness';
import type { RunningServer } from './server';

const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'a long admin password' };
const viewer = { name: 'Vic Viewer', email: 'vic@example.com', password: 'a long viewer password' };

describe.skipIf(!chromiumPath)('first run in a browser', () => {
	let server: RunningServer;
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		({ server, browser, page } = await openApp());
	});
	afterAll(() => closeAll({ browser, server }));
	beforeEach(() => {
		expect.hasAssertions();
	});

	const logIn = (user: { email: string; password: string }) => submitLogin(page, server.url, user);

	it('sends the first visitor to setup, which is accessible and checks its input', async () => {
		await page.goto(server.url);
		await expect.poll(() => new URL(page.url()).pathname).toBe('/setup');
		await expectAccessible(page);
		await page.getByLabel('Name').fill(admin.name);
		await page.getByLabel('Email').fill('not-an-email');
		await page.getByLabel('New password', { exact: true }).fill('short');
		await page.getByRole('button', { name: 'Create administrator' }).click();
		await expect.poll(() => page.getByText('Enter an email address').isVisible()).toBe(true);
		expect(await page.getByText('at least 10 characters', { exact: false }).first().isVisible()).toBe(true);
		expect(await page.getByLabel('Name').inputValue()).toBe(admin.name);
	});

	it('creates the admin and opens an accessible shell', async () => {
		await page.getByLabel('Email').fill(admin.email);
		await page.getByLabel('New password', { exact: true }).fill(admin.password);
		await page.getByLabel('Repeat the new password').fill(admin.password);
		await page.getByRole('button', { name: 'Create administrator' }).click();
		await expect.poll(() => page.getByRole('heading', { name: `Welcome, ${admin.name}` }).isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'shell-desktop');
		await page.setViewportSize({ width: 320, height: 640 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await screenshot(page, 'shell-320');
		await page.setViewportSize({ width: 1280, height: 800 });
	});

	it('is gone once set up', async () => {
		const response = await page.goto(`${server.url}/setup`);
		expect(response?.status()).toBe(404);
	});

	it('lets the admin add a viewer', async () => {
		await page.goto(`${server.url}/admin/users`);
		const form = page.locator('form[action="?/create"]');
		await form.getByLabel('Name').fill(viewer.name);
		await form.getByLabel('Email').fill(viewer.email);
		await form.getByLabel('Role').selectOption('viewer');
		await form.getByLabel('Initial password').fill(viewer.password);
		await form.getByRole('button', { name: 'Add user' }).click();
		await expect.poll(() => page.getByText(`${viewer.email} can now log in.`).isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'admin-users');
	});

	it('refuses a wrong password with a message that does not say which part was wrong', async () => {
		await page.getByRole('button', { name: 'Log out' }).first().click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
		await expectAccessible(page);
		await logIn({ email: viewer.email, password: 'not the password' });
		await expect.poll(() => page.getByRole('alert').textContent()).toContain('Email or password is wrong');
		expect(await page.getByLabel('Email').inputValue()).toBe(viewer.email);
	});

	it('refuses a viewer the admin pages', async () => {
		await logIn(viewer);
		await expect.poll(() => page.getByRole('heading', { name: `Welcome, ${viewer.name}` }).isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Users' }).count()).toBe(0);
		const response = await page.goto(`${server.url}/admin/users`);
		expect(response?.status()).toBe(403);
		expect(await page.getByRole('heading', { name: 'You do not have access to this page.' }).isVisible()).toBe(true);
	});

	it('switches to Chinese and remembers it', async () => {
		await page.goto(server.url);
		await page.getByRole('button', { name: '中文' }).click();
		await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
		expect(await page.getByRole('heading', { name: `欢迎，${viewer.name}` }).isVisible()).toBe(true);
		await page.goto(`${server.url}/account`);
		expect(await page.getByRole('heading', { name: '我的账户' }).isVisible()).toBe(true);
		await expectAccessible(page);
		await screenshot(page, 'account-zh');
	});

	it('logs out', async () => {
		await page.getByRole('button', { name: '退出登录' }).first().click();
		await expect.poll(() => new URL(page.url()).pathname).toBe('/login');
		const response = await page.goto(`${server.url}/account`);
		expect(new URL(response!.url()).pathname).toBe('/login');
	});
});
