/**
 * Entity search (src/lib/graph/search.ts): what it finds, what it reports as the matched name, in what order,
 * and that no query can break it. A small hand-built list stands in for a graph; one test goes through a
 * graph file to cover `searchEntries`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../../src/lib/graph/load';
import {
	MAX_LIMIT,
	MAX_QUERY_LENGTH,
	type SearchEntry,
	createSearchIndex,
	normalizeName,
	searchEntries
} from '../../../src/lib/graph/search';

const entry = (key: string, label: string, type: string, aliases: string[] = []): SearchEntry => ({
	key,
	label,
	type,
	aliases
});

const ENTRIES: readonly SearchEntry[] = [
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

const index = createSearchIndex(ENTRIES);
const keys = (query: string, limit?: number) => index.search(query, limit).map((result) => result.key);

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
		const twice = createSearchIndex([...ENTRIES, entry('india', 'Another India', 'country')]);
		expect(twice.size).toBe(ENTRIES.length);
		expect(twice.search('another')).toEqual([]);
	});

	it('builds from a graph with searchEntries', () => {
		const loaded = loadGraph(readFileSync('tests/fixtures/graphs/tea-trade.json'), 'tea-trade.json');
		if (!loaded.ok) throw new Error('the tea-trade fixture should load');
		const entries = searchEntries(loaded.graph);
		expect(entries).toContainEqual({ key: 'kenya', label: 'Kenya', type: 'country', aliases: ['Nairobi'] });
		const graphIndex = createSearchIndex(entries);
		expect(graphIndex.size).toBe(loaded.graph.order);
		expect(graphIndex.search('nairobi')).toEqual([
			{ key: 'kenya', label: 'Kenya', type: 'country', match: 'Nairobi' }
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
		const found = index.search(query).find((result) => result.key === key);
		expect(found).toEqual({
			key,
			label: ENTRIES.find((e) => e.key === key)?.label,
			type: ENTRIES.find((e) => e.key === key)?.type,
			match
		});
	});
});

describe('search ranks', () => {
	it.each([
		// exact label, label prefix, then a word inside a label
		['india', ['india', 'indian-ocean', 'make-in-india']],
		// exact label, label prefix, then fuzzy
		['russia', ['russia', 'russian-navy', 'prussia']],
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
		expect(index.search('putin')[0]?.match).toBe('Vladimir Putin');
		expect(index.search('sao tome')[0]?.match).toBe('São Tomé and Príncipe');
	});

	it('gives the same results whatever order the entries come in', () => {
		const reversed = createSearchIndex([...ENTRIES].reverse());
		const shuffled = createSearchIndex(
			ENTRIES.filter((_, i) => i % 2 === 0).concat(ENTRIES.filter((_, i) => i % 2))
		);
		for (const query of ['p', 'in', 'georgia', 'washington', 'rusia', 'a', 'e', 'o']) {
			const expected = index.search(query, MAX_LIMIT);
			expect(reversed.search(query, MAX_LIMIT)).toEqual(expected);
			expect(shuffled.search(query, MAX_LIMIT)).toEqual(expected);
			expect(index.search(query, MAX_LIMIT)).toEqual(expected);
		}
	});
});

describe('search limits', () => {
	const ports = createSearchIndex(
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
		const results = ports.search('port', limit);
		expect(results).toHaveLength(count);
		expect(results.map((r) => r.key)).toEqual(Array.from({ length: count }, (_, i) => port(i)));
	});
});

describe('search never breaks', () => {
	it.each(['', ' ', '   \t\n ', '\u00a0', '\u200b'])('empty query %j -> []', (query) => {
		expect(index.search(query)).toEqual([]);
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
		const results = index.search(query);
		expect(Array.isArray(results)).toBe(true);
		expect(results.length).toBeLessThanOrEqual(10);
	});

	it('cuts a 10 kB query to its first characters, fast', () => {
		const started = performance.now();
		expect(keys(`india${' '.repeat(10_000)}`)).toEqual(['india', 'indian-ocean', 'make-in-india']);
		expect(keys(`${'india '.repeat(2_000)}`)).toEqual([]);
		expect(keys(`kudankulam nuclear${'x'.repeat(10_000)}`)).toEqual([]);
		expect(performance.now() - started).toBeLessThan(500);
	});

	it('finds entities whose names are JavaScript property names', () => {
		const odd = createSearchIndex([
			entry('proto', '__proto__', 'thing'),
			entry('ctor', 'constructor', 'thing', ['toString'])
		]);
		expect(odd.search('proto').map((r) => r.key)).toEqual(['proto']);
		expect(odd.search('tostring')).toEqual([
			{ key: 'ctor', label: 'constructor', type: 'thing', match: 'toString' }
		]);
		expect(odd.search('constructor').map((r) => r.key)).toEqual(['ctor']);
	});

	it('indexes names with nothing searchable in them without trouble', () => {
		const odd = createSearchIndex([entry('q', '???', 'thing', ['!!!', '']), entry('a', 'Alpha', 'thing')]);
		expect(odd.size).toBe(2);
		expect(odd.search('???')).toEqual([]);
		expect(odd.search('alp').map((r) => r.key)).toEqual(['a']);
	});

	it('searches an empty index', () => {
		const empty = createSearchIndex([]);
		expect(empty.size).toBe(0);
		expect(empty.search('india')).toEqual([]);
	});
});
