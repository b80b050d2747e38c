/**
 * The validator's fast path (src/lib/graph/fast-check.ts) against the full check it stands in for: it may say
 * "clean" only when the full check reports nothing at all, and then its data must be zod's, key order included.
 * Fixtures first, then property tests: random mutations of small valid graphs, and random generated graphs.
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type KnowledgeGraph, buildGraph } from '../../../src/lib/graph/build';
import {
	FAST_CHECK_FIELDS,
	cleanGraphFile,
	fastCheckEnabled,
	isCleanGraphFile
} from '../../../src/lib/graph/fast-check';
import {
	type LoadResult,
	loadGraph,
	readGraphData,
	validateGraphData,
	validateGraphDataInFull,
	withDataKinds
} from '../../../src/lib/graph/load';
import { KNOWN_FIELDS, LIMITS } from '../../../src/lib/graph/schema';
import { generateGraph } from '../../bench/generate';

const RUNS = 1_000;
const TIMEOUT = 120_000;

/** The full check's answer: ok with no warnings, and its data. */
function fullCheck(raw: unknown, file: string) {
	return validateGraphDataInFull(raw, file);
}

/** loadGraph without the fast path. */
function slowLoad(input: string | Uint8Array, file: string): LoadResult {
	const parsed = readGraphData(input, file);
	if (!parsed.ok) return parsed;
	const checked = validateGraphDataInFull(parsed.value, file);
	if (!checked.ok) return checked;
	return { ok: true, graph: withDataKinds(buildGraph(checked.data)), warnings: checked.warnings };
}

/** graph.export(), with the keys graphology makes up for edges that have none (random per graph) made equal. */
function exported(graph: KnowledgeGraph) {
	const data = graph.export();
	return {
		...data,
		edges: data.edges.map((edge) => (edge.key?.startsWith('geid_') ? { ...edge, key: 'geid' } : edge))
	};
}

/** Fast and slow loads agree: same outcome, same problems or warnings, same graph. */
function expectSameLoad(input: string | Uint8Array, file: string): LoadResult {
	const fast = loadGraph(input, file);
	const slow = slowLoad(input, file);
	expect(fast.ok).toBe(slow.ok);
	if (fast.ok && slow.ok) {
		expect(fast.warnings).toEqual(slow.warnings);
		expect(exported(fast.graph)).toStrictEqual(exported(slow.graph));
		expect(JSON.stringify(exported(fast.graph))).toBe(JSON.stringify(exported(slow.graph)));
	} else if (!fast.ok && !slow.ok) {
		expect(fast.problems).toEqual(slow.problems);
	}
	return fast;
}

/** The fast path's promise for one value: clean implies nothing to report and zod's data, unchanged input. */
function expectSound(raw: unknown, file: string): boolean {
	const before = JSON.stringify(raw);
	const clean = cleanGraphFile(raw, file);
	expect(JSON.stringify(raw)).toBe(before);
	const full = fullCheck(raw, file);
	if (clean !== undefined) {
		expect(full.ok ? full.warnings : full.problems).toEqual([]);
		expect(full.ok).toBe(true);
		if (full.ok) {
			expect(clean).toStrictEqual(full.data);
			// zod writes every object in the schema's order; so must the fast path.
			expect(JSON.stringify(clean)).toBe(JSON.stringify(full.data));
		}
	}
	// validateGraphData (fast path first) answers exactly what the full check answers.
	expect(validateGraphData(raw, file)).toStrictEqual(full);
	return clean !== undefined;
}

describe('the fast path is in step with the schema', () => {
	it('checks exactly the fields the schema knows, in its order', () => {
		expect(FAST_CHECK_FIELDS).toEqual(KNOWN_FIELDS);
		expect(fastCheckEnabled()).toBe(true);
	});
});

describe('fixtures', () => {
	const INVALID = 'tests/fixtures/invalid';
	it.each(readdirSync(INVALID).sort())('invalid/%s is not clean', (name) => {
		const file = join(INVALID, name);
		const bytes = readFileSync(file);
		const parsed = readGraphData(bytes, file);
		if (parsed.ok) {
			expect(isCleanGraphFile(parsed.value, file)).toBe(false);
			expectSound(parsed.value, file);
		}
		expect(expectSameLoad(bytes, file).ok).toBe(false);
	});

	const valid = ['tests/fixtures/valid', 'tests/fixtures/graphs', 'graph-data'].flatMap((dir) =>
		readdirSync(dir)
			.filter((name) => name.endsWith('.json'))
			.sort()
			.map((name) => join(dir, name))
	);
	it.each(valid)('%s loads to the same graph and warnings either way', (file) => {
		const bytes = readFileSync(file);
		const result = expectSameLoad(bytes, file);
		expect(result.ok).toBe(true);
		const parsed = readGraphData(bytes, file);
		if (!parsed.ok) throw new Error('parses');
		expectSound(parsed.value, file);
		// A file with nothing to report takes the fast path (else it would still be slow).
		if (result.ok && result.warnings.length === 0) expect(cleanGraphFile(parsed.value, file)).toBeDefined();
	});

	it('fills in defaults and the schema key order without touching the input', () => {
		const raw = JSON.parse(readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8'));
		const tea = raw.nodes.find((node: { key: string }) => node.key === 'tea');
		delete tea.attributes.description;
		raw.edges[0] = {
			attributes: raw.edges[0].attributes,
			target: raw.edges[0].target,
			source: raw.edges[0].source
		};
		const clean = cleanGraphFile(raw, 'tea-trade.json');
		expect(clean).toBeDefined();
		const node = clean?.nodes.find((entry) => entry.key === 'tea');
		expect(Object.keys(node?.attributes ?? {})).toEqual([
			'label',
			'type',
			'description',
			'aliases',
			'x',
			'y',
			'size'
		]);
		expect(node?.attributes.description).toBe('');
		expect(Object.keys(clean?.edges[0] ?? {})).toEqual(['source', 'target', 'attributes']);
		expect(tea.attributes).not.toHaveProperty('description');
		expectSound(raw, 'tea-trade.json');
	});
});

describe('values JSON.parse cannot make', () => {
	type Graph = {
		attributes: { sources: Record<string, unknown>[] };
		nodes: { attributes: Record<string, unknown> }[];
	};
	const cases: [string, (raw: Graph) => void][] = [
		[
			'a non-enumerable field',
			(raw) => Object.defineProperty(raw.nodes[0]?.attributes, 'size', { value: 500 })
		],
		[
			'a non-enumerable optional field of a source',
			(raw) => Object.defineProperty(raw.attributes.sources[0], 'url', { value: 'javascript:void 0' })
		],
		[
			'an optional field that is present but undefined',
			(raw) => Object.assign(raw.nodes[0]?.attributes ?? {}, { size: undefined })
		],
		[
			'a defaulted field that is present but undefined',
			(raw) => Object.assign(raw.nodes[0]?.attributes ?? {}, { aliases: undefined })
		],
		['an object with a prototype', (raw) => Object.setPrototypeOf(raw.nodes[0]?.attributes, { size: 500 })],
		['an object without a prototype', (raw) => Object.setPrototypeOf(raw.nodes[0]?.attributes, null)]
	];
	it.each(cases)('%s is not clean', (_, change) => {
		const raw = JSON.parse(readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8'));
		change(raw);
		expect(cleanGraphFile(raw, 'tea-trade.json')).toBeUndefined();
		expect(validateGraphData(raw, 'tea-trade.json')).toStrictEqual(fullCheck(raw, 'tea-trade.json'));
	});

	it('answers no, and does not throw, for a top level that is not an object', () => {
		for (const raw of [null, undefined, 42, 'graph', [], [{}], Object.create(null)])
			expect(cleanGraphFile(raw, 'x.json')).toBeUndefined();
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Random mutations of small valid graphs

type Json = unknown;
type Container = Record<string, Json> | Json[];

const BASES: { file: string; data: Json }[] = [
	{
		file: 'tea-trade.json',
		data: JSON.parse(readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8'))
	},
	{
		file: 'parallel-edges-and-self-loop.json',
		data: JSON.parse(readFileSync('tests/fixtures/valid/parallel-edges-and-self-loop.json', 'utf8'))
	},
	{
		file: 'small.json',
		data: JSON.parse(JSON.stringify(generateGraph({ nodes: 5, edges: 8, seed: 3, id: 'small' })))
	},
	{
		// Without edges nothing refers to the sources, so only the schema stops `sources: []`.
		file: 'no-edges.json',
		data: JSON.parse(JSON.stringify(generateGraph({ nodes: 3, edges: 0, seed: 5, id: 'no-edges' })))
	}
];

/** Every string of the base graphs: keys, types and ids, to make duplicates, dangling ends and valid swaps. */
const BASE_STRINGS = [
	...new Set(
		BASES.flatMap(({ data }) => {
			const out: string[] = [];
			const walk = (value: Json): void => {
				if (typeof value === 'string') out.push(value);
				else if (Array.isArray(value)) value.forEach(walk);
				else if (value && typeof value === 'object')
					for (const [key, item] of Object.entries(value)) {
						out.push(key);
						walk(item);
					}
			};
			walk(data);
			return out.filter((text) => text.length < 80);
		})
	)
];

const long = (n: number, letter = 'x') => letter.repeat(n);
const RESERVED = [
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'isPrototypeOf',
	'__defineGetter__'
];
const FIELD_NAMES = [...new Set(Object.values(KNOWN_FIELDS).flat())];
/** Strings of `limit` and `limit + 1` characters, and the empty string. */
const lengths = (limit: number) => ['', 'a', long(limit), long(limit + 1), long(limit, 'é')];

/** Values worth trying in a field of that name: edge cases of its rules, and valid values to swap in. */
const FIELD_VALUES: Record<string, Json[]> = {
	id: [
		...['tea-trade', 'small', 'parallel-edges-and-self-loop', 'renamed', 'api', 'embed', '404', 'connect'],
		...[
			'Tea-trade',
			'-tea',
			'tea_trade',
			'notes',
			'trade-ledger',
			'registry',
			'news-digest',
			'Notes',
			'1notes'
		],
		...[
			'a',
			long(LIMITS.graphId, 'a'),
			long(LIMITS.graphId + 1, 'a'),
			long(LIMITS.typeKey + 1, 'a'),
			...RESERVED
		]
	],
	title: lengths(LIMITS.sourceTitle).concat(lengths(LIMITS.title)),
	description: lengths(LIMITS.description).concat(lengths(LIMITS.graphDescription)),
	publisher: lengths(LIMITS.title),
	note: lengths(LIMITS.sourceNote),
	url: [
		...[
			'https://example.com/a?b#c',
			'http://example.org',
			'HTTPS://EXAMPLE.COM',
			'http://',
			'https:',
			'http:x'
		],
		...[
			'javascript:alert(1)',
			'data:text/plain,tea',
			'ftp://example.com',
			'example.com',
			'',
			'//example.com'
		],
		`https://example.com/${long(LIMITS.url - 20)}`,
		`https://example.com/${long(LIMITS.url)}`
	],
	date: [
		'2020',
		'2020-02',
		'2020-02-29',
		'2021-02-29',
		'2020-13',
		'2020-00',
		'2020-01-00',
		'2020-1-1',
		'20200101'
	],
	label: lengths(LIMITS.label),
	color: ['#fff', '#FFF', '#0072B2', '#0072b2', '#0072B', '#ffff', '#ggg', 'red', '0072B2', '#0072B2 '],
	type: [
		'directed',
		'mixed',
		'undirected',
		'drink',
		'Country',
		'country',
		'commodity',
		'exports',
		'buys',
		...RESERVED
	],
	multi: [true, false, 'true', 1, null],
	allowSelfLoops: [true, false, 'false', 0, null],
	key: [
		...['connect', 'Connect', 'kenya.tea', 'a b', 'a/b', '-a', '.a', '_a', 'A', '0', 'é', ...RESERVED],
		...[long(LIMITS.entityKey), long(LIMITS.entityKey + 1), '', 7, null, 'kenya', 'tea', 'kenya-exports-tea']
	],
	aliases: [
		[],
		[''],
		['Nairobi'],
		[long(LIMITS.alias)],
		[long(LIMITS.alias + 1)],
		[7],
		Array.from({ length: LIMITS.aliases }, (_, i) => `alias ${i}`),
		Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `alias ${i}`)
	],
	alias: lengths(LIMITS.alias),
	x: [0, -0, 0.5, LIMITS.coordinate, -LIMITS.coordinate, LIMITS.coordinate + 0.01, NaN, Infinity, '1'],
	y: [0, -1, 12345678, -LIMITS.coordinate - 0.001, -Infinity, NaN, null, true],
	size: [LIMITS.minSize, LIMITS.maxSize, 0.999, 100.001, 0, 12, NaN, Infinity, '12', null],
	source: ['kenya', 'tea', 'japan', 'notes', 'encyclopedia', 'trade-ledger', 'registry', ...RESERVED],
	target: ['kenya', 'tea', 'japan', 'notes', 7, ...RESERVED],
	undirected: [false, true, null, 'false', 0],
	claim: lengths(LIMITS.claim),
	section: lengths(LIMITS.section),
	evidence: [[], [{ source: 'notes', section: 'Trade' }], [{ source: 'notes' }], ['notes'], {}],
	evidenceItem: [
		{ source: 'notes', section: 'Trade' },
		{ section: 'Trade', source: 'notes' },
		{},
		null,
		'notes'
	],
	sources: [[], [{ id: 'notes', title: 'Notes' }], {}],
	sourceItem: [
		{ id: 'notes', title: 'Notes' },
		{ id: 'other', title: 'Other', url: 'https://example.com' },
		{}
	],
	nodeTypes: [{}, { country: { label: 'Country', color: '#0072B2' } }, []],
	edgeTypes: [{}, { exports: { label: 'exports' } }, []],
	nodeType: [{ label: 'Thing', color: '#123456' }, { color: '#123', label: 'Thing' }, { label: 'Thing' }],
	edgeType: [{ label: 'thing' }, { label: '' }, {}],
	options: [{}, { type: 'directed' }, { type: 'undirected' }, { multi: false }, null],
	nodes: [[], {}, null],
	edges: [[], {}, null],
	attributes: [{}, null, []]
};
/** Names of keys in records of types: type keys right and wrong. */
const TYPE_KEYS = [
	...['country', 'thing', 'a', 'a-b_c', 'Country', '1a', '-a', 'a b', '', long(LIMITS.typeKey, 'a')],
	...[long(LIMITS.typeKey + 1, 'a'), ...RESERVED]
];

/** What a container is, by where it sits; its fields (to add) and what its items are called. */
const KINDS: Record<string, { fields?: readonly string[]; item?: string; record?: string }> = {
	top: { fields: KNOWN_FIELDS.top },
	graph: { fields: KNOWN_FIELDS.graph },
	sources: { item: 'sourceItem' },
	source: { fields: KNOWN_FIELDS.source },
	nodeTypes: { record: 'nodeType' },
	nodeType: { fields: KNOWN_FIELDS.nodeType },
	edgeTypes: { record: 'edgeType' },
	edgeType: { fields: KNOWN_FIELDS.edgeType },
	options: { fields: KNOWN_FIELDS.options },
	nodes: { item: 'nodeItem' },
	nodeEntry: { fields: KNOWN_FIELDS.nodeEntry },
	node: { fields: KNOWN_FIELDS.node },
	aliases: { item: 'alias' },
	edges: { item: 'edgeItem' },
	edgeEntry: { fields: KNOWN_FIELDS.edgeEntry },
	edge: { fields: KNOWN_FIELDS.edge },
	evidenceList: { item: 'evidenceItem' },
	evidence: { fields: KNOWN_FIELDS.evidence },
	other: {}
};

function kindOf(path: string): string {
	const shape = path
		.replace(/\[\d+\]/g, '[]')
		.replace(/^attributes\.(nodeTypes|edgeTypes)\.[^.]*$/, 'attributes.$1.*');
	const kinds: Record<string, string> = {
		'': 'top',
		attributes: 'graph',
		'attributes.sources': 'sources',
		'attributes.sources[]': 'source',
		'attributes.nodeTypes': 'nodeTypes',
		'attributes.nodeTypes.*': 'nodeType',
		'attributes.edgeTypes': 'edgeTypes',
		'attributes.edgeTypes.*': 'edgeType',
		options: 'options',
		nodes: 'nodes',
		'nodes[]': 'nodeEntry',
		'nodes[].attributes': 'node',
		'nodes[].attributes.aliases': 'aliases',
		edges: 'edges',
		'edges[]': 'edgeEntry',
		'edges[].attributes': 'edge',
		'edges[].attributes.evidence': 'evidenceList',
		'edges[].attributes.evidence[]': 'evidence'
	};
	return kinds[shape] ?? 'other';
}

/** Every object and array inside `root`, grouped by kind (root first). */
function containers(root: Json): Map<string, Container[]> {
	const out = new Map<string, Container[]>();
	const walk = (value: Json, path: string) => {
		if (value === null || typeof value !== 'object') return;
		const kind = kindOf(path);
		if (!out.has(kind)) out.set(kind, []);
		out.get(kind)?.push(value as Container);
		if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
		else for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
	};
	walk(root, '');
	return out;
}

const pickFrom = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

interface Mutation {
	op: 'set' | 'add' | 'delete' | 'copy' | 'duplicate' | 'reorder' | 'rename' | 'proto';
	/** Which kind of container, which one of that kind, which of its slots. */
	kind: number;
	instance: number;
	slot: number;
	/** Take the value (and name) from the tables for that field (most of the time), else the random ones. */
	tabled: boolean;
	choice: number;
	value: Json;
	name: string;
	from: number;
}

const anyValue: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom<Json>(NaN, Infinity, -Infinity, -0, 0, 1, 0.5, true, false, null, undefined, '', [], {}),
	fc.constantFrom(...BASE_STRINGS),
	fc.string({ maxLength: 12 }),
	fc.string({ unit: 'grapheme', maxLength: 6 }),
	fc.double(),
	fc.jsonValue({ maxDepth: 2 })
);

const anyName = fc.oneof(
	fc.constantFrom(...FIELD_NAMES, ...RESERVED, ...TYPE_KEYS),
	fc.constantFrom('lable', 'weight', 'Label', 'colour', 'size ', '0', '1'),
	fc.string({ maxLength: 8 })
);

const mutation: fc.Arbitrary<Mutation> = fc.record({
	op: fc.constantFrom<Mutation['op']>(
		...([
			'set',
			'set',
			'set',
			'set',
			'add',
			'add',
			'delete',
			'copy',
			'duplicate',
			'reorder',
			'rename',
			'proto'
		] as const)
	),
	kind: fc.nat(),
	instance: fc.nat(),
	slot: fc.nat(),
	tabled: fc.boolean(),
	choice: fc.nat(),
	value: anyValue,
	name: anyName,
	from: fc.nat()
});

function slots(container: Container): (string | number)[] {
	return Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
}

/** Writes as JSON.parse would: an own data property, even for "__proto__". */
function write(container: Container, slot: string | number, value: Json): void {
	Object.defineProperty(container, slot, { value, writable: true, enumerable: true, configurable: true });
}

function apply(root: Json, m: Mutation): void {
	const groups = containers(root);
	const kinds = [...groups.keys()];
	const kind = pickFrom(kinds, m.kind) ?? 'top';
	const target = pickFrom(groups.get(kind) ?? [], m.instance);
	if (!target) return;
	const { fields, item, record } = KINDS[kind] ?? {};
	const keys = slots(target);
	const slot = pickFrom(keys, m.slot);
	/** A value for the field `name`: from its table, else the random one. */
	const valueFor = (name: string | undefined): Json => {
		const table = name === undefined ? undefined : FIELD_VALUES[name];
		return m.tabled && table ? structuredClone(pickFrom(table, m.choice)) : m.value;
	};
	const nameOfSlot = (s: string | number | undefined) => (typeof s === 'number' ? item : (record ?? s));
	switch (m.op) {
		case 'set':
			if (slot !== undefined) write(target, slot, valueFor(nameOfSlot(slot)));
			break;
		case 'add': {
			if (Array.isArray(target)) {
				target.push(valueFor(item));
				break;
			}
			const name = m.tabled
				? record
					? pickFrom(TYPE_KEYS, m.choice)
					: pickFrom(fields ?? [], m.choice)
				: m.name;
			if (name !== undefined) write(target, name, valueFor(record ?? name));
			break;
		}
		case 'delete':
			if (slot === undefined) break;
			if (Array.isArray(target)) target.splice(slot as number, 1);
			else delete target[slot];
			break;
		case 'copy': {
			// Another value of the same kind of field: duplicate keys, swapped types, a dangling end.
			if (slot === undefined) break;
			const peers = groups.get(kind) ?? [];
			const source = pickFrom(peers, m.from) as Container;
			if (!Array.isArray(source) && !Array.isArray(target) && typeof slot === 'string' && slot in source)
				write(target, slot, structuredClone(source[slot]));
			else if (Array.isArray(source) && source.length && Array.isArray(target))
				write(target, slot, structuredClone(pickFrom(source, m.from)));
			break;
		}
		case 'duplicate':
			if (Array.isArray(target) && slot !== undefined) target.push(structuredClone(target[slot as number]));
			break;
		case 'reorder': {
			if (Array.isArray(target)) {
				target.reverse();
				break;
			}
			const entries = Object.entries(target);
			const shift = m.choice % Math.max(1, entries.length);
			for (const key of Object.keys(target)) delete target[key];
			for (const [key, value] of [...entries.slice(shift), ...entries.slice(0, shift)].reverse())
				write(target, key, value);
			break;
		}
		case 'rename': {
			if (slot === undefined || Array.isArray(target)) break;
			const value = target[slot];
			delete target[slot];
			write(target, m.tabled && record ? (pickFrom(TYPE_KEYS, m.choice) as string) : m.name, value);
			break;
		}
		case 'proto':
			if (!Array.isArray(target)) write(target, '__proto__', m.value);
			break;
	}
}

/** Marks an edit that deletes the field instead of writing a value. */
const DELETE = Symbol('delete');

/** Every field of every kind of object, with the values to try in it (and deleting it). */
const FIELD_TARGETS: { kind: string; field: string; values: (Json | typeof DELETE)[] }[] = Object.entries(
	KINDS
).flatMap(([kind, { fields }]) =>
	(fields ?? []).map((field) => ({ kind, field, values: [DELETE, ...(FIELD_VALUES[field] ?? [])] }))
);

interface Edit {
	base: number;
	target: number;
	instance: number;
	choice: number;
}

function edit(raw: Json, { target, instance, choice }: Omit<Edit, 'base'>): void {
	const { kind, field, values } = FIELD_TARGETS[
		target % FIELD_TARGETS.length
	] as (typeof FIELD_TARGETS)[number];
	const container = pickFrom(containers(raw).get(kind) ?? [], instance);
	if (!container || Array.isArray(container)) return;
	const value = pickFrom(values, choice);
	if (value === DELETE) delete container[field];
	else write(container, field, structuredClone(value));
}

describe('property: the fast path is never clean when the full check has something to say', () => {
	it(
		'holds for every edge case of every field, one at a time, in the first and last object of each kind',
		() => {
			let clean = 0;
			let total = 0;
			BASES.forEach(({ file, data }) => {
				FIELD_TARGETS.forEach(({ values }, target) => {
					for (const instance of [0, -1]) {
						values.forEach((_, choice) => {
							const raw = structuredClone(data);
							const count = containers(raw).get(FIELD_TARGETS[target]?.kind ?? '')?.length ?? 1;
							edit(raw, { target, instance: instance < 0 ? count - 1 : 0, choice });
							total++;
							if (expectSound(raw, file)) clean++;
						});
					}
				});
			});
			expect(total).toBeGreaterThan(RUNS);
			expect(clean).toBeGreaterThan(total * 0.2);
		},
		TIMEOUT
	);

	it(
		'holds for edge cases of several fields at once',
		() => {
			let clean = 0;
			const anyEdit = fc.record({ target: fc.nat(), instance: fc.nat(), choice: fc.nat() });
			fc.assert(
				fc.property(
					fc.nat(BASES.length - 1),
					fc.array(anyEdit, { minLength: 2, maxLength: 4 }),
					fc.boolean(),
					(base, edits, otherName) => {
						const { file, data } = BASES[base] as { file: string; data: Json };
						const raw = structuredClone(data);
						for (const one of edits) edit(raw, one);
						if (expectSound(raw, otherName ? 'renamed.json' : file)) clean++;
					}
				),
				{ numRuns: 3 * RUNS }
			);
			expect(clean).toBeGreaterThan(RUNS * 0.05);
		},
		TIMEOUT
	);

	it(
		'holds for random mutations of small valid graphs',
		() => {
			let clean = 0;
			let total = 0;
			fc.assert(
				fc.property(
					fc.nat(BASES.length - 1),
					fc.array(mutation, { minLength: 1, maxLength: 2 }),
					fc.boolean(),
					(base, mutations, otherName) => {
						const { file, data } = BASES[base] as { file: string; data: Json };
						const raw = structuredClone(data);
						for (const m of mutations) apply(raw, m);
						total++;
						if (expectSound(raw, otherName ? 'renamed.json' : file)) clean++;
					}
				),
				{ numRuns: 2 * RUNS }
			);
			// Not vacuous: mutations that keep a graph valid (reordered keys, a label changed…) stay on the fast path.
			expect(clean).toBeGreaterThan(total * 0.1);
			expect(clean).toBeLessThan(total * 0.9);
		},
		TIMEOUT
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Random valid graphs

describe('property: generated graphs take the fast path and load as they would without it', () => {
	it(
		'is clean, gives zod’s data and the same graph',
		() => {
			fc.assert(
				fc.property(
					fc.integer({ min: 1, max: 40 }),
					fc.integer({ min: 0, max: 120 }),
					fc.integer({ min: 0, max: 2 ** 31 }),
					fc.boolean(),
					(nodes, edges, seed, dropDefaults) => {
						const data = generateGraph({ nodes, edges, seed });
						if (dropDefaults) {
							// Optional fields with defaults may be left out; the fast path fills them in like zod.
							data.nodes.forEach((node, i) => {
								const attributes: Partial<typeof node.attributes> = node.attributes;
								if (i % 2) delete attributes.aliases;
								if (i % 3) delete attributes.description;
							});
						}
						const text = JSON.stringify(data);
						const file = `${data.attributes.id}.json`;
						const raw = JSON.parse(text);
						expect(cleanGraphFile(raw, file)).toBeDefined();
						expect(expectSound(raw, file)).toBe(true);
						const result = expectSameLoad(text, file);
						expect(result.ok && result.warnings).toEqual([]);
					}
				),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);
});
