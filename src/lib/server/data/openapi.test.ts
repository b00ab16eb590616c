import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

beforeEach(() => {
	expect.hasAssertions();
});

const root = 'src/routes/api/v1';

/** Every /api/v1 endpoint file as an OpenAPI path ([id] → {id}) with its exported methods. */
function routeFiles(dir = root): string[] {
	return readdirSync(dir).flatMap((entry) => {
		const path = join(dir, entry);
		if (statSync(path).isDirectory()) return routeFiles(path);
		return entry === '+server.ts' ? ['/' + relative(root, dir).split(sep).join('/').replace(/\[(\w+)\]/g, '{$1}')] : [];
	});
}

describe('OpenAPI document', () => {
	it('describes every /api/v1 route and nothing else (the document itself aside)', () => {
		const documented = Object.keys(openApiDocument('http://x').paths).sort();
		const routes = routeFiles().filter((p) => p !== '/openapi.json').sort();
		expect(documented).toEqual(routes);
	});

	it('is OpenAPI 3.1 with bearer security and the error shape', () => {
		const doc = openApiDocument('https://satindex.example.com');
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.servers[0].url).toBe('https://satindex.example.com/api/v1');
		expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
		expect(doc.components.schemas.Error.required).toEqual(['error']);
	});
});
