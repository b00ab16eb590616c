// The Chinese word segmenter for open answers: jieba (native, through @node-rs/jieba) with its
// default dictionary plus a few service words it would split ("手机银行" is one thing to a
// customer), loaded once on first use (about a third of a second), never at start-up.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import type { WordSegmenter } from '../../stats/text/tokenize';

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
