/**
 * Words of free text as search reads them: tokens with their places in the text (to mark them in a snippet),
 * folded as names are (text-fold.ts), English word forms reduced to one stem (the `stemmer` package, Porter's
 * algorithm, 4 KB), and queries split into words and "quoted phrases". Framework-free.
 */
import { stemmer } from 'stemmer';
import type { Snippet } from './snippet';
import { normalizeName } from './text-fold';

export type { Snippet };

/** One word of a text: where it is, and how search compares it. */
export interface Token {
	start: number;
	end: number;
	/** Folded: lowercase, no accents, no dots ("U.S." is "us"). */
	word: string;
}

/** Runs of letters, marks and digits, with dots inside ("U.S.", "3.5"): what a word is, in names and texts. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:\.[\p{L}\p{M}\p{N}]+)*\.?/gu;
const ASCII_WORD = /[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*\.?/g;

/** Whether `text` is printable ASCII alone: most names and texts, read without Unicode folding. */
export function isPlainAscii(text: string): boolean {
	return /^[\x20-\x7e]*$/.test(text);
}

/** Whether the character code is an ASCII lowercase letter or digit. */
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The words of `text` in order, with their places. */
export function tokens(text: string): Token[] {
	const found: Token[] = [];
	const ascii = isPlainAscii(text);
	for (const match of text.matchAll(ascii ? ASCII_WORD : WORD)) {
		// A dot that ends a sentence is not part of the word ("Nadu."); one inside it is ("U.S").
		const raw = match[0].endsWith('.') ? match[0].slice(0, -1) : match[0];
		const word = (ascii ? raw.toLowerCase() : normalizeName(raw)).replace(/\./g, '');
		if (word !== '') found.push({ start: match.index, end: match.index + raw.length, word });
	}
	return found;
}

/**
 * Calls `visit` with each folded word of `text`, as `tokens` reads them: the index's fast path (no places, and
 * plain ASCII, most texts, scanned without a regular expression).
 */
export function forEachWord(text: string, visit: (word: string) => void): void {
	if (!isPlainAscii(text)) {
		for (const token of tokens(text)) visit(token.word);
		return;
	}
	const lower = text.toLowerCase();
	let start = -1;
	let dotted = false;
	for (let i = 0; i <= lower.length; i++) {
		const code = i < lower.length ? lower.charCodeAt(i) : 32;
		if (isWordCode(code)) {
			if (start < 0) start = i;
			continue;
		}
		// A dot between two letters or digits belongs to the word ("u.s", "3.5").
		if (code === 46 && start >= 0 && i + 1 < lower.length && isWordCode(lower.charCodeAt(i + 1))) {
			dotted = true;
			continue;
		}
		if (start >= 0) {
			const word = lower.slice(start, i);
			visit(dotted ? word.replace(/\./g, '') : word);
			start = -1;
			dotted = false;
		}
	}
}

/**
 * Words too common to find anything by in running text (claims, descriptions): not indexed there, and dropped
 * from a query that has other words. Names keep them ("Make in India").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'a an and are as at be been by for from has have in into is it its of on or that the their this to was were ' +
		'which will with'
	).split(' ')
);

/** The stem of a folded word: "imports", "importing" and "import" share one. Digits and short words stay. */
export function stem(word: string): string {
	return word.length < 3 || /\d/.test(word) ? word : stemmer(word);
}

/** A query as search reads it. */
export interface ParsedQuery {
	/**
	 * Single words, folded, each once, in the order last typed; stop words dropped when the query has other words
	 * (but not the word being typed).
	 */
	words: string[];
	/** Quoted phrases, each as its folded words (at least two). */
	phrases: string[][];
	/**
	 * Whether the last of `words` is still being typed (no space or quote after it): it then matches as a prefix.
	 */
	typing: boolean;
	/** Whether the last phrase is still being typed (an unclosed quote): its last word matches as a prefix. */
	phraseTyping: boolean;
}

/** Reads `query`: words, and phrases between straight or curly double quotes (an unclosed quote runs to the end). */
export function parseQuery(query: string): ParsedQuery {
	const words: string[] = [];
	const phrases: string[][] = [];
	const parts = query.split(/["“”„]/);
	parts.forEach((part, i) => {
		const found = tokens(part).map((token) => token.word);
		if (i % 2 === 1 && found.length > 1) phrases.push(found);
		else words.push(...found);
	});
	const endsInWord = /[\p{L}\p{N}]$/u.test(query);
	const lastIsPhrase = parts.length % 2 === 0 && tokens(parts[parts.length - 1] ?? '').length > 1;
	const typing = endsInWord && !lastIsPhrase && words.length > 0;
	// Each word once, where it was last typed, so that the word being typed stays last.
	const unique = words.filter((word, i) => words.lastIndexOf(word) === i);
	// Stop words are dropped, unless the query has nothing else, or the word is still being typed ("in" may be
	// the start of "investment").
	const some = unique.some((word) => !STOP_WORDS.has(word)) || phrases.length > 0;
	const kept = some
		? unique.filter((word, i) => !STOP_WORDS.has(word) || (typing && i === unique.length - 1))
		: unique;
	return { words: kept, phrases, typing, phraseTyping: endsInWord && lastIsPhrase };
}

/** How much of a long text a snippet shows, in characters. */
const SNIPPET_LENGTH = 90;
/** How much comes before the first marked word. */
const SNIPPET_LEAD = 30;

/**
 * `text` with the words `marked` says to mark, cut around the first of them when it is long ("… buys
 * discounted crude …"). Cuts fall between words.
 */
export function snippet(text: string, marked: (word: string) => boolean): Snippet {
	const all = tokens(text);
	const hits = all.filter((token) => marked(token.word));
	if (text.length <= SNIPPET_LENGTH) return { text, marks: hits.map(({ start, end }) => [start, end]) };
	const first = hits[0]?.start ?? 0;
	let start = 0;
	if (first > SNIPPET_LEAD) start = all.find((token) => token.start >= first - SNIPPET_LEAD)?.start ?? first;
	let end = Math.min(text.length, start + SNIPPET_LENGTH);
	if (end < text.length) {
		const last = all.filter((token) => token.end <= end).pop();
		if (last && last.start > start) end = last.end;
	}
	const before = start > 0 ? '… ' : '';
	const after = end < text.length ? ' …' : '';
	const shift = before.length - start;
	return {
		text: before + text.slice(start, end) + after,
		marks: hits
			.filter((token) => token.start >= start && token.end <= end)
			.map(({ start: from, end: to }) => [from + shift, to + shift])
	};
}

/**
 * Whether the folded words of `text` hold `phrase` (folded words) in a row; with `prefixLast`, the phrase's last
 * word may begin a longer word (a phrase still being typed). Plain ASCII text is looked through
 * as a string first: most texts that hold a phrase write it with single spaces ("Records show that").
 */
export function holdsPhrase(text: string, phrase: readonly string[], prefixLast = false): boolean {
	if (isPlainAscii(text)) {
		const lower = text.toLowerCase();
		const joined = phrase.join(' ');
		for (let at = lower.indexOf(joined); at >= 0; at = lower.indexOf(joined, at + 1)) {
			const end = at + joined.length;
			const starts = at === 0 || !isWordCode(lower.charCodeAt(at - 1));
			if (starts && (prefixLast || !isWordCode(lower.charCodeAt(end)))) return true;
		}
		// Not written with single spaces: the words are all there (dots dropped, as words drop them: "U.S."), or
		// it cannot hold the phrase.
		const plain = lower.replace(/\./g, '');
		if (!phrase.every((word) => plain.includes(word))) return false;
	}
	const words = tokens(text).map((token) => token.word);
	const last = phrase.length - 1;
	for (let i = 0; i + phrase.length <= words.length; i++) {
		const at = (j: number) => words[i + j] as string;
		if (phrase.every((word, j) => at(j) === word || (prefixLast && j === last && at(j).startsWith(word)))) {
			return true;
		}
	}
	return false;
}
