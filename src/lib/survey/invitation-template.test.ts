import { describe, expect, it } from 'vitest';
import { fillParagraphs, fillTemplate, recipientLanguage, templateProblem } from './invitation-template';

const values = { name: '王芳', link: 'https://sat.example/s/abc?t=T1', closes: '2026年12月31日（中国标准时间）' };

describe('invitation templates', () => {
	it('fills every known placeholder, as often as it appears, and leaves other braces alone', () => {
		expect(fillTemplate('{name}，您好！{name} {link} {closes} {other}', values)).toBe('王芳，您好！王芳 https://sat.example/s/abc?t=T1 2026年12月31日（中国标准时间） {other}');
	});

	it('splits the body into paragraphs at blank lines', () => {
		expect(fillParagraphs('Dear {name},\n\n  Answer here: {link}\r\n\r\n\nBy {closes}.\n', values)).toEqual([
			'Dear 王芳,',
			'Answer here: https://sat.example/s/abc?t=T1',
			`By ${values.closes}.`
		]);
	});

	it.each([
		[{ subject: ' ', body: '{link}' }, 'campaigns.template.subjectMissing'],
		[{ subject: 'x'.repeat(201), body: '{link}' }, 'campaigns.template.subjectTooLong'],
		[{ subject: 'Hi', body: 'no link here' }, 'campaigns.template.linkMissing'],
		[{ subject: 'Hi {nmae}', body: '{link}' }, 'campaigns.template.unknownPlaceholder'],
		[{ subject: 'Hi {name}', body: '{link} by {closes}' }, null]
	])('judges %j as %s', (template, problem) => {
		expect(templateProblem(template)).toBe(problem);
	});

	it("writes in the contact's language when the survey offers it, else in the survey's default", () => {
		expect(recipientLanguage('en', ['zh-CN', 'en'], 'zh-CN')).toBe('en');
		expect(recipientLanguage('en', ['zh-CN'], 'zh-CN')).toBe('zh-CN');
		expect(recipientLanguage(null, ['zh-CN', 'en'], 'en')).toBe('en');
	});
});
