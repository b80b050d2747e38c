/**
 * Entity search for the explorer: one query string -> ranked entities, matched on each entity's label and
 * aliases, case- and accent-insensitive, by prefix (of a name or of any word in it) and by fuzzy match of
 * words (typos). Framework-free: runs in node and in the browser.
 *
 * Ranking, best first: exact label, label prefix, exact alias, word prefix (an alias's start or any word inside
 * a name), fuzzy (fewest edits first); ties are broken by label, then key, so results are deterministic.
 *
 * The word index is MiniSearch's radix tree (`minisearch/SearchableMap`, ~1.6 KB gzip): prefix and
 * edit-distance look-ups over every word of every name in well under a millisecond at 100,000 entities.
 * tests/bench/search-libraries.ts measured the libraries this was chosen from.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeGraph } from './build';
import type { NodeAttributes } from './schema';
import { normalizeName } from './text-fold';

export { normalizeName };

/** One searchable entity. */
export interface SearchEntry {
	key: string;
	label: string;
	type: string;
	/** Every other name a source uses for the entity. */
	aliases: readonly string[];
}

/** One hit: the entity and the name that matched. */
export interface SearchResult {
	key: string;
	label: string;
	type: string;
	/** The label or alias that the query matched, as the graph writes it: "New Delhi" for India. */
	match: string;
}

/** An index over a set of entities, built once and queried on every keystroke. */
export interface SearchIndex {
	/**
	 * The best `limit` entities (default 10, at most `MAX_LIMIT`) for `query`, best first. An empty or
	 * whitespace-only query gives `[]`; a query longer than `MAX_QUERY_LENGTH` is cut. Never throws.
	 */
	search(query: string, limit?: number): SearchResult[];
	/** How many entities are indexed. */
	readonly size: number;
}

/** Queries are cut to this many characters: nobody types more, and the work per keystroke stays bounded. */
export const MAX_QUERY_LENGTH = 100;
/** The most results one search returns. */
export const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;
/** Queries with more words than this skip the fuzzy tier (the prefix tiers still match them as a phrase). */
const MAX_FUZZY_WORDS = 8;
/** The most names the fuzzy tier checks for one query, so that no query makes it scan the whole graph. */
const MAX_FUZZY_CANDIDATES = 5_000;

/**
 * What names and queries are compared as: normalized words joined by single spaces. Dots are dropped so that
 * "U.S.A." is "usa"; any other run of punctuation separates words ("sao-tome" is "sao tome").
 */
function searchKey(text: string): string {
	// Most names are plain ASCII: the same result without the Unicode work, a quarter of the build time.
	if (/^[\x20-\x7e]*$/.test(text)) {
		return text
			.toLowerCase()
			.replace(/\./g, '')
			.replace(/[^a-z0-9]+/g, ' ')
			.trim();
	}
	return normalizeName(text)
		.replace(/\./g, '')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The entries of a graph, one per node, for `createSearchIndex`. */
export function searchEntries(graph: KnowledgeGraph): SearchEntry[] {
	return graph.mapNodes(searchEntry);
}

/** One entity's entry. */
export function searchEntry(key: string, attributes: NodeAttributes): SearchEntry {
	return { key, label: attributes.label, type: attributes.type, aliases: attributes.aliases ?? [] };
}

/** An indexed entity: its names, label first, and their search keys. */
interface Entity {
	entry: SearchEntry;
	/** The label, then each alias whose key differs from every earlier name's. */
	names: string[];
	keys: string[];
}

/** A found entity: its rank (place in label order), the name that matched and the edits it took. */
interface Hit {
	rank: number;
	slot: number;
	edits: number;
}

/** Code-unit order: the same in every browser and locale, unlike localeCompare. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first index of `sorted` whose value is >= `value`. */
function lowerBound(sorted: readonly string[], value: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((sorted[mid] as string) < value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Adds `rank` to `top`, the `size` smallest distinct ranks seen so far, kept sorted. */
function keepSmallest(top: number[], size: number, rank: number): void {
	if (top.length === size && rank >= (top[size - 1] as number)) return;
	let i = top.length;
	while (i > 0 && (top[i - 1] as number) > rank) i--;
	if (i > 0 && top[i - 1] === rank) return;
	top.splice(i, 0, rank);
	if (top.length > size) top.pop();
}

/**
 * How many edits a query word may be from a word of a name (a swap of neighbours counts as one): none for
 * short words, where typos are noise, one up to 7 letters, two from 8.
 */
function maxEdits(word: string): number {
	return word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
}

/** The word with the letters at `i` and `i + 1` swapped. */
function swapAt(word: string, i: number): string {
	return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
}

/**
 * Edit distance counting a swap of two neighbouring letters as one edit ("indai" is 1 from "india"): the
 * optimal string alignment distance. Only run on the few words the radix tree found.
 */
function swapAwareDistance(a: string, b: string): number {
	let before = Array.from({ length: b.length + 1 }, (_, j) => j);
	let previous = before;
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(
				(previous[j] as number) + 1,
				(row[j - 1] as number) + 1,
				(previous[j - 1] as number) + cost
			);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, (before[j - 2] as number) + 1);
			}
			row.push(d);
		}
		before = previous;
		previous = row;
	}
	return previous[b.length] as number;
}

/**
 * Builds the index. An entry whose key was seen before is skipped. Linear in the total length of the names,
 * plus a sort by label: about a second for 100,000 entities with 200,000 names (see the benchmark).
 */
export function createSearchIndex(entries: Iterable<SearchEntry>): SearchIndex {
	const seen = new Set<string>();
	const unsorted: Entity[] = [];
	for (const entry of entries) {
		if (seen.has(entry.key)) continue;
		seen.add(entry.key);
		const names: string[] = [];
		const keys: string[] = [];
		for (const name of [entry.label, ...entry.aliases]) {
			const key = searchKey(name);
			// The label always keeps slot 0, even when nothing in it is searchable.
			if (names.length > 0 && (key === '' || keys.includes(key))) continue;
			names.push(name);
			keys.push(key);
		}
		unsorted.push({ entry, names, keys });
	}
	// An entity's rank is its place in label order, and every tie-break below compares ranks.
	const entities = unsorted.sort(
		(a, b) =>
			compareStrings(a.keys[0] as string, b.keys[0] as string) ||
			compareStrings(a.entry.label, b.entry.label) ||
			compareStrings(a.entry.key, b.entry.key)
	);
	const labelKeys = entities.map((entity) => entity.keys[0] as string);
	const entityAt = (rank: number) => entities[rank] as Entity;

	// Every name gets an id, in rank order, so that every list of ids below is sorted by rank.
	const nameRanks: number[] = [];
	const nameSlots: number[] = [];
	/** The words of each name, split once rather than on every keystroke. */
	const nameWords: string[][] = [];
	/** Word -> ids of the names that contain it. */
	const words = new Map<string, number[]>();
	/** Alias key -> ids of the names that are exactly it. */
	const aliases = new Map<string, number[]>();
	entities.forEach((entity, rank) => {
		entity.keys.forEach((key, slot) => {
			if (key === '') return;
			const id = nameRanks.length;
			nameRanks.push(rank);
			nameSlots.push(slot);
			nameWords.push(key.split(' '));
			if (slot > 0) {
				const ids = aliases.get(key);
				if (ids) ids.push(id);
				else aliases.set(key, [id]);
			}
			for (const word of key.split(' ')) {
				const ids = words.get(word);
				if (!ids) words.set(word, [id]);
				else if (ids[ids.length - 1] !== id) ids.push(id);
			}
		});
	});
	const wordTree = new SearchableMap<number[]>();
	for (const [word, ids] of words) wordTree.set(word, ids);
	words.clear();

	/** Labels that start with the query, exact first: label order is the ranking, so the first are the best. */
	function labelPrefix(query: string, need: number, hits: Hit[], taken: Set<number>): void {
		for (let rank = lowerBound(labelKeys, query); hits.length < need && rank < labelKeys.length; rank++) {
			if (!(labelKeys[rank] as string).startsWith(query)) break;
			hits.push({ rank, slot: 0, edits: 0 });
			taken.add(rank);
		}
	}

	function exactAlias(query: string, need: number, hits: Hit[], taken: Set<number>): void {
		const top: number[] = [];
		for (const id of aliases.get(query) ?? []) {
			const rank = nameRanks[id] as number;
			if (!taken.has(rank)) keepSmallest(top, need - hits.length, rank);
		}
		for (const rank of top) {
			hits.push({ rank, slot: Math.max(0, entityAt(rank).keys.indexOf(query)), edits: 0 });
			taken.add(rank);
		}
	}

	/** Names with a word where the query starts: "delhi" in "New Delhi", "make in" in "Make in India". */
	function wordPrefix(query: string, need: number, hits: Hit[], taken: Set<number>): void {
		const space = query.indexOf(' ');
		// One word: every word it begins. A phrase: its first word exactly, then the phrase is checked.
		const lists = space < 0 ? wordTree.atPrefix(query).values() : [wordTree.get(query.slice(0, space)) ?? []];
		const size = need - hits.length;
		const top: number[] = [];
		for (const ids of lists) {
			for (const id of ids) {
				const rank = nameRanks[id] as number;
				if (top.length === size && rank >= (top[size - 1] as number)) break; // ids are in rank order
				if (taken.has(rank)) continue;
				if (space >= 0 && !startsWordAt(entityAt(rank).keys[nameSlots[id] as number] as string, query)) {
					continue;
				}
				keepSmallest(top, size, rank);
			}
		}
		for (const rank of top) {
			// The first name, label first, with a word where the query starts.
			const slot = entityAt(rank).keys.findIndex((key) => startsWordAt(key, query));
			hits.push({ rank, slot: Math.max(slot, 0), edits: 0 });
			taken.add(rank);
		}
	}

	/**
	 * Every query word must begin a word of one name or be within `maxEdits` of one. Finds typos ("rusia",
	 * "vladmir pu"), words out of order ("putin vladimir") and prefixes of several words ("vla pu"); fewest
	 * edits first, then by label.
	 */
	function fuzzy(query: string, need: number, hits: Hit[], taken: Set<number>): void {
		const queryWords = query.split(' ');
		if (queryWords.length > MAX_FUZZY_WORDS) return;
		if (queryWords.length === 1 && maxEdits(query) === 0) return; // the prefix tiers found all there is
		/** For each query word: the indexed words within its edits, with the number of edits. */
		const nearWords = (word: string) => {
			const found = new Map<string, number>();
			const edits = maxEdits(word);
			if (edits === 0) {
				if (wordTree.has(word)) found.set(word, 0);
				return found;
			}
			for (const match of wordTree.fuzzyGet(word, edits).keys()) {
				const distance = swapAwareDistance(word, match);
				if (distance <= edits) found.set(match, distance);
			}
			// The tree counts a swap of neighbours as two edits ("indai" is 2 from "india" there), and a search two
			// edits wide costs far more than one: look the swapped spellings up instead.
			if (edits === 1) {
				for (let i = 0; i + 1 < word.length; i++) {
					const swapped = swapAt(word, i);
					if (swapped !== word && !found.has(swapped) && wordTree.has(swapped)) found.set(swapped, 1);
				}
			}
			return found;
		};
		const looked = new Map<string, Map<string, number>>();
		const near = queryWords.map((word) => {
			let found = looked.get(word);
			if (!found) looked.set(word, (found = nearWords(word)));
			return found;
		});
		// Every match has a word that the longest query word (the most selective) begins or is near, so the
		// candidates are the names with such a word. With one query word, the prefix tiers took those it begins.
		// Every query word must match: drive the search from the word that matches the fewest names. Counting
		// stops at the fewest found so far (a short prefix such as "p" would list half the graph), and the
		// longest words, usually the rarest, are counted first.
		const order = queryWords
			.map((_, q) => q)
			.sort((a, b) => (queryWords[b] as string).length - (queryWords[a] as string).length);
		let lists: number[][] = [];
		let fewest = Infinity;
		for (const q of order) {
			const candidates: number[][] = [];
			let count = 0;
			const add = (ids: number[]) => {
				candidates.push(ids);
				count += ids.length;
				return count < fewest;
			};
			let complete = [...(near[q] as Map<string, number>).keys()].every((word) =>
				add(wordTree.get(word) ?? [])
			);
			if (complete && queryWords.length > 1) {
				for (const ids of wordTree.atPrefix(queryWords[q] as string).values()) {
					if (!add(ids)) {
						complete = false;
						break;
					}
				}
			}
			if (complete) [lists, fewest] = [candidates, count];
			if (fewest === 0) break;
		}
		const best = new Map<number, Hit>();
		let checked = 0;
		candidates: for (const ids of lists) {
			{
				for (const id of ids) {
					if (++checked > MAX_FUZZY_CANDIDATES) break candidates;
					const rank = nameRanks[id] as number;
					if (taken.has(rank)) continue;
					const slot = nameSlots[id] as number;
					const edits = editsToMatch(queryWords, near, nameWords[id] as string[]);
					const previous = best.get(rank);
					if (
						edits !== Infinity &&
						(!previous || edits < previous.edits || (edits === previous.edits && slot < previous.slot))
					) {
						best.set(rank, { rank, slot, edits });
					}
				}
			}
		}
		const ranked = [...best.values()].sort((a, b) => a.edits - b.edits || a.rank - b.rank);
		for (const hit of ranked.slice(0, need - hits.length)) {
			hits.push(hit);
			taken.add(hit.rank);
		}
	}

	function search(query: string, limit: number = DEFAULT_LIMIT): SearchResult[] {
		if (typeof query !== 'string') return [];
		const need = Math.min(MAX_LIMIT, Math.floor(limit));
		if (!(need >= 1)) return [];
		const key = searchKey(query.trimStart().slice(0, MAX_QUERY_LENGTH));
		if (key === '') return [];
		const hits: Hit[] = [];
		const taken = new Set<number>();
		for (const tier of [labelPrefix, exactAlias, wordPrefix, fuzzy]) {
			if (hits.length >= need) break;
			tier(key, need, hits, taken);
		}
		return hits.map(({ rank, slot }) => {
			const { entry, names } = entityAt(rank);
			return { key: entry.key, label: entry.label, type: entry.type, match: names[slot] ?? entry.label };
		});
	}

	return { search, size: entities.length };
}

/** Whether `phrase` starts at a word of `key` (both search keys). */
function startsWordAt(key: string, phrase: string): boolean {
	return key.startsWith(phrase) || key.includes(` ${phrase}`);
}

/** Total edits for every query word to match a word of the name (a word it begins costs none), or Infinity. */
function editsToMatch(
	queryWords: readonly string[],
	near: readonly Map<string, number>[],
	nameWords: readonly string[]
): number {
	let total = 0;
	for (let q = 0; q < queryWords.length; q++) {
		const word = queryWords[q] as string;
		const nearWord = near[q] as Map<string, number>;
		let fewest = Infinity;
		for (const nameWord of nameWords) {
			const edits = nameWord.startsWith(word) ? 0 : (nearWord.get(nameWord) ?? Infinity);
			if (edits < fewest) fewest = edits;
		}
		if (fewest === Infinity) return Infinity;
		total += fewest;
	}
	return total;
}
