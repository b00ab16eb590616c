// A judgment in words, both directions: "Coffee is strongly more important than tea (5)".
import type { I18n } from '$lib/i18n/context.svelte';

/** The sentence for a scale choice between a (left) and b (right): 9 … 1 … −9. */
export function judgmentSentence(i18n: I18n, a: string, b: string, choice: number): string {
	if (choice === 1) return i18n.t('ahp.sentence.equal', { a, b });
	const [more, less, strength] = choice > 0 ? [a, b, choice] : [b, a, -choice];
	return i18n.t('ahp.sentence.more', { a: more, b: less, degree: i18n.t(`ahp.degree.${strength}`), value: strength });
}
