import { beforeEach, describe, expect, it } from 'vitest';
import { readContactFile, type ContactFileOutcome } from './contact-import';
import { attributeKeyFor, normaliseEmail, parseContactLanguage, planContactColumns } from './contact-rows';

beforeEach(() => {
	expect.hasAssertions();
});

async function* chunks(bytes: Uint8Array, size = 5): AsyncGenerator<Uint8Array> {
	for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const read = (csv: string | Uint8Array, mapping = {}) => readContactFile(chunks(typeof csv === 'string' ? new TextEncoder().encode(csv) : csv), mapping);

/** The problems reported, as "row:column:code". */
function problems(outcome: ContactFileOutcome): string[] {
	if (outcome.ok || outcome.kind !== 'invalid') throw new Error(`expected problems, got ${JSON.stringify(outcome)}`);
	return outcome.errors.map((e) => `${e.row}:${e.column}:${e.reason.code}`);
}

describe('contact cells', () => {
	it.each([
		['  Li.Wei@Example.COM ', 'li.wei@example.com'],
		['a+tag@sub.example.cn', 'a+tag@sub.example.cn'],
		['张@例子.中国', '张@例子.中国'],
		['no-at-sign.example.com', undefined],
		['two@@example.com', undefined],
		['a@localhost', undefined],
		['a b@example.com', undefined],
		['a@example..com', undefined],
		['.a@example.com', undefined],
		['a@-example.com', undefined]
	])('normalises the email %j to %j', (text, expected) => {
		expect(normaliseEmail(text)).toBe(expected);
	});

	it('reads languages by code or name in either language, empty as none, anything else as unknown', () => {
		expect(['zh', 'ZH-cn', 'zh_CN', '中文', 'EN', 'English', '英文', ''].map(parseContactLanguage)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN', 'en', 'en', 'en', null]);
		expect(parseContactLanguage('fr')).toBeUndefined();
	});

	it('makes attribute keys from headers, Chinese kept', () => {
		expect(attributeKeyFor(' Customer Tier ')).toBe('customer_tier');
		expect(attributeKeyFor('客户 等级')).toBe('客户_等级');
		expect(attributeKeyFor('***')).toBe('');
	});
});

describe('contact columns', () => {
	it('knows common headers in both languages and leaves others to be mapped', () => {
		expect(planContactColumns(['客户编号', 'E-mail', 'Name', '语言'], {})).toEqual({ ok: true, targets: ['externalId', 'email', 'name', 'language'] });
		expect(planContactColumns(['email', 'Tier'], {})).toMatchObject({ ok: false, unknown: ['Tier'] });
		expect(planContactColumns(['email', 'Tier', 'Notes'], { Tier: 'attr:tier', Notes: '' })).toEqual({ ok: true, targets: ['email', 'attr:tier', ''] });
	});

	it('refuses a file without an identity column, and two columns feeding one field', () => {
		expect(planContactColumns(['name'], {})).toMatchObject({ ok: false, unknown: [], errors: [{ reason: { code: 'contacts.import.noIdentityColumn' } }] });
		expect(planContactColumns(['email', 'mail'], {})).toMatchObject({ ok: false, errors: [{ column: 'mail', reason: { code: 'contacts.import.sameTarget', params: { other: 'email' } } }] });
	});
});

describe('contact rows', () => {
	it('reads a valid file into rows with attributes', async () => {
		const outcome = await read('external_id,email,name,language,Tier\nC1,Wang@Example.com,王芳,zh,core\nC2,,Li,,\n', { Tier: 'attr:tier' });
		expect(outcome).toMatchObject({ ok: true, encoding: 'utf-8' });
		expect(outcome.ok && outcome.rows).toEqual([
			{ row: 2, externalId: 'C1', email: 'wang@example.com', name: '王芳', language: 'zh-CN', attributes: { tier: 'core' } },
			{ row: 3, externalId: 'C2', email: null, name: 'Li', language: null, attributes: {} }
		]);
	});

	it('reports malformed emails, unknown languages and rows without an identity, and keeps no row', async () => {
		const outcome = await read('external_id,email,language\nC1,not-an-email,en\nC2,b@example.com,fr\n,,zh\nC4,d@example.com,en\n');
		expect(problems(outcome)).toEqual(['2:email:contacts.import.badEmail', '3:language:contacts.import.badLanguage', '4::contacts.import.noIdentity']);
	});

	it('reports a customer twice in one file, by external id and by email (case aside), naming the first row', async () => {
		const outcome = await read('external_id,email\nC1,a@example.com\nC1,b@example.com\nC3,A@EXAMPLE.com\n');
		expect(problems(outcome)).toEqual(['3:external_id:contacts.import.duplicate', '4:email:contacts.import.duplicate']);
		expect(!outcome.ok && outcome.kind === 'invalid' && outcome.errors.map((e) => e.reason.params)).toEqual([{ first: 2 }, { first: 2 }]);
	});

	it('reads a GBK file (what Excel in China saves)', async () => {
		// "客户编号,姓名,语言\nK1,张三,中文\n" in GBK.
		const gbk = new Uint8Array([0xbf, 0xcd, 0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5, 44, 0xd0, 0xd5, 0xc3, 0xfb, 44, 0xd3, 0xef, 0xd1, 0xd4, 10, 75, 49, 44, 0xd5, 0xc5, 0xc8, 0xfd, 44, 0xd6, 0xd0, 0xce, 0xc4, 10]);
		const outcome = await read(gbk);
		expect(outcome).toMatchObject({ ok: true, encoding: 'gbk', rows: [{ externalId: 'K1', name: '张三', language: 'zh-CN' }] });
	});

	it('asks for a mapping of unknown headers before reading rows, and reports a file with no rows', async () => {
		expect(await read('email,Region\nbad,north\n')).toEqual({ ok: false, kind: 'mapping', header: ['email', 'Region'], unknown: ['Region'] });
		expect(problems(await read('email\n'))).toEqual(['2::contacts.import.noRows']);
	});
});
