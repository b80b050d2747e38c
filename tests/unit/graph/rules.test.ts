/**
 * The rules of the format (src/lib/graph/rules.ts), and that the schema and the validator's fast path both apply
 * exactly these rules: a value passes the schema, and keeps a graph on the fast path, when the rule says so.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanGraphFile } from '../../../src/lib/graph/fast-check';
import {
	ENTITY_KEY_PATTERN,
	GRAPH_ID_PATTERN,
	LIMITS,
	RESERVED_ENTITY_KEYS,
	SITE_PATHS,
	TYPE_KEY_PATTERN,
	isCalendarDate,
	isColour,
	isHttpUrl,
	isReservedName
} from '../../../src/lib/graph/rules';
import * as schema from '../../../src/lib/graph/schema';

const TEA = readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8');

describe('isReservedName', () => {
	it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
		'%s is reserved',
		(name) => expect(isReservedName(name)).toBe(true)
	);
	it.each(['india', 'proto', 'Constructor', 'to-string', 'prototype', ''])('%j is not', (name) =>
		expect(isReservedName(name)).toBe(false)
	);
});

describe('addresses of the site', () => {
	it('keeps graph ids and entity keys off the addresses the site uses itself', () => {
		expect([...SITE_PATHS].sort()).toEqual(['404', 'api', 'embed', 'local', 'oembed', 'open']);
		expect([...RESERVED_ENTITY_KEYS]).toEqual(['connect', 'data', 'story']);
	});
});

describe('patterns of ids and keys', () => {
	it.each([
		['tea-trade', true],
		['404', true],
		['a', true],
		['Tea-trade', false],
		['-tea', false],
		['tea_trade', false],
		['tea trade', false],
		['', false]
	])('graph id %j: %s', (id, ok) => expect(GRAPH_ID_PATTERN.test(id)).toBe(ok));

	it.each([
		['country', true],
		['a-b_c', true],
		['a1', true],
		['1a', false],
		['-a', false],
		['Country', false],
		['a.b', false],
		['', false]
	])('type key %j: %s', (key, ok) => expect(TYPE_KEY_PATTERN.test(key)).toBe(ok));

	it.each([
		['kenya', true],
		['Kenya.tea_1-2', true],
		['0', true],
		['.a', false],
		['_a', false],
		['a/b', false],
		['é', false],
		['a b', false],
		['', false]
	])('entity key %j: %s', (key, ok) => expect(ENTITY_KEY_PATTERN.test(key)).toBe(ok));
});

describe('isColour', () => {
	it.each(['#fff', '#FFF', '#0072B2', '#0072b2'])('%s is a colour', (value) =>
		expect(isColour(value)).toBe(true)
	);
	it.each(['#0072B', '#ffff', '#ggg', 'red', '0072B2', '#0072B2 ', '', 'rgb(0, 114, 178)'])(
		'%j is not',
		(value) => expect(isColour(value)).toBe(false)
	);
});

describe('isHttpUrl', () => {
	it.each(['https://example.com/a?b#c', 'http://example.org', 'HTTPS://EXAMPLE.COM', 'http:x'])(
		'%s is an http(s) URL',
		(value) => expect(isHttpUrl(value)).toBe(true)
	);
	it.each([
		'javascript:alert(1)',
		' javascript:alert(1)',
		'data:text/plain,tea',
		'ftp://example.com',
		'file:///etc/passwd',
		'example.com',
		'//example.com',
		'/report.pdf',
		''
	])('%j is not', (value) => expect(isHttpUrl(value)).toBe(false));
});

describe('isCalendarDate', () => {
	it.each(['2020', '2020-02', '2020-02-29', '2000-02-29', '1999-12-31', '0000'])('%s is a date', (value) =>
		expect(isCalendarDate(value)).toBe(true)
	);
	it.each([
		'2021-02-29',
		'1900-02-29',
		'2020-13',
		'2020-00',
		'2020-01-00',
		'2020-04-31',
		'2020-1-1',
		'20200101',
		''
	])('%j is not', (value) => expect(isCalendarDate(value)).toBe(false));
});

describe('the schema reads its rules from rules.ts', () => {
	it('exports the same limits and names', () => {
		expect(schema.LIMITS).toBe(LIMITS);
		expect(schema.SITE_PATHS).toBe(SITE_PATHS);
		expect(schema.RESERVED_ENTITY_KEYS).toBe(RESERVED_ENTITY_KEYS);
		expect(schema.isReservedName).toBe(isReservedName);
	});
});

/** Strings near the rules' edges: letters of every kind, digits, separators, "#", ":" and "/". */
const nearly = fc.oneof(
	fc.string({ maxLength: 10 }),
	fc.stringMatching(/^[#0-9a-gA-G]{0,8}$/),
	fc.stringMatching(/^[a-zA-Z0-9._ /-]{0,12}$/),
	fc.stringMatching(/^\d{4}(-\d{1,2}(-\d{1,2})?)?$/),
	fc.webUrl(),
	fc.constantFrom(
		'javascript:alert(1)',
		'data:,x',
		'http:',
		'https://',
		...SITE_PATHS,
		...RESERVED_ENTITY_KEYS
	)
);

/** The parts of tea-trade.json that the tests below change. */
interface Tea {
	attributes: {
		id: string;
		sources: Record<string, unknown>[];
		nodeTypes: Record<string, Record<string, unknown>>;
	};
	edges: { key?: string; attributes: { evidence: { source: string }[] } }[];
}

const EDGE_KEYS = (JSON.parse(TEA) as Tea).edges.map((edge) => edge.key);

/** tea-trade.json with one value changed; whether the fast path calls it clean. */
function cleanWith(change: (graph: Tea) => void, file = 'tea-trade.json'): boolean {
	const graph = JSON.parse(TEA) as Tea;
	change(graph);
	return cleanGraphFile(graph, file) !== undefined;
}

describe('the schema and the fast path apply the same rules', () => {
	it('graph ids', () => {
		fc.assert(
			fc.property(nearly, (id) => {
				const rule =
					id.length >= 1 && id.length <= LIMITS.graphId && GRAPH_ID_PATTERN.test(id) && !SITE_PATHS.has(id);
				expect(schema.graphIdSchema.safeParse(id).success).toBe(rule);
				expect(cleanWith((graph) => (graph.attributes.id = id), `${id}.json`)).toBe(rule);
			}),
			{ numRuns: 300 }
		);
	});

	it('type keys and source ids', () => {
		fc.assert(
			fc.property(nearly, (key) => {
				const rule =
					key.length >= 1 &&
					key.length <= LIMITS.typeKey &&
					TYPE_KEY_PATTERN.test(key) &&
					!isReservedName(key);
				expect(schema.typeKeySchema.safeParse(key).success).toBe(rule);
				expect(
					cleanWith((graph) => {
						(graph.attributes.sources[0] as Record<string, unknown>).id = key;
						for (const edge of graph.edges)
							for (const evidence of edge.attributes.evidence) evidence.source = key;
					})
				).toBe(rule);
			}),
			{ numRuns: 300 }
		);
	});

	it('entity keys', () => {
		fc.assert(
			fc.property(nearly, (key) => {
				const rule =
					key.length >= 1 &&
					key.length <= LIMITS.entityKey &&
					ENTITY_KEY_PATTERN.test(key) &&
					!isReservedName(key);
				expect(schema.entityKeySchema.safeParse(key).success).toBe(rule);
				expect(cleanWith((graph) => ((graph.edges[0] as Tea['edges'][number]).key = key))).toBe(
					rule && !EDGE_KEYS.slice(1).includes(key)
				);
			}),
			{ numRuns: 300 }
		);
	});

	it('colours, URLs and dates', () => {
		fc.assert(
			fc.property(nearly, (value) => {
				const colour = isColour(value);
				expect(schema.nodeTypeSchema.shape.color.safeParse(value).success).toBe(colour);
				expect(
					cleanWith(
						(graph) => ((graph.attributes.nodeTypes.country as Record<string, unknown>).color = value)
					)
				).toBe(colour);

				const url = value.length <= LIMITS.url && isHttpUrl(value);
				expect(schema.sourceSchema.shape.url.safeParse(value).success).toBe(url);
				expect(
					cleanWith((graph) => ((graph.attributes.sources[0] as Record<string, unknown>).url = value))
				).toBe(url);

				const date = isCalendarDate(value);
				expect(schema.sourceSchema.shape.date.safeParse(value).success).toBe(date);
				expect(
					cleanWith((graph) => ((graph.attributes.sources[0] as Record<string, unknown>).date = value))
				).toBe(date);
			}),
			{ numRuns: 300 }
		);
	});
});
