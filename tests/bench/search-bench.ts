/**
 * Search: the app's own index (`createSearchIndex(graphCorpus(graph))`, src/lib/graph/search.ts) on a
 * generated graph, every text indexed (names, types, descriptions, relationship labels and claims): the time to
 * build the index, the memory it holds, and the latency of every keystroke of a fixed typing script.
 */
import { type KnowledgeGraph } from '../../src/lib/graph/load';
import { createSearchIndex, graphCorpus, normalizeName } from '../../src/lib/graph/search';
import { collectGarbage, keystrokes, median, percentile } from './stats';

/** Entities and relationships asked for per keystroke, as the explorer's search box does. */
const LIMIT = 8;
const RELATIONS = 4;

/**
 * Queries that every generated graph answers (the generator's planted places, alias patterns and common words),
 * typed one character at a time: accents and none, a typo, acronyms and aliases, words that match thousands.
 */
export const FIXED_QUERIES: readonly string[] = [
	'sao paulo',
	'São Paulo',
	'zurich',
	'krakw',
	'reykjavik',
	'HSU',
	'sunoil',
	'the union',
	'fertilizer',
	'nuclear energy',
	'sanctions exposure of',
	'$30.1bn',
	// Words of descriptions and claims, word forms, several words with one unmatched, a quoted phrase.
	'landlocked country',
	'industries employing',
	'according to officials',
	'analysts noted imports',
	'buys discounted zzyzx',
	'"records show that"',
	// Nothing matches: the suggestions' path.
	'kudankxlxmx'
];

/** `word` with two letters in its middle swapped: "vogopado" -> "vogoapdo". */
function transpose(word: string): string {
	const chars = [...word];
	const i = Math.floor(chars.length / 2) - 1;
	if (chars.length < 4) return word;
	[chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
	return chars.join('');
}

/** `text` with the middle letter of its longest word dropped: "trade commission" -> "trade comission". */
function dropLetter(text: string): string {
	const words = text.split(' ');
	const longest = words.reduce((best, word, i) => (word.length > (words[best] ?? '').length ? i : best), 0);
	const chars = [...(words[longest] ?? '')];
	if (chars.length >= 5) chars.splice(chars.length >> 1, 1);
	words[longest] = chars.join('');
	return words.join(' ');
}

/**
 * The typing script for `graph`: `FIXED_QUERIES`, then queries made from the first entities of some types (the
 * generator puts the same kinds of names at every size, but not the same names): the first country of several
 * words as labelled, by its last word, and with a typo; the first person and the first organisation without
 * accents and with typos; the first company by its first two words; an alias of other words. Deterministic for a given graph.
 */
export function typingScript(graph: KnowledgeGraph): string[] {
	const first = (type: string, test: (label: string) => boolean = () => true) =>
		graph.findNode((_, attributes) => attributes.type === type && test(attributes.label));
	const label = (key: string | undefined) =>
		key === undefined ? undefined : graph.getNodeAttribute(key, 'label');
	const queries = [...FIXED_QUERIES];
	const country = label(first('country', (text) => text.includes(' ')));
	if (country) {
		const last = normalizeName(country.split(' ').pop() ?? '');
		queries.push(country, last, normalizeName(country).replace(last, transpose(last)));
	}
	const person = label(first('person', (text) => text.split(' ').length === 2));
	if (person) {
		const plain = normalizeName(person);
		queries.push(
			plain,
			plain.replace(/\S+$/, (surname) => transpose(surname))
		);
	}
	const organisation = label(first('organisation', (text) => text.split(' ').length >= 3));
	if (organisation) queries.push(dropLetter(normalizeName(organisation)));
	const company = label(first('company', (text) => text.split(' ').length >= 3));
	if (company) queries.push(company.split(' ').slice(0, 2).join(' ').toLowerCase());
	// An alias of several words that shares no word with the label: "New Roseivuchiar" for "Kingdom of Vogopado".
	const isOtherName = (alias: string, label: string) =>
		alias.includes(' ') && !alias.split(' ').some((word) => label.includes(word));
	let alias: string | undefined;
	graph.findNode((_, attributes) => {
		alias = attributes.aliases?.find((name) => isOtherName(name, attributes.label));
		return alias !== undefined;
	});
	if (alias) queries.push(alias.toLowerCase());
	return queries;
}

export interface SearchTimes {
	/** Median ms to build the index (the corpus read from the graph included). */
	buildMs: number;
	/** The heap and array buffers the index holds, MB (the corpus's own strings are the graph's). */
	indexMb: number;
	/** Median over the timed passes of each pass's p50 keystroke latency, ms. */
	p50: number;
	/** Median over the timed passes of each pass's p95 keystroke latency, ms. */
	p95: number;
	/** The slowest keystroke of all passes, ms, and its query. */
	max: number;
	slowest: string;
	keystrokes: number;
	passes: number;
	/**
	 * The slowest of the suggestions asked for the script's queries that find nothing (a search box asks once the
	 * reader pauses), ms, median over the passes.
	 */
	suggestMs: number;
	/** How many queries the script has, and how many of them (typed in full) found anything. */
	queries: number;
	queriesWithHits: number;
}

export function benchSearch(graph: KnowledgeGraph, builds: number, passes: number): SearchTimes {
	const buildTimes: number[] = [];
	const held = () => {
		collectGarbage();
		const { heapUsed, arrayBuffers } = process.memoryUsage();
		return heapUsed + arrayBuffers;
	};
	const before = held();
	let index = createSearchIndex(graphCorpus(graph));
	const indexMb = (held() - before) / 1e6;
	for (let i = 0; i < builds; i++) {
		collectGarbage();
		const started = performance.now();
		index = createSearchIndex(graphCorpus(graph));
		buildTimes.push(performance.now() - started);
	}
	const script = typingScript(graph);
	const typed = keystrokes(script);
	for (const query of typed) index.search(query, LIMIT, RELATIONS); // warm-up pass, not timed
	const p50s: number[] = [];
	const p95s: number[] = [];
	let max = 0;
	let slowest = '';
	for (let pass = 0; pass < passes; pass++) {
		collectGarbage();
		const times: number[] = [];
		for (const query of typed) {
			const started = performance.now();
			index.search(query, LIMIT, RELATIONS);
			const ms = performance.now() - started;
			times.push(ms);
			if (ms > max) [max, slowest] = [ms, query];
		}
		times.sort((a, b) => a - b);
		p50s.push(percentile(times, 50));
		p95s.push(percentile(times, 95));
	}
	const empty = script.filter((query) => {
		const answer = index.search(query, LIMIT, RELATIONS);
		return answer.entities.length === 0 && answer.relations.length === 0;
	});
	const suggestTimes: number[] = [];
	for (let pass = 0; pass < passes; pass++) {
		let slowestSuggest = 0;
		for (const query of empty) {
			const started = performance.now();
			index.suggest(query);
			slowestSuggest = Math.max(slowestSuggest, performance.now() - started);
		}
		suggestTimes.push(slowestSuggest);
	}
	return {
		buildMs: median(buildTimes),
		suggestMs: median(suggestTimes),
		indexMb,
		p50: median(p50s),
		p95: median(p95s),
		max,
		slowest,
		keystrokes: typed.length,
		passes,
		queries: script.length,
		queriesWithHits: script.filter((query) => index.search(query, LIMIT).entities.length > 0).length
	};
}
