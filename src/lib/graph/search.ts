/**
 * Search for the explorer: one query -> ranked entities, then relationships. Names are matched first and
 * best (label, aliases: case- and accent-insensitive, by prefix of a name or of any word in it, and by fuzzy
 * match of words for typos); then every other text an entity carries (its type, description, text and category
 * attributes, and the labels and claims of its relationships), by word forms (a light English stemmer), prefix
 * of the word being typed, typos and "quoted phrases". Framework-free: runs in node, the page and a worker.
 *
 * Ranking, best first: exact label, label prefix, exact alias, word prefix in a name, fuzzy name (fewest edits
 * first); then entities whose texts hold every query word, then those that hold most. Within each tier, the
 * entity with more relationships first, then by label and key, so that results are deterministic. Every result
 * says where it matched, with the matched words marked. Relationships whose own text holds the words (their
 * entities' names may supply the rest) come in a list of their own.
 *
 * The word indexes are MiniSearch's radix tree (`minisearch/SearchableMap`, ~1.6 KB gzip): prefix and
 * edit-distance look-ups in well under a millisecond at 100,000 entities. tests/bench/search-libraries.ts
 * measured the libraries this was chosen from; the text tier reads at most `TERM_POSTINGS` postings a word, so
 * that a word every claim holds costs no more than a rare one (tests/bench/search-bench.ts).
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { KnowledgeGraph } from './build';
import type { Data, DataKind, GraphAttributes, GraphFile } from './schema';
import {
	type Snippet,
	STOP_WORDS,
	forEachWord,
	holdsPhrase,
	isPlainAscii,
	parseQuery,
	snippet,
	stem,
	tokens
} from './search-text';
import { normalizeName } from './text-fold';

export { normalizeName };

/** A text an entity or relationship carries besides its names, and what it is. */
export interface SearchText {
	field: 'type' | 'description' | 'data' | 'relation' | 'claim';
	/** A data attribute's name. */
	name?: string;
	text: string;
}

/** An entity as graph files and graphs give it: what search reads of its attributes. */
export interface SearchNode {
	key: string;
	attributes: {
		label: string;
		type: string;
		aliases?: readonly string[];
		description?: string;
		data?: Data;
	};
}

/** A relationship as graph files and graphs give it (a file's may have no key). */
export interface SearchEdge {
	key?: string;
	source: string;
	target: string;
	undirected?: boolean;
	attributes: { label: string; type: string; claim?: string; data?: Data };
}

/**
 * What to search: a graph's entities and relationships as the graph or its file holds them (the index keeps
 * references, not copies), with the labels of their types and which data attributes hold words.
 */
export interface SearchCorpus {
	nodes: readonly SearchNode[];
	edges: readonly SearchEdge[];
	nodeTypes: Readonly<Record<string, { label: string }>>;
	edgeTypes: Readonly<Record<string, { label: string }>>;
	/** The data attributes searched ("text or category"), by name; null: every text value. */
	nodeData: ReadonlySet<string> | null;
	edgeData: ReadonlySet<string> | null;
}

/** Where a result matched: a name, a text of the entity, or one of its relationships. */
export interface MatchedIn extends Snippet {
	field: 'label' | 'alias' | SearchText['field'];
	name?: string;
}

/** A text of an entity or relationship, names included. */
type FieldText = Omit<SearchText, 'field'> & { field: MatchedIn['field'] };

/** One entity found. */
export interface SearchResult {
	key: string;
	label: string;
	type: string;
	/** How many relationships it has. */
	degree: number;
	/** The label or alias that the query matched, as the graph writes it ("New Delhi" for India); else the label. */
	match: string;
	/** Where the query matched, with the matched words marked. */
	where: MatchedIn;
	/** Whether it matched every word of the query (else only some). */
	all: boolean;
}

/** One relationship found. */
export interface RelationResult {
	key?: string;
	source: { key: string; label: string };
	target: { key: string; label: string };
	label: string;
	undirected: boolean;
	where: MatchedIn;
}

/** What a search that found nothing offers instead. */
export interface Suggestions {
	/** The names closest to the query's words. */
	names: SearchResult[];
	/** The most connected entities of the type the query names, or of the closest name's type. */
	type: { type: string; label: string; entities: SearchResult[] } | null;
}

/** What a search answers. */
export interface SearchAnswer {
	entities: SearchResult[];
	relations: RelationResult[];
}

/** An index over a graph, built once and queried on every keystroke. */
export interface SearchIndex {
	/**
	 * The best `limit` entities (default 10, at most `MAX_LIMIT`) and `relationLimit` relationships (default
	 * none) for `query`, best first. An empty or whitespace-only query finds nothing (and suggests nothing); a
	 * query longer than `MAX_QUERY_LENGTH` is cut. Never throws.
	 */
	search(query: string, limit?: number, relationLimit?: number): SearchAnswer;
	/**
	 * What to offer for a query that found nothing: the names closest to its words and the most connected
	 * entities of the type it names (or of the closest name's type). Kept out of `search` so that typing does not
	 * pay for it: a search box asks once the reader pauses. Never throws.
	 */
	suggest(query: string): Suggestions;
	/** How many entities are indexed. */
	readonly size: number;
}

/** The answer that finds nothing and suggests nothing. */
export const NO_ANSWER: SearchAnswer = Object.freeze({ entities: [], relations: [] });
/** The suggestions for a query that suggests nothing. */
export const NO_SUGGESTIONS: Suggestions = Object.freeze({ names: [], type: null });

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
	if (isPlainAscii(text)) {
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

/** The kinds of data attribute whose values are words to search ("text or category"). */
const SEARCHED_KINDS: readonly DataKind[] = ['text', 'category'];

/** The names of the searched data attributes, or null where the graph has no kinds (every text value then). */
export function searchedData(
	kinds: readonly (readonly [string, DataKind])[] | undefined
): Set<string> | null {
	return kinds
		? new Set(kinds.filter(([, kind]) => SEARCHED_KINDS.includes(kind)).map(([name]) => name))
		: null;
}

/** The corpus of a graph file's (or a graph's) attributes, nodes and edges: one reader for page and worker. */
export function searchCorpus(
	attributes: {
		nodeTypes: SearchCorpus['nodeTypes'];
		edgeTypes: SearchCorpus['edgeTypes'];
		dataKinds?: GraphAttributes['dataKinds'];
	},
	nodes: readonly SearchNode[],
	edges: readonly SearchEdge[]
): SearchCorpus {
	return {
		nodes,
		edges,
		nodeTypes: attributes.nodeTypes,
		edgeTypes: attributes.edgeTypes,
		nodeData: searchedData(attributes.dataKinds?.nodes),
		edgeData: searchedData(attributes.dataKinds?.edges)
	};
}

/**
 * The corpus of a graph file as the worker reads it: a lean copy of what search reads of each entity and
 * relationship, so that the rest of the file (positions, evidence, sources) can be collected.
 */
export function fileCorpus(data: GraphFile): SearchCorpus {
	return searchCorpus(
		data.attributes,
		data.nodes.map(({ key, attributes: { label, type, aliases, description, data: values } }) => ({
			key,
			attributes: { label, type, aliases, description, data: values }
		})),
		data.edges.map(
			({ key, source, target, undirected, attributes: { label, type, claim, data: values } }) => ({
				key,
				source,
				target,
				undirected,
				attributes: { label, type, claim, data: values }
			})
		)
	);
}

/** The corpus of a loaded graph. */
export function graphCorpus(graph: KnowledgeGraph): SearchCorpus {
	return searchCorpus(
		graph.getAttributes(),
		graph.mapNodes((key, attributes) => ({ key, attributes })),
		graph.mapEdges((key, attributes, source, target) => ({
			key,
			source,
			target,
			undirected: attributes.undirected,
			attributes
		}))
	);
}

/** The searched data values of `data`, as texts. */
function dataTexts(data: Data | undefined, names: ReadonlySet<string> | null, texts: FieldText[]): void {
	if (!data) return;
	for (const name in data) {
		const value = data[name];
		if (typeof value === 'string' && value !== '' && (names ? names.has(name) : true)) {
			texts.push({ field: 'data', name, text: value });
		}
	}
}

/** An indexed entity: its node, its names, label first, and their search keys. */
interface Entity {
	node: SearchNode;
	degree: number;
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

/** The spellings of `word` with two neighbouring letters swapped ("indai" gives "niday", "idnai", "inadi", "india"). */
function swapsOf(word: string): string[] {
	const swaps: string[] = [];
	for (let i = 0; i + 1 < word.length; i++) {
		const swapped = word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
		if (swapped !== word) swaps.push(swapped);
	}
	return swaps;
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

/** Postings read for one query word in the text tier, at most: bounds a keystroke whatever the word. */
const TERM_POSTINGS = 3_000;
/** Words of the texts that the word being typed may begin, at most. */
const PREFIX_FORMS = 200;
/** Documents checked for a quoted phrase, at most. */
const PHRASE_CHECKS = 500;
/** The most query words (and phrases) the text tier reads. */
const MAX_TERMS = 8;
/** Results offered when nothing was found. */
const SUGGESTIONS = 5;
/** Query words, and names near them, that a search which found nothing reads for its suggestions, at most. */
const SUGGEST_WORDS = 4;
const SUGGEST_NAMES = 500;
/** Labels the label tier reads for a prefix, at most (a short prefix begins thousands of labels). */
const LABEL_SCAN = 5_000;

/** The number of set bits of a word mask. */
function bitCount(mask: number): number {
	let count = 0;
	for (let m = mask; m !== 0; m &= m - 1) count++;
	return count;
}

/**
 * Builds the index: linear in the total length of the texts, plus sorts by rank and label. A second entry
 * with a key already seen is skipped; a relationship whose entity is not indexed is skipped.
 */
export function createSearchIndex(corpus: SearchCorpus): SearchIndex {
	const steps = indexSteps(corpus);
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
	}
}

/**
 * Builds the same index as createSearchIndex, a slice of about `sliceMs` at a time, awaiting `pause()` between
 * slices: a worker that builds a big graph's index of every text (seconds at 500,000 relationships) answers
 * queries from the index it has meanwhile.
 */
export async function createSearchIndexInSlices(
	corpus: SearchCorpus,
	pause: () => Promise<void>,
	sliceMs = 30
): Promise<SearchIndex> {
	const steps = indexSteps(corpus);
	let started = performance.now();
	for (;;) {
		const step = steps.next();
		if (step.done) return step.value;
		if (performance.now() - started >= sliceMs) {
			await pause();
			started = performance.now();
		}
	}
}

/** Documents and words between two points where the building may pause. */
const STEP = 1_000;

/** createSearchIndex's work, yielding every STEP documents or words, and after each sort. */
function* indexSteps(corpus: SearchCorpus): Generator<void, SearchIndex, undefined> {
	const degreeOf = new Map<string, number>();
	let done = 0;
	for (const { source, target } of corpus.edges) {
		if (++done % (STEP * 10) === 0) yield;
		// As graphology counts: a relationship of an entity with itself twice.
		degreeOf.set(source, (degreeOf.get(source) ?? 0) + 1);
		degreeOf.set(target, (degreeOf.get(target) ?? 0) + 1);
	}
	const seen = new Set<string>();
	const unsorted: Entity[] = [];
	for (const node of corpus.nodes) {
		if (++done % STEP === 0) yield;
		if (seen.has(node.key)) continue;
		seen.add(node.key);
		const names: string[] = [];
		const keys: string[] = [];
		for (const name of [node.attributes.label, ...(node.attributes.aliases ?? [])]) {
			const key = searchKey(name);
			// The label always keeps slot 0, even when nothing in it is searchable.
			if (names.length > 0 && (key === '' || keys.includes(key))) continue;
			names.push(name);
			keys.push(key);
		}
		unsorted.push({ node, degree: degreeOf.get(node.key) ?? 0, names, keys });
	}
	degreeOf.clear();
	// An entity's rank is its place in this order (more relationships first, then by label), and every
	// tie-break below compares ranks.
	const entities = unsorted.sort(
		(a, b) =>
			b.degree - a.degree ||
			compareStrings(a.keys[0] as string, b.keys[0] as string) ||
			compareStrings(a.node.attributes.label, b.node.attributes.label) ||
			compareStrings(a.node.key, b.node.key)
	);
	yield;
	const count = entities.length;
	const rankOf = new Map<string, number>();
	entities.forEach((entity, rank) => rankOf.set(entity.node.key, rank));
	const entityAt = (rank: number) => entities[rank] as Entity;
	/** Ranks in label order, and their label keys: the label tiers look a query up there. */
	const byLabel = entities
		.map((_, rank) => rank)
		.sort((a, b) => compareStrings(entityAt(a).keys[0] as string, entityAt(b).keys[0] as string) || a - b);
	const labelKeys = byLabel.map((rank) => entityAt(rank).keys[0] as string);
	yield;

	// Names. Every name gets an id, in rank order, so that every list of ids below is sorted by rank.
	const nameRanks: number[] = [];
	const nameSlots: number[] = [];
	/** The words of each name, split once rather than on every keystroke. */
	const nameWords: string[][] = [];
	/** Word -> ids of the names that contain it. */
	const words = new Map<string, number[]>();
	/** Alias key -> ids of the names that are exactly it. */
	const aliases = new Map<string, number[]>();
	for (let rank = 0; rank < entities.length; rank++) {
		if (rank % STEP === 0) yield;
		(entities[rank] as Entity).keys.forEach((key, slot) => {
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
	}
	yield;
	const wordTree = new SearchableMap<number[]>();
	for (const [word, ids] of words) wordTree.set(word, ids);
	words.clear();
	yield;

	// Texts. Documents 0 .. count - 1 are the entities (in rank order), then the relationships, ordered by the
	// best rank of their two entities: a word's postings list the best-ranked entities first.
	const edges = corpus.edges;
	const edgeSource = new Int32Array(edges.length).fill(-1);
	const edgeTarget = new Int32Array(edges.length).fill(-1);
	let kept = 0;
	for (let i = 0; i < edges.length; i++) {
		if (i % (STEP * 10) === 0) yield;
		const { source, target } = edges[i] as SearchEdge;
		const s = rankOf.get(source);
		const t = rankOf.get(target);
		if (s === undefined || t === undefined) continue;
		edgeSource[i] = s;
		edgeTarget[i] = t;
		kept++;
	}
	/** Relationship -> its edge, in document order (a relationship whose entity is not indexed is left out). */
	const relationEdge = new Int32Array(kept);
	{
		let at = 0;
		edges.forEach((_, i) => {
			if (edgeSource[i] !== -1) relationEdge[at++] = i;
		});
		const best = (i: number) => Math.min(edgeSource[i] as number, edgeTarget[i] as number);
		relationEdge.sort((a, b) => best(a) - best(b) || a - b);
	}
	const relationCount = relationEdge.length;
	const relationSource = relationEdge.map((edge) => edgeSource[edge] as number);
	const relationTarget = relationEdge.map((edge) => edgeTarget[edge] as number);
	const edgeOf = (relation: number) => edges[relationEdge[relation] as number] as SearchEdge;
	/** An entity's texts, names first (a query's words may meet across names and texts). */
	const entityTexts = (rank: number): FieldText[] => {
		const { node, names } = entityAt(rank);
		const texts = names.map((text, slot): FieldText => ({ field: slot === 0 ? 'label' : 'alias', text }));
		const typeLabel = corpus.nodeTypes[node.attributes.type]?.label;
		if (typeLabel) texts.push({ field: 'type', text: typeLabel });
		if (node.attributes.description) texts.push({ field: 'description', text: node.attributes.description });
		dataTexts(node.attributes.data, corpus.nodeData, texts);
		return texts;
	};
	/** A relationship's texts: label, type label, claim, data. */
	const relationTexts = (relation: number): FieldText[] => {
		const { attributes } = edgeOf(relation);
		const texts: FieldText[] = [{ field: 'relation', text: attributes.label }];
		const typeLabel = corpus.edgeTypes[attributes.type]?.label;
		if (typeLabel && typeLabel !== attributes.label) texts.push({ field: 'type', text: typeLabel });
		if (attributes.claim) texts.push({ field: 'claim', text: attributes.claim });
		dataTexts(attributes.data, corpus.edgeData, texts);
		return texts;
	};
	const textsOf = (doc: number): readonly FieldText[] =>
		doc < count ? entityTexts(doc) : relationTexts(doc - count);

	// Postings, packed: the documents of word w are postings[starts[w] .. starts[w + 1]), ascending. Built from
	// (word, document) pairs in document order, counted and then placed, with no list per word.
	const wordIds = new Map<string, number>();
	const lastDoc: number[] = [];
	let pairWords = new Int32Array(1 << 16);
	let pairDocs = new Int32Array(1 << 16);
	let pairs = 0;
	const documents = count + relationCount;
	let doc = 0;
	const visit = (word: string) => {
		let id = wordIds.get(word);
		if (id === undefined) {
			id = wordIds.size;
			wordIds.set(word, id);
			lastDoc.push(-1);
		}
		if (lastDoc[id] === doc) return;
		lastDoc[id] = doc;
		if (pairs === pairWords.length) {
			const grownWords = new Int32Array(pairs * 2);
			grownWords.set(pairWords);
			pairWords = grownWords;
			const grownDocs = new Int32Array(pairs * 2);
			grownDocs.set(pairDocs);
			pairDocs = grownDocs;
		}
		pairWords[pairs] = id;
		pairDocs[pairs] = doc;
		pairs++;
	};
	const visitText = (word: string) => {
		if (!STOP_WORDS.has(word)) visit(word);
	};
	for (; doc < documents; doc++) {
		if (doc % STEP === 0) yield;
		for (const { field, text } of textsOf(doc)) {
			forEachWord(text, field === 'label' || field === 'alias' ? visit : visitText);
		}
	}
	yield;
	const starts = new Int32Array(wordIds.size + 1);
	for (let i = 0; i < pairs; i++) {
		const next = (pairWords[i] as number) + 1;
		starts[next] = (starts[next] as number) + 1;
	}
	for (let w = 0; w < wordIds.size; w++) starts[w + 1] = (starts[w + 1] as number) + (starts[w] as number);
	const postings = new Int32Array(pairs);
	{
		const fill = starts.slice(0, wordIds.size);
		for (let i = 0; i < pairs; i++) {
			const w = pairWords[i] as number;
			postings[fill[w] as number] = pairDocs[i] as number;
			fill[w] = (fill[w] as number) + 1;
		}
	}
	pairWords = pairDocs = new Int32Array(0);
	lastDoc.length = 0;
	const postingsOfWord = (id: number) => postings.subarray(starts[id], starts[id + 1]);
	const textTree = new SearchableMap<number>();
	/** Word id -> the word. */
	const wordList: string[] = new Array<string>(wordIds.size);
	/** Stem -> the ids of the words that have it. */
	const stems = new Map<string, number | number[]>();
	for (const [word, id] of wordIds) {
		if (id % STEP === 0) yield;
		textTree.set(word, id);
		wordList[id] = word;
		const wordStem = stem(word);
		// Most stems have one word: stored as the word's id, without an array.
		const same = stems.get(wordStem);
		if (same === undefined) stems.set(wordStem, id);
		else if (typeof same === 'number') stems.set(wordStem, [same, id]);
		else same.push(id);
	}
	wordIds.clear();
	/** Ranks of each type's entities, best first: the suggestions for a type. */
	const typeRanks = new Map<string, number[]>();
	entities.forEach(({ node }, rank) => {
		const ranks = typeRanks.get(node.attributes.type);
		if (ranks) ranks.push(rank);
		else typeRanks.set(node.attributes.type, [rank]);
	});
	const typeLabels = new Map<string, string>();
	for (const type of typeRanks.keys()) typeLabels.set(type, corpus.nodeTypes[type]?.label ?? type);

	// The text tier's working memory, allocated once: for each entity and relationship, the query words it
	// holds (a bit each), and the first document that gave an entity a word.
	const entityMask = new Uint32Array(count);
	const ownMask = new Uint32Array(count);
	/** The query words an entity's own names hold (a name match ranks above a text match of as many words). */
	const nameMask = new Uint32Array(count);
	const entityDoc = new Int32Array(count);
	const relationMask = new Uint32Array(relationCount);
	const touchedEntities: number[] = [];
	const touchedRelations: number[] = [];

	/** Whether `word` begins a word of some name. */
	function begins(word: string): boolean {
		for (const _ of wordTree.atPrefix(word).keys()) return true;
		return false;
	}

	/** Labels that are the query, then labels that start with it, best rank first. */
	function labelPrefix(query: string, need: number, hits: Hit[], taken: Set<number>): void {
		const top: number[] = [];
		const exact: number[] = [];
		const first = lowerBound(labelKeys, query);
		for (let i = first; i < labelKeys.length && i - first < LABEL_SCAN; i++) {
			const key = labelKeys[i] as string;
			if (!key.startsWith(query)) break;
			const rank = byLabel[i] as number;
			if (key === query) exact.push(rank);
			else keepSmallest(top, need, rank);
		}
		for (const rank of [...exact.sort((a, b) => a - b), ...top]) {
			if (hits.length >= need) break;
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
	function fuzzy(
		query: string,
		need: number,
		hits: Hit[],
		taken: Set<number>,
		looked: Map<string, Map<string, number>>
	): void {
		const queryWords = query.split(' ');
		if (queryWords.length > MAX_FUZZY_WORDS) return;
		if (queryWords.length === 1 && maxEdits(query) === 0) return; // the prefix tiers found all there is
		/** For each query word: the indexed words within its edits, with the number of edits. */
		const nearWords = (word: string) => {
			const found = new Map<string, number>();
			const edits = maxEdits(word);
			// A word that begins a word of a name is read as written (or unfinished), not as a typo: the edit
			// search is the costly part of a keystroke, and "industri" means "industrial".
			if (edits === 0 || begins(word)) {
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
				for (const swapped of swapsOf(word)) {
					if (!found.has(swapped) && wordTree.has(swapped)) found.set(swapped, 1);
				}
			}
			return found;
		};
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

	/** The documents that hold one of the words `forms`, at most `TERM_POSTINGS` in all, closest forms first. */
	function postingsOf(forms: Iterable<number>): number[] {
		const docs: number[] = [];
		for (const form of forms) {
			const list = postingsOfWord(form);
			const take = Math.min(list.length, TERM_POSTINGS - docs.length);
			for (let i = 0; i < take; i++) docs.push(list[i] as number);
			if (docs.length >= TERM_POSTINGS) break;
		}
		return docs;
	}

	/** Adds the words of `wordStem` to `forms`. */
	function addForms(forms: Set<number>, wordStem: string): void {
		const same = stems.get(wordStem);
		if (typeof same === 'number') forms.add(same);
		else if (same) for (const form of same) forms.add(form);
	}

	/**
	 * The words of the texts (their ids) that a query word matches: its word forms (same stem), the words it
	 * begins when it is still being typed (from three letters, the first `PREFIX_FORMS`), and, only where these
	 * find nothing, words one typo away (from five letters).
	 */
	function formsOf(word: string, typing: boolean): Set<number> {
		const forms = new Set<number>();
		const wordStem = stem(word);
		addForms(forms, wordStem);
		// Porter's stems of one family can differ by a final "i" ("diversify" is "diversifi", "diversification"
		// "diversif"): both are read.
		if (wordStem.length >= 5)
			addForms(forms, wordStem.endsWith('i') ? wordStem.slice(0, -1) : `${wordStem}i`);
		const exact = textTree.get(word);
		if (exact !== undefined) forms.add(exact);
		let begun = 0;
		if (typing && word.length >= 3) {
			for (const form of textTree.atPrefix(word).values()) {
				if (++begun > PREFIX_FORMS) break;
				forms.add(form);
			}
		}
		// A typo only where the word, its forms and (being typed) the words it begins find nothing: "russia" must
		// not also find "prussia".
		if (word.length >= 5 && forms.size === 0) {
			// Words one typo away, and their forms: "discuonted" finds "discounted", then "discount".
			const near = [...textTree.fuzzyGet(word, 1).keys()];
			// Two letters swapped count as one typo, as in names.
			for (const swapped of swapsOf(word)) if (textTree.has(swapped)) near.push(swapped);
			for (const other of near) addForms(forms, stem(other));
		}
		return forms;
	}

	/** The documents that hold `phrase` in one of their texts (checked on at most `PHRASE_CHECKS`). */
	function phraseDocs(phrase: readonly string[], prefixLast: boolean): number[] {
		const found: number[] = [];
		// Driven by the phrase's rarest word. Stop words are not indexed in texts: the phrase's other words find
		// the documents, and the check reads them all.
		let rarest: Int32Array | undefined;
		const whole = prefixLast ? phrase.slice(0, -1) : phrase;
		for (const word of whole.filter((each) => !STOP_WORDS.has(each))) {
			const id = textTree.get(word);
			if (id === undefined) return found;
			const docs = postingsOfWord(id);
			if (!rarest || docs.length < rarest.length) rarest = docs;
		}
		let checked = 0;
		for (const doc of rarest ?? []) {
			if (++checked > PHRASE_CHECKS) break;
			if (textsOf(doc).some(({ text }) => holdsPhrase(text, phrase, prefixLast))) found.push(doc);
		}
		return found;
	}

	/** Marks the query word `bit` on every entity and relationship that `docs` reach. */
	function collect(docs: readonly number[], bit: number): void {
		const touch = (rank: number, doc: number) => {
			if (entityMask[rank] === 0) {
				touchedEntities.push(rank);
				entityDoc[rank] = doc;
			} else if (doc === rank) entityDoc[rank] = doc; // its own text before a relationship's
			entityMask[rank] = (entityMask[rank] as number) | bit;
		};
		for (let i = 0; i < docs.length; i++) {
			const doc = docs[i] as number;
			if (doc < count) {
				touch(doc, doc);
				ownMask[doc] = (ownMask[doc] as number) | bit;
			} else {
				const relation = doc - count;
				if (relationMask[relation] === 0) touchedRelations.push(relation);
				relationMask[relation] = (relationMask[relation] as number) | bit;
				touch(relationSource[relation] as number, doc);
				touch(relationTarget[relation] as number, doc);
			}
		}
	}

	/** Marks the query word `bit` on the entities whose names hold one of `forms` (at most `TERM_POSTINGS`). */
	function collectNames(forms: Iterable<number>, bit: number): void {
		let read = 0;
		for (const form of forms) {
			for (const id of wordTree.get(wordList[form] as string) ?? []) {
				if (++read > TERM_POSTINGS) return;
				const rank = nameRanks[id] as number;
				if (entityMask[rank] === 0) {
					touchedEntities.push(rank);
					entityDoc[rank] = rank;
				}
				entityMask[rank] = (entityMask[rank] as number) | bit;
				ownMask[rank] = (ownMask[rank] as number) | bit;
				nameMask[rank] = (nameMask[rank] as number) | bit;
			}
		}
	}

	function clear(): void {
		for (const rank of touchedEntities) {
			entityMask[rank] = 0;
			ownMask[rank] = 0;
			nameMask[rank] = 0;
		}
		for (const relation of touchedRelations) relationMask[relation] = 0;
		touchedEntities.length = 0;
		touchedRelations.length = 0;
	}

	/** Picks the best `size` of `items` by `score` (more is better), then by the item (fewer is better). */
	function best(items: readonly number[], size: number, score: (item: number) => number): number[] {
		if (size <= 0) return [];
		const buckets = new Map<number, number[]>();
		for (const item of items) {
			const points = score(item);
			if (points <= 0) continue;
			let top = buckets.get(points);
			if (!top) buckets.set(points, (top = []));
			keepSmallest(top, size, item);
		}
		return [...buckets.keys()]
			.sort((a, b) => b - a)
			.flatMap((points) => buckets.get(points) as number[])
			.slice(0, size);
	}

	/** Where in `texts` the query matched: the text with most marked words, in the order given. */
	function whereIn(texts: readonly FieldText[], marked: (word: string) => boolean): MatchedIn | null {
		let found: FieldText | null = null;
		let most = 0;
		for (const text of texts) {
			let count = 0;
			forEachWord(text.text, (word) => {
				if (marked(word)) count++;
			});
			if (count > most) [found, most] = [text, count];
		}
		if (!found) return null;
		const { field, name, text } = found;
		return { field, ...(name === undefined ? {} : { name }), ...snippet(text, marked) };
	}

	function result(rank: number, where: MatchedIn, all: boolean, match?: string): SearchResult {
		const { node, degree } = entityAt(rank);
		return {
			key: node.key,
			label: node.attributes.label,
			type: node.attributes.type,
			degree,
			match: match ?? node.attributes.label,
			where,
			all
		};
	}

	/** The result of a name tier: the name that matched, its matched words marked. */
	function nameResult(hit: Hit, marked: (word: string) => boolean): SearchResult {
		const { names } = entityAt(hit.rank);
		const name = names[hit.slot] ?? (names[0] as string);
		const where = { field: hit.slot === 0 ? 'label' : 'alias', ...snippet(name, marked) } as MatchedIn;
		return result(hit.rank, where, true, name);
	}

	/** Nothing found: the names closest to the query's words, and the most connected entities of a type. */
	function suggest(words: readonly string[]): Suggestions {
		// Bounded like a keystroke: the first few words, two letters off at most, a few hundred names.
		const queryWords = words.filter((word) => word.length >= 3).slice(0, SUGGEST_WORDS);
		const near = new Map<number, number>();
		let read = 0;
		names: for (const word of queryWords) {
			const edits = Math.min(word.length >= 8 ? 3 : 2, Math.floor(word.length / 2));
			for (const [ids, distance] of wordTree.fuzzyGet(word, edits).values()) {
				for (const id of ids) {
					if (++read > SUGGEST_NAMES) break names;
					const rank = nameRanks[id] as number;
					near.set(rank, Math.min(near.get(rank) ?? Infinity, distance));
				}
			}
		}
		const names = [...near]
			.sort(([a, da], [b, db]) => da - db || a - b)
			.slice(0, SUGGESTIONS)
			.map(([rank]) =>
				result(rank, { field: 'label', text: entityAt(rank).node.attributes.label, marks: [] }, false)
			);
		let type: string | undefined;
		let closest = Infinity;
		for (const [key, label] of typeLabels) {
			for (const labelWord of tokens(label).map((token) => stem(token.word))) {
				for (const word of queryWords) {
					const distance = swapAwareDistance(stem(word), labelWord);
					if (distance < closest && distance <= Math.min(3, Math.floor(word.length / 2))) {
						[type, closest] = [key, distance];
					}
				}
			}
		}
		type ??= names[0]?.type;
		const ranks = type === undefined ? [] : (typeRanks.get(type) ?? []);
		return {
			names,
			type:
				type === undefined
					? null
					: {
							type,
							label: typeLabels.get(type) ?? type,
							entities: ranks
								.slice(0, SUGGESTIONS)
								.map((rank) =>
									result(
										rank,
										{ field: 'label', text: entityAt(rank).node.attributes.label, marks: [] },
										false
									)
								)
						}
		};
	}

	function search(query: string, limit: number = DEFAULT_LIMIT, relationLimit = 0): SearchAnswer {
		if (typeof query !== 'string') return NO_ANSWER;
		const need = Math.min(MAX_LIMIT, Math.floor(limit));
		const relationsNeeded = Math.min(MAX_LIMIT, Math.floor(relationLimit) || 0);
		if (!(need >= 1)) return NO_ANSWER;
		const text = query.trimStart().slice(0, MAX_QUERY_LENGTH);
		const key = searchKey(text.replace(/["“”„]/g, ' '));
		if (key === '') return NO_ANSWER;
		const parsed = parseQuery(text);

		// Names first.
		const hits: Hit[] = [];
		const taken = new Set<number>();
		/** The name words near each query word, as the fuzzy tier looked them up: also the words to mark. */
		const nearByWord = new Map<string, Map<string, number>>();
		for (const tier of [labelPrefix, exactAlias, wordPrefix, fuzzy]) {
			if (hits.length >= need) break;
			tier(key, need, hits, taken, nearByWord);
		}
		const queryWords = key.split(' ');
		const lastWord = queryWords[queryWords.length - 1] as string;
		const inName = (word: string) =>
			queryWords.some((queryWord) => word.startsWith(queryWord)) ||
			(parsed.typing && word.startsWith(lastWord)) ||
			[...nearByWord.values()].some((near) => near.has(word));
		const entityResults = hits.map((hit) => nameResult(hit, inName));
		if (entityResults.length >= need && relationsNeeded === 0) {
			return { entities: entityResults, relations: [] };
		}

		// Then every text: each query word (a phrase counts as one) marks what holds it.
		const matchedForms = new Set<string>();
		const terms: { bit: number; docs: number[]; forms: Set<number> }[] = [];
		// The word being typed is the last; with one or two letters it finds nothing worth listing in texts (names
		// only). Beyond MAX_TERMS, words and phrases are not read, and no result then holds "every word".
		const typed = parsed.typing ? parsed.words.length - 1 : -1;
		const textWords = parsed.words.filter((word, i) => i !== typed || word.length >= 3);
		const read = textWords.slice(0, MAX_TERMS);
		read.forEach((word, i) => {
			const forms = formsOf(word, i === typed);
			for (const form of forms) matchedForms.add(wordList[form] as string);
			terms.push({ bit: 1 << terms.length, docs: postingsOf(forms), forms });
		});
		const phrases = parsed.phrases.slice(0, MAX_TERMS - terms.length);
		const skipped = parsed.words.length - read.length + parsed.phrases.length - phrases.length;
		phrases.forEach((phrase, i) => {
			for (const word of phrase) matchedForms.add(word);
			const typed = parsed.phraseTyping && i === parsed.phrases.length - 1;
			terms.push({ bit: 1 << terms.length, docs: phraseDocs(phrase, typed), forms: new Set() });
		});
		const full = (1 << terms.length) - 1;
		const marked = (word: string) => matchedForms.has(word);
		const relationResults: RelationResult[] = [];
		try {
			for (const term of terms) {
				collectNames(term.forms, term.bit);
				collect(term.docs, term.bit);
			}
			// More query words first; among as many, more of them in the entity's own names.
			const rest = best(touchedEntities, need - entityResults.length, (rank) =>
				taken.has(rank) ? 0 : bitCount(entityMask[rank] as number) * 32 + bitCount(nameMask[rank] as number)
			);
			for (const rank of rest) {
				const doc = entityDoc[rank] as number;
				const where = whereIn(textsOf(doc), marked) ?? {
					field: 'label',
					text: entityAt(rank).node.attributes.label,
					marks: []
				};
				entityResults.push(result(rank, where, skipped === 0 && entityMask[rank] === full));
			}
			const found = best(touchedRelations, relationsNeeded, (relation) => {
				const own = relationMask[relation] as number;
				const all =
					own |
					(ownMask[relationSource[relation] as number] as number) |
					(ownMask[relationTarget[relation] as number] as number);
				return all === full ? bitCount(own) : 0;
			});
			for (const index of found) {
				const edge = edgeOf(index);
				const label = edge.attributes.label;
				relationResults.push({
					...(edge.key === undefined ? {} : { key: edge.key }),
					source: {
						key: edge.source,
						label: entityAt(relationSource[index] as number).node.attributes.label
					},
					target: {
						key: edge.target,
						label: entityAt(relationTarget[index] as number).node.attributes.label
					},
					label,
					undirected: edge.undirected === true,
					where: whereIn(relationTexts(index), marked) ?? { field: 'relation', text: label, marks: [] }
				});
			}
		} finally {
			clear();
		}
		return { entities: entityResults, relations: relationResults };
	}

	function suggestFor(query: string): Suggestions {
		if (typeof query !== 'string') return NO_SUGGESTIONS;
		const parsed = parseQuery(query.trimStart().slice(0, MAX_QUERY_LENGTH));
		const words = [...parsed.words, ...parsed.phrases.flat()];
		return words.length === 0 ? NO_SUGGESTIONS : suggest(words);
	}

	return { search, suggest: suggestFor, size: entities.length };
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
