/**
 * Entity search (src/lib/graph/search.ts): what it finds, what it reports as the matched name, in what order,
 * and that no query can break it. A small hand-built list stands in for a graph; one test goes through a
 * graph file to cover `searchEntries`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../../src/lib/graph/load';
import { allGraphs } from '../../../src/lib/server/graphs';
import {
	MAX_LIMIT,
	MAX_QUERY_LENGTH,
	type SearchEdge,
	type SearchNode,
	createSearchIndex,
	createSearchIndexInSlices,
	graphCorpus,
	normalizeName,
	searchCorpus
} from '../../../src/lib/graph/search';

const entry = (key: string, label: string, type: string, aliases: string[] = []): SearchNode => ({
	key,
	attributes: { label, type, aliases }
});

/** A corpus of entities and relationships, with the type labels given (none by default). */
const corpusOf = (
	nodes: readonly SearchNode[],
	edges: readonly SearchEdge[] = [],
	nodeTypes: Record<string, { label: string }> = {}
) => searchCorpus({ nodeTypes, edgeTypes: {} }, nodes, edges);

const ENTRIES: readonly SearchNode[] = [
	entry('india', 'India', 'country', ['New Delhi', 'Republic of India', 'Bharat']),
	entry('indian-ocean', 'Indian Ocean', 'place'),
	entry('indonesia', 'Indonesia', 'country', ['Jakarta']),
	entry('make-in-india', 'Make in India', 'policy'),
	entry('delhi-metro', 'Delhi Metro', 'organization'),
	entry('russia', 'Russia', 'country', ['Russian Federation', 'Moscow']),
	entry('russian-navy', 'Russian Navy', 'organization'),
	entry('prussia', 'Prussia', 'place'),
	entry('united-states', 'United States', 'country', ['USA', 'United States of America', 'Washington']),
	entry('washington-post', 'Washington Post', 'organization'),
	entry('george-washington', 'George Washington', 'person'),
	entry('kudankulam', 'Kudankulam Nuclear Power Plant', 'facility', ['KKNPP']),
	entry('putin', 'Vladimir Putin', 'person', ['President Putin']),
	entry('sao-tome', 'São Tomé and Príncipe', 'country', ['São Tomé']),
	entry('montreal', 'Montreal', 'place'),
	entry('lodz', 'Łódź', 'place'),
	entry('georgia-state', 'Georgia', 'place', ['Peach State']),
	entry('georgia-country', 'Georgia', 'country', ['Sakartvelo']),
	entry('crude-oil', 'Crude oil', 'commodity', ['Petroleum']),
	entry('cote-divoire', "Côte d'Ivoire", 'country', ['Ivory Coast']),
	entry('st-petersburg', 'St. Petersburg', 'place', ['Saint\tPetersburg', 'Leningrad'])
];

/** An index of entities alone, without relationships. */
const indexOf = (nodes: readonly SearchNode[]) => createSearchIndex(corpusOf(nodes));
const index = indexOf(ENTRIES);
const found = (query: string, limit?: number) => index.search(query, limit).entities;
const keys = (query: string, limit?: number) => found(query, limit).map((result) => result.key);

describe('normalizeName', () => {
	it.each([
		['São Tomé', 'sao tome'],
		['  New \t  Delhi \n', 'new delhi'],
		['KUDAN', 'kudan'],
		['Príncipe', 'principe'],
		['Łódź', 'lodz'],
		['Straße', 'strasse'],
		['İstanbul', 'istanbul'],
		['Søren Kierkegaard', 'soren kierkegaard'],
		['Москва', 'москва'],
		['', '']
	])('%j -> %j', (text, expected) => {
		expect(normalizeName(text)).toBe(expected);
	});
});

describe('createSearchIndex', () => {
	it('counts each key once', () => {
		expect(index.size).toBe(ENTRIES.length);
		const twice = indexOf([...ENTRIES, entry('india', 'Another India', 'country')]);
		expect(twice.size).toBe(ENTRIES.length);
		expect(twice.search('another').entities).toEqual([]);
	});

	it('builds from a graph with graphCorpus', () => {
		const loaded = loadGraph(readFileSync('tests/fixtures/graphs/tea-trade.json'), 'tea-trade.json');
		if (!loaded.ok) throw new Error('the tea-trade fixture should load');
		const corpus = graphCorpus(loaded.graph);
		expect(corpus.nodes).toHaveLength(loaded.graph.order);
		expect(corpus.edges).toHaveLength(loaded.graph.size);
		const graphIndex = createSearchIndex(corpus);
		expect(graphIndex.size).toBe(loaded.graph.order);
		expect(graphIndex.search('nairobi').entities).toEqual([
			expect.objectContaining({
				key: 'kenya',
				label: 'Kenya',
				type: 'country',
				match: 'Nairobi',
				degree: loaded.graph.degree('kenya'),
				where: { field: 'alias', text: 'Nairobi', marks: [[0, 7]] }
			})
		]);
	});
});

describe('search finds', () => {
	it.each([
		// prefix of the label, in any case
		['kudan', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		['KUDAN', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		['KuDaNkUlAm', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		['make in', 'make-in-india', 'Make in India'],
		// a word inside the label
		['putin', 'putin', 'Vladimir Putin'],
		['nuclear power', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		// an alias, whole or by a word inside it: `match` names the alias
		['Washington', 'united-states', 'Washington'],
		['Delhi', 'india', 'New Delhi'],
		['new del', 'india', 'New Delhi'],
		['moscow', 'russia', 'Moscow'],
		['kknpp', 'kudankulam', 'KKNPP'],
		['president pu', 'putin', 'President Putin'],
		['petrol', 'crude-oil', 'Petroleum'],
		// accents in the name, not in the query, and the other way round
		['sao tome', 'sao-tome', 'São Tomé and Príncipe'],
		['SÃO TOMÉ', 'sao-tome', 'São Tomé and Príncipe'],
		['sao tome and princ', 'sao-tome', 'São Tomé and Príncipe'],
		['lodz', 'lodz', 'Łódź'],
		['Montréal', 'montreal', 'Montreal'],
		['MONTRÉAL', 'montreal', 'Montreal'],
		// typos and words out of order
		['rusia', 'russia', 'Russia'],
		['indai', 'india', 'India'],
		['vladmir putin', 'putin', 'Vladimir Putin'],
		['vladmir pu', 'putin', 'Vladimir Putin'],
		['putin vladimir', 'putin', 'Vladimir Putin'],
		['kudankulm', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		// the starts of several words, in any order
		['vla pu', 'putin', 'Vladimir Putin'],
		['un sta', 'united-states', 'United States'],
		['pla kud', 'kudankulam', 'Kudankulam Nuclear Power Plant'],
		// punctuation and spacing do not matter
		['  sao-tome ', 'sao-tome', 'São Tomé and Príncipe'],
		['u.s.a.', 'united-states', 'USA'],
		['st petersburg', 'st-petersburg', 'St. Petersburg'],
		['saint petersburg', 'st-petersburg', 'Saint\tPetersburg'],
		['petersb', 'st-petersburg', 'St. Petersburg'],
		["cote d'ivoire", 'cote-divoire', "Côte d'Ivoire"],
		['ivoire', 'cote-divoire', "Côte d'Ivoire"],
		['ivory', 'cote-divoire', 'Ivory Coast']
	])('%j: %s, matched %j', (query, key, match) => {
		const result = found(query).find((hit) => hit.key === key);
		expect(result).toMatchObject({
			key,
			label: ENTRIES.find((e) => e.key === key)?.attributes.label,
			type: ENTRIES.find((e) => e.key === key)?.attributes.type,
			match,
			all: true
		});
	});
});

describe('search ranks', () => {
	it.each([
		// exact label, label prefix, then a word inside a label
		['india', ['india', 'indian-ocean', 'make-in-india']],
		// exact label, label prefix; a word that begins a name's word is not read as a typo ("prussia" is not
		// listed), one that begins none is
		['russia', ['russia', 'russian-navy']],
		['rusia', ['russia']],
		['prusia', ['prussia']],
		// label prefix, exact alias, then a word inside a label
		['washington', ['washington-post', 'united-states', 'george-washington']],
		// label prefix, then a word inside an alias
		['delhi', ['delhi-metro', 'india']],
		// same label: by key
		['georgia', ['georgia-country', 'georgia-state']],
		// each tier by label: label prefixes, then word prefixes
		['in', ['india', 'indian-ocean', 'indonesia', 'make-in-india']],
		[
			'p',
			[
				'prussia',
				'crude-oil',
				'georgia-state',
				'kudankulam',
				'sao-tome',
				'st-petersburg',
				'putin',
				'washington-post'
			]
		],
		// a prefix beats a typo
		['indi', ['india', 'indian-ocean', 'make-in-india']]
	])('%j -> %j', (query, expected) => {
		expect(keys(query)).toEqual(expected);
	});

	it('prefers the label as the match when the label and an alias both match at the same tier', () => {
		expect(found('putin')[0]?.match).toBe('Vladimir Putin');
		expect(found('sao tome')[0]?.match).toBe('São Tomé and Príncipe');
	});

	it('gives the same results whatever order the entries come in', () => {
		const reversed = indexOf([...ENTRIES].reverse());
		const shuffled = indexOf(ENTRIES.filter((_, i) => i % 2 === 0).concat(ENTRIES.filter((_, i) => i % 2)));
		for (const query of ['p', 'in', 'georgia', 'washington', 'rusia', 'a', 'e', 'o']) {
			const expected = index.search(query, MAX_LIMIT);
			expect(reversed.search(query, MAX_LIMIT)).toEqual(expected);
			expect(shuffled.search(query, MAX_LIMIT)).toEqual(expected);
			expect(index.search(query, MAX_LIMIT)).toEqual(expected);
		}
	});
});

describe('search limits', () => {
	const ports = indexOf(
		Array.from({ length: 150 }, (_, i) => entry(`port-${i}`, `Port ${String(i).padStart(3, '0')}`, 'place'))
	);
	const port = (i: number) => `port-${i}`;

	it.each([
		[undefined, 10],
		[3, 3],
		[1, 1],
		[2.9, 2],
		[50, 50],
		[1000, MAX_LIMIT],
		[Infinity, MAX_LIMIT],
		[0, 0],
		[-5, 0],
		[NaN, 0]
	])('limit %s -> %i results, the first by label', (limit, count) => {
		const results = ports.search('port', limit).entities;
		expect(results).toHaveLength(count);
		expect(results.map((r) => r.key)).toEqual(Array.from({ length: count }, (_, i) => port(i)));
	});
});

describe('search never breaks', () => {
	it.each(['', ' ', '   \t\n ', '\u00a0', '\u200b'])('empty query %j -> nothing', (query) => {
		expect(index.search(query)).toEqual({ entities: [], relations: [] });
		expect(index.suggest(query)).toEqual({ names: [], type: null });
	});

	it.each([
		'(.*',
		'\\',
		'.*',
		'[',
		'a|b',
		'$^',
		'+?',
		'<script>alert(1)</script>',
		'"><img src=x onerror=alert(1)>',
		"' OR 1=1 --",
		'%s%n%x',
		'\u0000',
		'\ud800',
		'\udfff\ud800',
		'🙂🙂🙂',
		'̈́̈́̈́',
		'__proto__',
		'constructor',
		'toString',
		'hasOwnProperty',
		'a'.repeat(MAX_QUERY_LENGTH + 1),
		'vladimir putin '.repeat(20),
		'a b c d e f g h i j k l m n o p',
		'x'.repeat(10_000),
		'(.*'.repeat(4_000),
		'\\'.repeat(10_000)
	])('hostile query %#', (query) => {
		expect(() => index.search(query)).not.toThrow();
		const results = index.search(query, 10, 10);
		expect(Array.isArray(results.entities)).toBe(true);
		expect(results.entities.length).toBeLessThanOrEqual(10);
		const offered = index.suggest(query);
		expect(offered.names.length).toBeLessThanOrEqual(5);
	});

	it('cuts a 10 kB query to its first characters, fast', () => {
		const started = performance.now();
		expect(keys(`india${' '.repeat(10_000)}`)).toEqual(['india', 'indian-ocean', 'make-in-india']);
		// Cut to its first words, which match India's name (a word said again counts once).
		expect(keys(`${'india '.repeat(2_000)}`)[0]).toBe('india');
		// Two words of three match: the entity with both is listed, as matching only some.
		expect(found(`kudankulam nuclear${'x'.repeat(10_000)}`)).toEqual([
			expect.objectContaining({ key: 'kudankulam', all: false })
		]);
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('finds entities whose names are JavaScript property names', () => {
		const odd = indexOf([
			entry('proto', '__proto__', 'thing'),
			entry('ctor', 'constructor', 'thing', ['toString'])
		]);
		expect(odd.search('proto').entities.map((r) => r.key)).toEqual(['proto']);
		expect(odd.search('tostring').entities).toEqual([
			expect.objectContaining({ key: 'ctor', label: 'constructor', type: 'thing', match: 'toString' })
		]);
		expect(odd.search('constructor').entities.map((r) => r.key)).toEqual(['ctor']);
	});

	it('indexes names with nothing searchable in them without trouble', () => {
		const odd = indexOf([entry('q', '???', 'thing', ['!!!', '']), entry('a', 'Alpha', 'thing')]);
		expect(odd.size).toBe(2);
		expect(odd.search('???').entities).toEqual([]);
		expect(odd.search('alp').entities.map((r) => r.key)).toEqual(['a']);
	});

	it('searches an empty index', () => {
		const empty = indexOf([]);
		expect(empty.size).toBe(0);
		expect(empty.search('india')).toEqual({ entities: [], relations: [] });
		expect(empty.suggest('india')).toEqual({ names: [], type: null });
	});
});

/** A small graph with texts: what the text tier reads. */
function textCorpus() {
	const entity = (
		key: string,
		label: string,
		type: string,
		extra: Partial<SearchNode['attributes']> = {}
	): SearchNode => ({ key, attributes: { label, type, ...extra } });
	const nodes = [
		entity('india', 'India', 'country', { description: 'South Asian country balancing its partners.' }),
		entity('russia', 'Russia', 'country', { aliases: ['Moscow'] }),
		entity('crude-oil', 'Crude oil', 'commodity'),
		entity('kudankulam', 'Kudankulam', 'project', {
			description: 'Nuclear power plant in Tamil Nadu.',
			data: { operator: 'Nuclear Power Corporation of India', capacity: 2000, url: 'https://example.org' }
		}),
		entity('suppliers', 'Diversification of defence suppliers', 'policy'),
		entity('oil-minor', 'Oil Minor', 'company'),
		entity('oilfield', 'Oilfield', 'place')
	];
	const relation = (
		key: string,
		source: string,
		target: string,
		label: string,
		claim: string
	): SearchEdge => ({
		key,
		source,
		target,
		attributes: { type: label, label, claim }
	});
	const edges = [
		relation('india-buys-oil', 'india', 'crude-oil', 'buys', 'India imports discounted Russian crude oil.'),
		relation('russia-sells-oil', 'russia', 'crude-oil', 'produces', 'Russia exports oil at a discount.'),
		relation('india-russia', 'india', 'russia', 'partners with', 'A “special and privileged” partnership.'),
		relation('india-suppliers', 'india', 'suppliers', 'pursues', 'India diversifies its defence suppliers.'),
		relation('india-kudankulam', 'russia', 'kudankulam', 'builds', 'Russia builds reactors for the plant.'),
		relation('russia-fuels', 'russia', 'kudankulam', 'fuels', 'Russia supplies the plant’s fuel.')
	];
	const types = ['country', 'commodity', 'project', 'policy', 'company', 'place'];
	return searchCorpus(
		{
			nodeTypes: Object.fromEntries(
				types.map((type) => [type, { label: type[0]?.toUpperCase() + type.slice(1) }])
			),
			edgeTypes: {},
			dataKinds: {
				nodes: [
					['operator', 'text'],
					['capacity', 'number'],
					['url', 'url']
				],
				edges: []
			}
		},
		nodes,
		edges
	);
}

describe('search reads every text', () => {
	const texts = createSearchIndex(textCorpus());
	const first = (query: string) => texts.search(query, 10, 5);

	it.each([
		// query, entity expected among the results, where it matched, the marked words
		['balancing', 'india', 'description', ['balancing']],
		['project', 'kudankulam', 'type', ['Project']],
		['tamil', 'kudankulam', 'description', ['Tamil']],
		['corporation', 'kudankulam', 'data', ['Corporation']],
		['discounted', 'india', 'claim', ['discounted']],
		['reactors', 'russia', 'claim', ['reactors']],
		// word forms: plurals, verbs and nouns of one stem
		['import', 'india', 'claim', ['imports']],
		['reactor', 'kudankulam', 'claim', ['reactors']],
		['diversify', 'india', 'claim', ['diversifies']],
		['diversification', 'suppliers', 'label', ['Diversification']],
		['diversify', 'suppliers', 'label', ['Diversification']],
		// a typo in a text word
		['discuonted', 'india', 'claim', ['discounted']],
		// accents and case folded
		['TAMIL nádu', 'kudankulam', 'description', ['Tamil', 'Nadu']],
		// a quoted phrase
		['"special and privileged"', 'india', 'claim', ['special', 'and', 'privileged']]
	])('%j finds %s in its %s', (query, key, field, words) => {
		const result = first(query).entities.find((hit) => hit.key === key);
		expect(result?.where.field).toBe(field);
		const where = result?.where;
		expect(where?.marks.map(([start, end]) => where.text.slice(start, end))).toEqual(words);
	});

	it.each([
		// several words: all of them first, then most, never nothing while one matches
		['oil imports', ['crude-oil', 'india'], true],
		// India's name and its relationship's claim hold both words; a neighbour's name does not count.
		['india partnership', ['india', 'russia'], true],
		['crude zzzz', ['crude-oil'], false],
		['reactors nowhere', ['russia', 'kudankulam'], false]
	])('%j -> first %j (all words: %s)', (query, expected, all) => {
		const results = first(query).entities;
		expect(results.slice(0, expected.length).map((r) => r.key)).toEqual(expected);
		expect(results[0]?.all).toBe(all);
	});

	it('ranks names before texts, and more relationships first among equal matches', () => {
		// "oil": the name that begins with it, the word inside a name, then the texts, by relationship count.
		expect(first('oil').entities.map((r) => r.key)).toEqual([
			'oil-minor',
			'oilfield',
			'crude-oil',
			'russia',
			'india'
		]);
		expect(first('oil').entities.map((r) => r.degree)).toEqual([0, 0, 2, 4, 3]);
	});

	it('reads a typo only where the word and its forms find nothing', () => {
		// "russia" is a word of the texts: a description's word one letter off ("prussia") is not read for it.
		const kingdom: SearchNode = {
			key: 'kingdom',
			attributes: { label: 'Old kingdom', type: 'place', description: 'The kingdom of Prussia.' }
		};
		const withPrussia = createSearchIndex(corpusOf([entry('russia', 'Russia', 'country'), kingdom]));
		expect(withPrussia.search('russia ').entities.map((r) => r.key)).toEqual(['russia']);
		expect(withPrussia.search('prusia ').entities.map((r) => r.key)).toEqual(['kingdom']);
	});

	it('holds nothing over from one query to the next', () => {
		const queries = ['oil imports', 'reactors', '"crude oil"', 'qqqq', 'india partnership'];
		const answers = queries.map((query) => texts.search(query, 10, 5));
		const fresh = queries.map((query) => createSearchIndex(textCorpus()).search(query, 10, 5));
		expect(answers).toEqual(fresh);
	});

	it('reads eight words at most, and then lists nothing as matching every word', () => {
		const many = first('india oil crude imports discounted russian partners balancing reactors');
		expect(many.entities.length).toBeGreaterThan(0);
		expect(many.entities.every((r) => !r.all)).toBe(true);
	});

	it('reads a quoted phrase with dotted words as its words', () => {
		const dotted = createSearchIndex(
			searchCorpus(
				{ nodeTypes: {}, edgeTypes: {} },
				[entry('us', 'United States', 'country'), entry('cuba', 'Cuba', 'country')],
				[
					{
						key: 'embargo',
						source: 'us',
						target: 'cuba',
						attributes: {
							type: 'restricts',
							label: 'restricts',
							claim: 'The U.S. imposed an embargo in 1962.'
						}
					}
				]
			)
		);
		expect(dotted.search('"U.S. imposed"', 10, 5).relations.map((r) => r.key)).toEqual(['embargo']);
	});

	it('reads text and category attributes only', () => {
		expect(first('example').entities).toEqual([]);
		expect(first('2000').entities).toEqual([]);
	});

	it('does not match stop words inside texts, but keeps them inside phrases and names', () => {
		expect(first('the').entities).toEqual([]);
		expect(first('"special and"').entities.map((r) => r.key)).toEqual(['russia', 'india']);
	});

	it('a quoted phrase needs its words in a row', () => {
		expect(first('"privileged special"').entities).toEqual([]);
		expect(first('"crude oil"').entities.map((r) => r.key)).toEqual(['crude-oil', 'india']);
	});

	it('finds relationships by their own words, their entities supplying the rest', () => {
		// Both hold a form of the word; Russia's (more relationships) first.
		expect(first('discounted').relations.map((r) => r.key)).toEqual(['russia-sells-oil', 'india-buys-oil']);
		expect(first('discounted').relations.find((r) => r.key === 'india-buys-oil')).toEqual({
			key: 'india-buys-oil',
			source: { key: 'india', label: 'India' },
			target: { key: 'crude-oil', label: 'Crude oil' },
			label: 'buys',
			undirected: false,
			where: {
				field: 'claim',
				text: 'India imports discounted Russian crude oil.',
				marks: [[14, 24]]
			}
		});
		// "india" comes from an entity's name, "partnership" from the claim.
		expect(first('india partnership').relations.map((r) => r.key)).toEqual(['india-russia']);
		// A relationship is not listed for its entities' names alone.
		expect(first('kudankulam').relations).toEqual([]);
		// None unless asked for.
		expect(texts.search('discounted').relations).toEqual([]);
	});

	it('offers the closest names and the most connected entities of a type when nothing matches', () => {
		const answer = first('kudankulamm reactorz');
		expect(answer.entities.map((r) => r.key)).toContain('kudankulam');
		expect(first('qqqq')).toEqual({ entities: [], relations: [] });
		expect(texts.suggest('qqqq')).toEqual({ names: [], type: null });
		expect(first('Rushaa').entities).toEqual([]);
		const typo = texts.suggest('Rushaa');
		expect(typo.names.map((r) => r.key)).toEqual(['russia']);
		expect(typo.type).toMatchObject({
			type: 'country',
			label: 'Country',
			entities: [expect.objectContaining({ key: 'russia' }), expect.objectContaining({ key: 'india' })]
		});
		expect(first('kountrees').entities).toEqual([]);
		expect(texts.suggest('kountrees').type?.type).toBe('country');
		// Nothing to suggest for a query without words.
		expect(texts.suggest('  ?! ')).toEqual({ names: [], type: null });
	});
});

describe('createSearchIndexInSlices', () => {
	it('builds the index createSearchIndex builds, pausing between slices', async () => {
		const flagship = allGraphs().get('india-russia');
		if (!flagship) throw new Error('the flagship graph is missing');
		for (const corpus of [graphCorpus(flagship), textCorpus()]) {
			let pauses = 0;
			const sliced = await createSearchIndexInSlices(corpus, async () => void pauses++, 0);
			const whole = createSearchIndex(corpus);
			// With no time to a slice, it pauses at every point it may: after each sort, and every 1,000 documents.
			expect(pauses).toBeGreaterThanOrEqual(4);
			for (const query of ['india', 'oil', 'moscow summit', 'putin', 'zzzz', 'def', 'S-400'])
				expect(sliced.search(query, 20, 20), query).toEqual(whole.search(query, 20, 20));
			expect(sliced.suggest('indai')).toEqual(whole.suggest('indai'));
		}
	});
});
