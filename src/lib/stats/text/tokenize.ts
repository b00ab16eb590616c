/**
 * Open answers to words and two-word phrases. Chinese runs go to a word segmenter passed in (the
 * app passes jieba; the core stays free of native modules), every other script to the platform's
 * `Intl.Segmenter`. Stop words drop out; a negation joins the word it negates; punctuation, digits
 * and stop words end a phrase, so a phrase is two content words said one after the other.
 */
import { negations, stopWords } from './stop-words';

/** Splits a run of Chinese characters into words. */
export type WordSegmenter = (text: string) => string[];

export interface TextTerms {
	/** Content words, lower-cased, in order (with repeats). */
	words: string[];
	/** Adjacent content-word pairs: joined without a space when both are Chinese. */
	phrases: string[];
}

const HAN_RUN = /(\p{Script=Han}+)/u;
const HAN = /^\p{Script=Han}+$/u;
const LETTER = /\p{L}/u;
const latin = new Intl.Segmenter('en', { granularity: 'word' });

/** Raw tokens of a text, with `null` where a break (punctuation, digits, a change of script) falls. */
function rawTokens(text: string, segmentHan: WordSegmenter): (string | null)[] {
	const out: (string | null)[] = [];
	for (const run of text.normalize('NFKC').replace(/[’‘]/g, "'").split(HAN_RUN)) {
		if (run === '') continue;
		out.push(null);
		if (HAN.test(run)) {
			out.push(...segmentHan(run).map((w) => (HAN.test(w) ? w : null)));
			continue;
		}
		for (const s of latin.segment(run)) {
			if (s.segment.trim() === '') continue; // spaces separate words, they do not end a phrase
			out.push(s.isWordLike && LETTER.test(s.segment) ? s.segment.toLocaleLowerCase('en') : null);
		}
	}
	return out;
}

const join = (a: string, b: string) => (HAN.test(a) && HAN.test(b) ? a + b : `${a} ${b}`);

/** The words and phrases of one answer. */
export function textTerms(text: string, segmentHan: WordSegmenter): TextTerms {
	const words: string[] = [];
	const phrases: string[] = [];
	let previous: string | null = null;
	let negation: string | null = null;
	for (const token of rawTokens(text, segmentHan)) {
		if (token === null) {
			previous = negation = null;
		} else if (negations.has(token)) {
			negation = negation ?? token;
			previous = null;
		} else if (stopWords.has(token) || (token.length === 1 && !HAN.test(token))) {
			previous = null;
		} else {
			const word = negation ? join(negation, token) : token;
			words.push(word);
			if (previous) phrases.push(join(previous, word));
			previous = word;
			negation = null;
		}
	}
	return { words, phrases };
}
