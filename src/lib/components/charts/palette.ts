// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies) paired with point
// shapes and dash patterns, so series stay apart in greyscale print too.
export const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
export const pointStyles = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot', 'rectRounded', 'cross'] as const;
export const dashes: number[][] = [[], [6, 3], [2, 2], [8, 3, 2, 3], [4, 4], [1, 3], [10, 2], [3, 6]];

/** Colour, point style and dash of the i-th series. */
export function seriesStyle(i: number) {
	return { color: palette[i % palette.length], pointStyle: pointStyles[i % pointStyles.length], dash: dashes[i % dashes.length] };
}
