import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditActions } from '../server/repo/audit';
import { catalogForRoute, catalogs } from './catalogs';

beforeEach(() => {
	expect.hasAssertions();
});

function placeholders(text: string): string[] {
	return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|svelte)$/.test(entry) && !entry.endsWith('.test.ts') ? [path] : [];
	});
}

describe('message catalogues', () => {
	it('have the same keys in zh-CN and en', () => {
		expect(Object.keys(catalogs['zh-CN']).sort()).toEqual(Object.keys(catalogs.en).sort());
	});

	it('use the same placeholders in both languages, and no empty texts', () => {
		for (const [key, en] of Object.entries(catalogs.en)) {
			const zh = catalogs['zh-CN'][key];
			expect(en.trim(), key).not.toBe('');
			expect(zh.trim(), key).not.toBe('');
			expect(placeholders(zh), key).toEqual(placeholders(en));
		}
	});

	it('hold every literal message key the code uses', () => {
		// Audit action names (given or compared as `action`) and table.column references look like keys but are not messages.
		const namespaces = [...new Set(Object.keys(catalogs.en).map((key) => key.split('.')[0]))].join('|');
		const keyPattern = new RegExp(`(?<!action: |action === )['"\`]((?:${namespaces})\\.[\\w.-]+)['"\`]`, 'g');
		const missing: string[] = [];
		for (const file of sourceFiles('src').filter((f) => !f.includes('server/repo'))) {
			for (const [, key] of readFileSync(file, 'utf8').matchAll(keyPattern)) {
				// Keys ending in a dot are prefixes completed at run time (checked below).
				if (!key.endsWith('.') && !(key in catalogs.en)) missing.push(`${file}: ${key}`);
			}
		}
		expect(missing).toEqual([]);
	});

	it('cover the keys composed at run time (roles, audit actions, home intros)', () => {
		for (const role of ['admin', 'researcher', 'viewer']) {
			expect(catalogs.en).toHaveProperty([`roles.${role}`]);
			expect(catalogs.en).toHaveProperty([`home.intro.${role}`]);
		}
		for (const action of auditActions) {
			expect(catalogs.en).toHaveProperty([`audit.action.${action}`]);
			expect(catalogs.en).toHaveProperty([`audit.sentence.${action}`]);
		}
	});
});

describe('catalogForRoute', () => {
	it('gives respondent pages only the shell and respondent messages', () => {
		const catalog = catalogForRoute('zh-CN', '/(public)/s/[code]');
		const namespaces = new Set(Object.keys(catalog).map((k) => k.split('.')[0]));
		expect(namespaces.has('respond')).toBe(true);
		expect(namespaces.has('errors')).toBe(true);
		expect(namespaces.has('report')).toBe(false);
		expect(Object.keys(catalog).length).toBeLessThan(Object.keys(catalogs['zh-CN']).length / 2);
	});
	it('gives every other page the whole catalogue', () => {
		expect(catalogForRoute('en', '/(app)/surveys/[id]/report')).toBe(catalogs.en);
		expect(catalogForRoute('en', null)).toBe(catalogs.en);
	});
});
