// The Chinese word segmenter for open answers: jieba (native, through @node-rs/jieba) with its
// default dictionary plus a few service words it would split ("手机银行" is one thing to a
// customer), loaded once on first use (about a third of a second), never at start-up.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { textTerms, type TextTerms, type WordSegmenter } from '../../stats/text/tokenize';

const serviceWords = ['手机银行 n', '网上银行 n', '理财经理 n', '大堂经理 n', '客户经理 n', '到账 v', '营业厅 n', '客服热线 n'];

let jieba: Jieba | null = null;

function loaded(): Jieba {
	if (jieba) return jieba;
	jieba = Jieba.withDict(dict);
	jieba.loadDict(Buffer.from(serviceWords.map((w) => w.replace(' ', ' 2000 ')).join('\n')));
	return jieba;
}

/** Splits Chinese text into words (jieba's precise mode with its HMM for words not in the dictionary). */
export const segmentChinese: WordSegmenter = (text) => loaded().cut(text, true);

// Splitting costs far more than reading (Intl.Segmenter above all), and a reader picking one word
// after another reads the same answers again: each text's terms are remembered, up to a bound.
const remembered = new Map<string, TextTerms>();
const REMEMBERED_TEXTS = 200_000;

/** The words and phrases of an open answer (shared: never change the result). */
export function answerTerms(text: string): TextTerms {
	let terms = remembered.get(text);
	if (!terms) {
		if (remembered.size >= REMEMBERED_TEXTS) remembered.clear();
		terms = textTerms(text, segmentChinese);
		remembered.set(text, terms);
	}
	return terms;
}
