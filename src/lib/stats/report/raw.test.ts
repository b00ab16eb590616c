import { beforeEach, describe, expect, it } from 'vitest';
import type { SurveyDefinition } from '../../survey/definition';
import { layoutOf, unionLayout } from './layout';
import { cellsFromResponses } from './raw';

beforeEach(() => {
	expect.hasAssertions();
});

const t = (text: string) => ({ en: text, 'zh-CN': text });
const version = (max: number): SurveyDefinition => ({
	sections: [{ code: 'S', title: t('S'), items: [{ code: 'WAIT', kind: 'likert', text: t('Waited long'), required: true, scale: { min: 1, max }, reversed: true, notApplicable: false }] }]
});
const v1 = layoutOf(version(5), () => null);
const v2 = layoutOf(version(7), () => null);
const layouts = new Map([['v1', v1], ['v2', v2]]);
const response = (versionId: string, WAIT: number) => ({ versionId, channel: '', submittedAt: Date.UTC(2026, 0, 5), answers: { WAIT } });

/** Count and sum of the only column of the one month's cell. */
function countAndSum(union: typeof v1, answers: ReturnType<typeof response>[]) {
	const [cell] = cellsFromResponses(answers, layouts, union, 'UTC');
	return { n: cell.data.stats.pairwise.n[0], sum: cell.data.stats.pairwise.sum[0] };
}

describe('raw report path across versions', () => {
	it('reverse-codes an answer on its own version’s scale: 4 of a reversed 5-point item counts as 2', () => {
		expect(countAndSum(unionLayout([v1]), [response('v1', 4), response('v1', 5)])).toEqual({ n: 2, sum: 2 + 1 });
	});

	it('never re-reads a 5-point answer on the 7-point scale of a later version: it leaves that column', () => {
		expect(countAndSum(unionLayout([v1, v2]), [response('v1', 4), response('v2', 2)])).toEqual({ n: 1, sum: 6 });
	});
});
