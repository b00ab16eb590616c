import { beforeEach, describe, expect, it } from 'vitest';
import { textTerms } from '../../stats/text/tokenize';
import { segmentChinese } from './segmenter';

beforeEach(() => {
	expect.hasAssertions();
});

// A fixed Chinese corpus with the words jieba (and the service words) must give: whole words, never character n-grams.
const corpus: [string, string[], string[]][] = [
	['排队时间太长了，柜台服务态度很好，但是手续费太贵。', ['排队', '时间', '太长', '柜台', '服务态度', '好', '手续费', '太贵'], ['排队时间', '时间太长', '柜台服务态度', '手续费太贵']],
	['网点的工作人员非常热情，办理业务很快', ['网点', '工作人员', '热情', '办理', '业务', '很快'], ['办理业务', '业务很快']],
	['手机银行不太方便，经常闪退', ['手机银行', '不太方便', '经常', '闪退'], ['经常闪退']],
	['理财经理服务很专业', ['理财经理', '服务', '专业'], ['理财经理服务']],
	['转账到账慢', ['转账', '到账', '慢'], ['转账到账', '到账慢']]
];

describe('Chinese open answers through jieba', () => {
	for (const [text, words, phrases] of corpus)
		it(text, () => {
			expect(textTerms(text, segmentChinese)).toEqual({ words, phrases });
		});

	it('segments mixed Chinese and English answers', () => {
		expect(textTerms('APP经常闪退, the app crashes', segmentChinese).words).toEqual(['app', '经常', '闪退', 'app', 'crashes']);
	});
});
