// Scales of every length and kind on one page, the boxes a browser draws for them, and what a
// respondent needs of those boxes: one row (or a deliberate list), end labels under their end
// points, "not applicable" apart, targets big enough to tap, nothing overflowing.
import type { Frame } from 'playwright-core';
import type { Item, PointScale, SurveyDefinition } from '../../src/lib/survey/definition';

const t = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const agreeEnds = { min: t('Strongly disagree', '非常不同意'), max: t('Strongly agree', '非常同意') };
const agreeLabels = [t('Strongly disagree', '非常不同意'), t('Disagree', '不同意'), t('Neutral', '一般'), t('Agree', '同意'), t('Strongly agree', '非常同意')];
const qualityEnds = { min: t('Very poor', '非常差'), max: t('Excellent', '非常好') };

function scaleItem(code: string, kind: 'likert' | 'rating' | 'nps', scale: PointScale, notApplicable: boolean, text: { en: string; 'zh-CN': string }): Item {
	return { code, kind, text, required: false, scale, reversed: false, notApplicable };
}

/** One page of scales: 5, 7 and 11 points alone, a SERVQUAL pair, Likert grids of 7 and 11 points, a labelled 5. */
export const scalesSurvey: SurveyDefinition = {
	sections: [
		{
			code: 'SC',
			title: t('Scales', '量表'),
			items: [
				scaleItem('L5', 'likert', { min: 1, max: 5, endLabels: agreeEnds }, true, t('Staff were friendly.', '员工态度友好。')),
				scaleItem('L7', 'likert', { min: 1, max: 7, endLabels: agreeEnds }, true, t('The branch was easy to find.', '网点很容易找到。')),
				scaleItem('SAT', 'rating', { min: 0, max: 10, endLabels: { min: t('Not at all satisfied', '完全不满意'), max: t('Completely satisfied', '非常满意') } }, false, t('Overall, how satisfied are you?', '总体而言，您对我们满意吗？')),
				scaleItem('NPS', 'nps', { min: 0, max: 10, endLabels: { min: t('Not at all likely', '完全不可能'), max: t('Extremely likely', '极有可能') } }, false, t('How likely are you to recommend us?', '您向朋友推荐我们的可能性有多大？')),
				{
					code: 'P7',
					kind: 'pair',
					text: t('Modern equipment', '现代化的设备'),
					expectationText: t('An excellent bank has modern equipment.', '优秀的银行应当拥有现代化的设备。'),
					perceptionText: t('This bank has modern equipment.', '该银行拥有现代化的设备。'),
					required: false,
					scale: { min: 1, max: 7, endLabels: agreeEnds },
					reversed: false,
					notApplicable: true
				},
				scaleItem('G7A', 'likert', { min: 1, max: 7, endLabels: qualityEnds }, true, t('Opening hours', '营业时间')),
				scaleItem('G7B', 'likert', { min: 1, max: 7, endLabels: qualityEnds }, true, t('Waiting area', '等候区')),
				scaleItem('G11A', 'rating', { min: 0, max: 10, endLabels: qualityEnds }, true, t('Mobile app', '手机银行')),
				scaleItem('G11B', 'rating', { min: 0, max: 10, endLabels: qualityEnds }, true, t('Telephone banking', '电话银行')),
				scaleItem('LB5', 'likert', { min: 1, max: 5, labels: agreeLabels }, true, t('Fees are clearly explained.', '收费说明清楚。'))
			]
		}
	]
};

export interface Box {
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** One scale as drawn: its points (without N/A), its visible end labels, its N/A point and, in a grid, its column headers. */
export interface DrawnScale {
	code: string;
	fieldset: Box;
	points: Box[];
	ends: Box[];
	notApplicable: Box | null;
	headers: { box: Box; overflows: boolean }[];
}

/** Every scale on the page, measured in CSS pixels; `pageOverflows` when the page scrolls sideways. */
export async function measureScales(page: Pick<Frame, 'evaluate'>): Promise<{ pageOverflows: boolean; scales: DrawnScale[] }> {
	return page.evaluate(() => {
		const box = (el: Element) => {
			const r = el.getBoundingClientRect();
			return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
		};
		const shown = (el: Element) => el.getClientRects().length > 0;
		const pointOf = (input: HTMLInputElement) => input.closest('label')!;
		const scales = [...document.querySelectorAll('fieldset')]
			.filter((set) => set.querySelector(':scope input[type=radio][value="1"]') && !set.querySelector(':scope fieldset'))
			.map((set) => {
				const radios = [...set.querySelectorAll<HTMLInputElement>('input[type=radio]')];
				const grid = set.closest('.grid');
				const headers = grid ? [...grid.querySelectorAll('[aria-hidden=true] .column')].filter(shown) : [];
				return {
					code: set.id.replace(/^q-/, ''),
					fieldset: box(set),
					points: radios.filter((r) => r.value !== 'na').map((r) => box(pointOf(r))),
					ends: [...set.querySelectorAll('[aria-hidden=true] > span')].filter(shown).map(box),
					notApplicable: radios.some((r) => r.value === 'na') ? box(pointOf(radios.find((r) => r.value === 'na')!)) : null,
					headers: headers.map((h) => ({ box: box(h), overflows: h.scrollWidth > h.clientWidth + 1 }))
				};
			});
		return { pageOverflows: document.documentElement.scrollWidth > window.innerWidth, scales };
	});
}

const TAP = 44;
/** WCAG 2.2 target size (minimum): narrower points must still be this wide and fill their row. */
const MIN_TARGET = 24;
const near = (a: number, b: number) => Math.abs(a - b) <= 1;

function rowProblems(s: DrawnScale): string[] {
	const problems: string[] = [];
	const first = s.points[0];
	const last = s.points.at(-1)!;
	if (!s.points.every((p) => near(p.top, first.top))) problems.push('points wrap onto more than one row');
	if (first.left < s.fieldset.left || last.right > s.fieldset.right) problems.push('points overflow their question');
	if (s.points.some((p, i) => i > 0 && p.left < s.points[i - 1].right - 1)) problems.push('points overlap');
	if (s.points.some((p) => p.bottom - p.top < TAP)) problems.push(`a point is less than ${TAP} px tall`);
	if (s.points.some((p) => p.right - p.left < MIN_TARGET)) problems.push(`a point is less than ${MIN_TARGET} px wide`);
	if (s.ends.length === 2) {
		const [low, high] = s.ends;
		if (!(low.top >= first.bottom - 1 && low.top - first.bottom < 16 && near(low.left, first.left))) problems.push('the low-end label is not under the first point');
		if (!(high.top >= last.bottom - 1 && high.top - last.bottom < 16 && near(high.right, last.right))) problems.push('the high-end label is not under the last point');
		if (low.right > high.left) problems.push('the end labels overlap');
	} else if (s.headers.length) {
		const centre = (b: Box) => (b.left + b.right) / 2;
		const columnsMatch = s.points.every((p, i) => centre(s.headers[i].box) >= p.left && centre(s.headers[i].box) <= p.right);
		if (!columnsMatch) problems.push('the column headers are not over their points');
		if (s.headers.some((h) => h.overflows)) problems.push('a column header overflows its column');
	}
	return problems;
}

function listProblems(s: DrawnScale): string[] {
	const problems: string[] = [];
	if (s.points.some((p, i) => i > 0 && p.top < s.points[i - 1].bottom - 1)) problems.push('a labelled list is not one point under another');
	if (s.points.some((p) => !near(p.left, s.points[0].left) || !near(p.right, s.points[0].right))) problems.push('a labelled list is ragged');
	if (s.points.some((p) => p.bottom - p.top < TAP)) problems.push(`a point is less than ${TAP} px tall`);
	return problems;
}

function notApplicableProblems(s: DrawnScale): string[] {
	const na = s.notApplicable;
	if (!na) return [];
	const last = s.points.at(-1)!;
	// In a wide grid N/A is one more column; everywhere else it stands below the scale and its labels.
	if (s.headers.length && s.ends.length === 0 && near(na.top, last.top)) return na.left >= last.right - 1 ? [] : ['N/A is not after the last point'];
	const above = Math.max(last.bottom, ...s.ends.map((e) => e.bottom));
	const problems = na.top - above >= 8 ? [] : ['N/A is not set apart below the scale and its labels'];
	if (na.bottom - na.top < TAP || na.right - na.left < TAP) problems.push(`N/A is less than ${TAP} px`);
	return problems;
}

/** What is wrong with one drawn scale, as readable sentences (none when it is right). */
export function scaleProblems(s: DrawnScale): string[] {
	const vertical = s.points.length > 1 && s.points[1].top >= s.points[0].bottom - 1 && near(s.points[1].left, s.points[0].left);
	return [...(vertical && s.ends.length === 0 ? listProblems(s) : rowProblems(s)), ...notApplicableProblems(s)].map((p) => `${s.code}: ${p}`);
}
