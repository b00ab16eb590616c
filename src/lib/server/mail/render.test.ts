import { describe, expect, it } from 'vitest';
import { renderMail } from './render';

const footer = { sentTo: 'Sent to <a@example.com>.', unsubscribePrompt: 'Unsubscribe:', unsubscribeLabel: 'Unsubscribe' };
const ids = { messageId: '<m1@example.com>', unsubscribeUrl: 'https://x.example/unsubscribe/t?a=1&b=2' };

describe('renderMail', () => {
	it('writes a plain-text part with the action and the unsubscribe address', () => {
		expect.hasAssertions();
		const mail = renderMail('a@example.com', 'en', { subject: 'Hi', paragraphs: ['One.', 'Two.'], action: { label: 'Answer', url: 'https://x.example/s/abc' } }, footer, ids);
		expect(mail.text).toBe('One.\n\nTwo.\n\nAnswer:\nhttps://x.example/s/abc\n\n--\nSent to <a@example.com>.\nUnsubscribe: https://x.example/unsubscribe/t?a=1&b=2\n');
	});

	it('escapes every text in the HTML part and names its language', () => {
		expect.hasAssertions();
		const mail = renderMail('a@example.com', 'zh-CN', { subject: '<b>', paragraphs: ['"x" & <script>'] }, footer, ids);
		expect(mail.html).toContain('<html lang="zh-CN">');
		expect(mail.html).toContain('<p>&#34;x&#34; &#38; &#60;script&#62;</p>');
		expect(mail.html).toContain('href="https://x.example/unsubscribe/t?a=1&#38;b=2"');
		expect(mail.html).not.toContain('<script>');
	});
});
