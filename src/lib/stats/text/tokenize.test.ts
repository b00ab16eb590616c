import { beforeEach, describe, expect, it } from 'vitest';
import { textTerms, type WordSegmenter } from './tokenize';

beforeEach(() => {
	expect.hasAssertions();
});

// A stand-in for jieba: splits Chinese at the words it knows, one character otherwise.
const known = ['排队', '时间', '太长', '服务', '态度', '不', '方便', '柜台', '热情', '的', '很'];
const stubSegmenter: WordSegmenter = (text) => {
	const out: string[] = [];
	for (let i = 0; i < text.length; ) {
		const word = known.filter((w) => text.startsWith(w, i)).sort((a, b) => b.length - a.length)[0] ?? text[i];
		out.push(word);
		i += word.length;
	}
	return out;
};

describe('textTerms: English through Intl.Segmenter', () => {
	const corpus: [string, string[], string[]][] = [
		['The staff were friendly, but the waiting time was too long.', ['staff', 'friendly', 'waiting', 'time', 'long'], ['waiting time']],
		["Mobile app doesn't work; I waited 2 hours!", ['mobile', 'app', "doesn't work", 'waited', 'hours'], ['mobile app']],
		['Not very helpful staff', ['not helpful', 'staff'], ['not helpful staff']],
		['Fees, fees and more FEES', ['fees', 'fees', 'fees'], []],
		['It’s OK.', [], []]
	];
	for (const [text, words, phrases] of corpus)
		it(text, () => {
			expect(textTerms(text, stubSegmenter)).toEqual({ words, phrases });
		});
});

describe('textTerms: Chinese through the segmenter it is given', () => {
	it('drops stop words and punctuation, joins Chinese phrases without a space', () => {
		expect(textTerms('排队时间太长，柜台的服务态度很热情。', stubSegmenter)).toEqual({
			words: ['排队', '时间', '太长', '柜台', '服务', '态度', '热情'],
			phrases: ['排队时间', '时间太长', '服务态度']
		});
	});
	it('joins a negation to the word it negates', () => {
		expect(textTerms('很不方便', stubSegmenter)).toEqual({ words: ['不方便'], phrases: [] });
	});
	it('breaks at a change of script and at digits, and drops digits', () => {
		expect(textTerms('APP排队2小时', stubSegmenter)).toEqual({ words: ['app', '排队', '小', '时'], phrases: ['小时'] });
	});
	it('gives nothing for empty or punctuation-only text', () => {
		expect(textTerms('', stubSegmenter)).toEqual({ words: [], phrases: [] });
		expect(textTerms('。。。!!! ', stubSegmenter)).toEqual({ words: [], phrases: [] });
	});
});
