/**
 * How search reads text (src/lib/graph/search-text.ts): words and their places, the index's fast word scan
 * agreeing with them, stems, queries with phrases, snippets cut around the first marked word, and marked runs.
 */
import { describe, expect, it } from 'vitest';
import {
	STOP_WORDS,
	forEachWord,
	holdsPhrase,
	parseQuery,
	snippet,
	stem,
	tokens
} from '../../../src/lib/graph/search-text';
import { pieces } from '../../../src/lib/graph/snippet';

describe('tokens and forEachWord', () => {
	it.each([
		['India buys oil.', ['india', 'buys', 'oil']],
		['The U.S. and Russia', ['the', 'us', 'and', 'russia']],
		['a 3.5% rise, $30.1bn', ['a', '35', 'rise', '301bn']],
		['São Tomé’s coast', ['sao', 'tome', 's', 'coast']],
		['Łódź—Kraków', ['lodz', 'krakow']],
		['e-mail: x@y.org', ['e', 'mail', 'x', 'yorg']],
		['end.', ['end']],
		['', []],
		['...', []]
	])('%j -> %j', (text, words) => {
		expect(tokens(text).map((token) => token.word)).toEqual(words);
		const scanned: string[] = [];
		forEachWord(text, (word) => scanned.push(word));
		expect(scanned).toEqual(words);
	});

	it('gives each word its place in the text, without a sentence’s last dot', () => {
		const text = 'Tamil Nadu. U.S. aid';
		expect(tokens(text).map(({ start, end }) => text.slice(start, end))).toEqual([
			'Tamil',
			'Nadu',
			'U.S',
			'aid'
		]);
	});
});

describe('stem', () => {
	it.each([
		['imports', 'importing'],
		['sanctions', 'sanction'],
		['supplier', 'suppliers'],
		['diversify', 'diversified'],
		['pressure', 'pressured']
	])('%j and %j share a stem', (a, b) => {
		expect(stem(a)).toBe(stem(b));
	});

	it('keeps short words and words with digits', () => {
		expect(stem('us')).toBe('us');
		expect(stem('2024s')).toBe('2024s');
	});
});

describe('parseQuery', () => {
	it.each([
		['oil imports', { words: ['oil', 'imports'], phrases: [], typing: true, phraseTyping: false }],
		['oil imports ', { words: ['oil', 'imports'], phrases: [], typing: false, phraseTyping: false }],
		['the oil of india', { words: ['oil', 'india'], phrases: [], typing: true, phraseTyping: false }],
		['the of', { words: ['the', 'of'], phrases: [], typing: true, phraseTyping: false }],
		[
			'"special and privileged" ties',
			{ words: ['ties'], phrases: [['special', 'and', 'privileged']], typing: true, phraseTyping: false }
		],
		['“crude oil”', { words: [], phrases: [['crude', 'oil']], typing: false, phraseTyping: false }],
		// An unclosed phrase runs to the end, its last word typed as a prefix (a word alone is a word).
		['"crude oil', { words: [], phrases: [['crude', 'oil']], typing: false, phraseTyping: true }],
		['"crude oil ', { words: [], phrases: [['crude', 'oil']], typing: false, phraseTyping: false }],
		['"crude', { words: ['crude'], phrases: [], typing: true, phraseTyping: false }],
		['"oil" india', { words: ['oil', 'india'], phrases: [], typing: true, phraseTyping: false }],
		['india india INDIA', { words: ['india'], phrases: [], typing: true, phraseTyping: false }]
	])('%j', (query, parsed) => {
		expect(parseQuery(query)).toEqual(parsed);
	});

	it('keeps stop words out of its list of words that texts do not index', () => {
		expect(STOP_WORDS.has('the')).toBe(true);
		expect(STOP_WORDS.has('oil')).toBe(false);
	});
});

describe('snippet and pieces', () => {
	const oil = (word: string) => word === 'oil' || word === 'crude';

	it('marks the words of a short text in place', () => {
		const piece = snippet('Buys crude oil.', oil);
		expect(piece).toEqual({
			text: 'Buys crude oil.',
			marks: [
				[5, 10],
				[11, 14]
			]
		});
		expect(pieces(piece)).toEqual([
			{ text: 'Buys ', marked: false },
			{ text: 'crude', marked: true },
			{ text: ' ', marked: false },
			{ text: 'oil', marked: true },
			{ text: '.', marked: false }
		]);
	});

	it('cuts a long text around the first marked word, between words', () => {
		const text =
			'Over the past decade and more, with many twists along the way, India has come to buy discounted crude oil from Russia in volumes that few had foreseen at the start.';
		const piece = snippet(text, oil);
		expect(piece.text.startsWith('… ')).toBe(true);
		expect(piece.text.endsWith(' …')).toBe(true);
		expect(piece.text.length).toBeLessThanOrEqual(94);
		expect(piece.marks.map(([start, end]) => piece.text.slice(start, end))).toEqual(['crude', 'oil']);
		// No word is cut in two.
		const inner = piece.text.slice(2, -2);
		expect(text.includes(inner)).toBe(true);
		expect(text.split(' ')).toContain(inner.split(' ')[0]);
	});

	it('ignores marks that overlap or fall outside the text', () => {
		expect(
			pieces({
				text: 'abc',
				marks: [
					[0, 2],
					[1, 3],
					[2, 9]
				]
			})
		).toEqual([
			{ text: 'ab', marked: true },
			{ text: 'c', marked: false }
		]);
	});
});

describe('holdsPhrase', () => {
	it.each([
		['A “special and privileged” partnership.', ['special', 'and', 'privileged'], true],
		['Special, and privileged', ['special', 'and', 'privileged'], true],
		['privileged and special', ['special', 'and', 'privileged'], false],
		['special', ['special', 'and'], false],
		['Records show that', ['records', 'sho'], false]
	])('%j holds %j: %s', (text, phrase, holds) => {
		expect(holdsPhrase(text, phrase)).toBe(holds);
	});

	it.each([
		['Records show that', ['records', 'sho'], true],
		['Records, showing', ['records', 'sho'], true],
		['Records. Showing', ['records', 'x'], false],
		['the precords show', ['records', 'sho'], false]
	])('%j holds %j with its last word begun: %s', (text, phrase, holds) => {
		expect(holdsPhrase(text, phrase, true)).toBe(holds);
	});
});
