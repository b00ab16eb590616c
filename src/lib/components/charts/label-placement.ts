// Placing point labels on a chart so that no two labels overlap and none covers a marker: each
// label tries positions on rings of growing distance around its point and takes the first free
// one inside the plot area. Pure geometry (pixels), so it is tested without a browser.

export interface Box {
	x: number;
	y: number;
	w: number;
	h: number;
}

export interface Placed extends Box {
	/** True when the label sits away from its point and needs a leader line. */
	displaced: boolean;
}

/** True when two boxes share any area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Eight directions, the most readable first (right, left, above, below, then the diagonals). */
const DIRECTIONS: [number, number][] = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [-1, -1], [1, 1], [-1, 1]];
const RINGS = 12;

function candidate(p: { x: number; y: number }, size: { w: number; h: number }, [dx, dy]: [number, number], distance: number): Box {
	const x = dx > 0 ? p.x + distance : dx < 0 ? p.x - distance - size.w : p.x - size.w / 2;
	const y = dy > 0 ? p.y + distance : dy < 0 ? p.y - distance - size.h : p.y - size.h / 2;
	return { x, y, w: size.w, h: size.h };
}

const inside = (b: Box, area: Box) => b.x >= area.x && b.y >= area.y && b.x + b.w <= area.x + area.w && b.y + b.h <= area.y + area.h;

/**
 * One box per point (same order), no two overlapping and none over a marker of `radius` px, when
 * the area has room; a label that finds no free place within 12 rings takes its nearest spot inside the area.
 */
export function placeLabels(points: readonly { x: number; y: number }[], sizes: readonly { w: number; h: number }[], area: Box, radius: number): Placed[] {
	const markers = points.map((p) => ({ x: p.x - radius, y: p.y - radius, w: 2 * radius, h: 2 * radius }));
	const placed: Placed[] = [];
	points.forEach((p, i) => {
		const size = sizes[i];
		const step = Math.max(size.h, 6);
		let chosen: Placed | null = null;
		for (let ring = 0; ring < RINGS && !chosen; ring++) {
			const distance = radius + 2 + ring * step;
			for (const direction of DIRECTIONS) {
				const box = candidate(p, size, direction, distance);
				if (inside(box, area) && !placed.some((q) => overlaps(q, box)) && !markers.some((m) => overlaps(m, box))) {
					chosen = { ...box, displaced: ring > 0 };
					break;
				}
			}
		}
		placed.push(chosen ?? { ...candidate(p, size, DIRECTIONS[0], radius + 2), displaced: false });
	});
	return placed;
}
