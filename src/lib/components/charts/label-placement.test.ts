import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '$lib/stats/random';
import { overlaps, placeLabels } from './label-placement';

beforeEach(() => {
	expect.hasAssertions();
});

const area = { x: 0, y: 0, w: 600, h: 380 };

function noOverlaps(boxes: { x: number; y: number; w: number; h: number }[]) {
	for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `labels ${i + 1} and ${j + 1}`).toBe(false);
}

describe('label placement', () => {
	it('puts a lone label to the right of its point', () => {
		const [box] = placeLabels([{ x: 100, y: 100 }], [{ w: 20, h: 12 }], area, 6);
		expect(box).toEqual({ x: 108, y: 94, w: 20, h: 12, displaced: false });
	});

	it('separates twelve labels whose points sit on one spot, and keeps them off the markers', () => {
		const points = Array.from({ length: 12 }, (_, i) => ({ x: 300 + i * 0.5, y: 200 - i * 0.3 }));
		const boxes = placeLabels(points, points.map(() => ({ w: 16, h: 12 })), area, 6);
		noOverlaps(boxes);
		for (const b of boxes) for (const p of points) expect(overlaps(b, { x: p.x - 6, y: p.y - 6, w: 12, h: 12 })).toBe(false);
		expect(boxes.filter((b) => b.displaced).length).toBeGreaterThan(0);
	});

	it('keeps 40 labels of random clustered points apart and inside the area', () => {
		const random = mulberry32(7);
		const points = Array.from({ length: 40 }, () => ({ x: 250 + random() * 80, y: 150 + random() * 60 }));
		const boxes = placeLabels(points, points.map(() => ({ w: 18, h: 12 })), area, 6);
		noOverlaps(boxes);
		for (const b of boxes) expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= area.w && b.y + b.h <= area.h).toBe(true);
	});

	it('keeps a label at the edge inside the area', () => {
		const [box] = placeLabels([{ x: 598, y: 2 }], [{ w: 20, h: 12 }], area, 6);
		expect(box.x + box.w).toBeLessThanOrEqual(600);
		expect(box.y).toBeGreaterThanOrEqual(0);
	});
});
