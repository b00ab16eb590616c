// Item order randomisation within a section: seeded by the respondent's own seed and the section
// code, so the order is the same on every page view, after a reload and after a language switch.
import { mulberry32 } from './random';
import type { Section } from '../survey/definition';

/** FNV-1a 32-bit hash of a string: a well-spread seed from the respondent seed and section code. */
export function seedFrom(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** A permutation of `items` (Fisher–Yates) fixed by `seed`; the input is not changed. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
	const random = mulberry32(seedFrom(seed));
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j], copy[i]];
	}
	return copy;
}

/** The section as this respondent sees it: items shuffled when `randomize`, else as designed. */
export function orderSection(section: Section, respondentSeed: string, randomize: boolean): Section {
	return randomize ? { ...section, items: shuffled(section.items, `${respondentSeed}:${section.code}`) } : section;
}
