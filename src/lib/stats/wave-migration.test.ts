import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { waveMigrations, type WaveAnswer } from './wave-migration';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../tests/fixtures/stats/${name}`, import.meta.url), 'utf8'));
const input = fixture('wave-migration-input.json') as { waves: number[]; answers: [string, number, number | null, number | null, number | null][] };
const answers: WaveAnswer[] = input.answers.map(([panelist, wave, recommend, satisfaction, loyalty]) => ({ panelist, wave, recommend, satisfaction, loyalty }));
const zeroTen = { scale: { lo: 0, hi: 10 } };

describe('wave migration', () => {
	const result = waveMigrations(answers, input.waves, { satisfaction: zeroTen, loyalty: zeroTen });
	if (!result.ok) throw new Error(result.error.code);
	const [first, second] = result.value;

	it('counts, by hand, who moved between NPS groups from wave 1 to wave 2 among those who answered both', () => {
		expect(first).toMatchObject({ from: 1, to: 2, panelists: 6 });
		// rows: from detractor, passive, promoter; columns: to the same
		expect(first.nps.counts).toEqual([
			[0, 1, 0], // p3 detractor → passive
			[0, 1, 1], // p8 stays passive, p2 passive → promoter
			[1, 0, 1] // p1 promoter → detractor, p4 stays promoter
		]);
		expect([first.nps.n, first.nps.stayed]).toEqual([5, 2]); // p6 did not answer the recommendation in wave 1
	});

	it('counts, by hand, satisfaction × loyalty segment moves with the top-two-box cut-off', () => {
		expect(first.segments!.labels).toEqual(['apostle', 'mercenary', 'hostage', 'defector']);
		expect(first.segments!.counts).toEqual([
			[0, 0, 0, 1], // p1 apostle → defector
			[1, 0, 0, 0], // p2 mercenary → apostle
			[1, 0, 0, 0], // p4 hostage → apostle
			[1, 0, 1, 0] // p6 defector → apostle, p3 defector → hostage
		]);
		expect([first.segments!.n, first.segments!.stayed]).toEqual([5, 0]); // p8 gave no satisfaction answer in wave 1
	});

	it('pairs each wave with the next only, and matches the numpy oracle for every pair', () => {
		expect(second).toMatchObject({ from: 2, to: 3, panelists: 2 }); // p5 skipped wave 2, so 1 → 3 is never compared
		const oracle = fixture('wave-migration.json') as { from: number; to: number; panelists: number; nps: object; segments: object }[];
		expect(result.value.map((m) => ({ from: m.from, to: m.to, panelists: m.panelists, nps: { counts: m.nps.counts, n: m.nps.n, stayed: m.nps.stayed }, segments: { counts: m.segments!.counts, n: m.segments!.n, stayed: m.segments!.stayed } }))).toEqual(oracle);
	});

	it('leaves out segments without cut-offs, keeps a later answer in the same wave, and refuses a cut-off off the scale', () => {
		const twice = [...answers, { panelist: 'p1', wave: 2, recommend: 10, satisfaction: 10, loyalty: 10 }];
		const r = waveMigrations(twice, [1, 2], null);
		expect(r.ok && r.value[0].segments).toBeNull();
		expect(r.ok && r.value[0].nps.counts[2]).toEqual([0, 0, 2]); // p1 now promoter → promoter
		expect(waveMigrations(answers, [1, 2], { satisfaction: { scale: { lo: 0, hi: 10 }, high: 11 }, loyalty: zeroTen }).ok).toBe(false);
		expect(waveMigrations(answers, [1], null)).toEqual({ ok: true, value: [], warnings: [] });
	});
});
