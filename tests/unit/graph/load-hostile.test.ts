/**
 * Hostile and broken graph files. First a corpus: every case with the outcome it must produce, either rejected
 * with exactly these problems or accepted with exactly these warnings and a graph that holds what the file says
 * (each problem as its printed line with its code in the place of the file name: code, place, field, message). Then properties: loadGraph answers any input with a graph or with well-formed problems, never changes
 * Object.prototype or Array.prototype, and a valid graph survives export → load unchanged.
 */
import fc from 'fast-check';
import { MultiDirectedGraph } from 'graphology';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../../../src/lib/graph/build';
import { type LoadResult, loadGraph } from '../../../src/lib/graph/load';
import { PROBLEM_CODES, type Problem, formatProblem, isProblemCode } from '../../../src/lib/graph/problems';
import { LIMITS } from '../../../src/lib/graph/schema';

const RUNS = 1_000;
const TIMEOUT = 60_000;
const FILE = 'hostile.json';
const INVALID = 'tests/fixtures/invalid';
const VALID = 'tests/fixtures/valid';
const MB10 = 10 * 1024 * 1024;
const DEEP = 100_000;

// ---------------------------------------------------------------------------------------------------------------
// A small valid graph for the cases to break

type Obj = { [key: string]: unknown };
interface Doc {
	[key: string]: unknown;
	attributes: Obj & { sources: Obj[]; nodeTypes: Obj; edgeTypes: Obj };
	nodes: (Obj & { attributes: Obj })[];
	edges: (Obj & { attributes: Obj & { evidence: Obj[] } })[];
}

/** hostile.json: two nodes (kenya, tea), one edge (kenya-exports-tea), one source (notes). */
function base(): Doc {
	return {
		attributes: {
			id: 'hostile',
			title: 'Hostile input',
			description: 'A small valid graph that the cases below break.',
			sources: [{ id: 'notes', title: 'Notes written for the tests' }],
			nodeTypes: {
				country: { label: 'Country', color: '#0072B2' },
				commodity: { label: 'Commodity', color: '#E69F00' }
			},
			edgeTypes: { exports: { label: 'exports' } }
		},
		nodes: [
			{ key: 'kenya', attributes: { label: 'Kenya', type: 'country', x: -1, y: 0 } },
			{
				key: 'tea',
				attributes: {
					label: 'Tea',
					type: 'commodity',
					description: 'Dried tea leaves.',
					x: 1,
					y: 0,
					size: 12
				}
			}
		],
		edges: [
			{
				key: 'kenya-exports-tea',
				source: 'kenya',
				target: 'tea',
				attributes: {
					type: 'exports',
					label: 'exports',
					claim: 'Kenya sells its tea abroad.',
					evidence: [{ source: 'notes', section: 'Trade' }]
				}
			}
		]
	};
}

const kenya = (g: Doc) => g.nodes[0]?.attributes as Obj;
const tea = (g: Doc) => g.nodes[1]?.attributes as Obj;
const edge = (g: Doc) => g.edges[0] as Doc['edges'][number];
const source = (g: Doc) => g.attributes.sources[0] as Obj;

/** Sets a field as JSON.parse would: an own data property, even for "__proto__". */
function put(target: object, key: string, value: unknown): void {
	Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The base graph changed by `change`, as the text of a file (indented unless `compact`). */
function edited(change: (g: Doc) => void, compact = false): () => string {
	return () => {
		const g = base();
		change(g);
		return compact ? JSON.stringify(g) : JSON.stringify(g, null, 2);
	};
}

/** The text of the base graph, changed as text (for what JSON.stringify cannot write). */
function textEdited(change: (text: string) => string): () => string {
	return () => {
		const text = JSON.stringify(base(), null, 2);
		const changed = change(text);
		if (changed === text) throw new Error('the text edit changed nothing');
		return changed;
	};
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Where the first "K" (of Kenya's label) sits in the base file's bytes, and their number. */
const KENYA_AT = utf8(JSON.stringify(base(), null, 2)).indexOf(0x4b);
const BASE_BYTES = utf8(JSON.stringify(base(), null, 2)).length;

/** The base graph as bytes with `bad` inserted before Kenya's label (or at the end). */
function withBytes(bad: number[], atEnd = false): () => Uint8Array {
	return () => {
		const bytes = utf8(JSON.stringify(base(), null, 2));
		const at = atEnd ? bytes.length : KENYA_AT;
		const out = new Uint8Array(bytes.length + bad.length);
		out.set(bytes.subarray(0, at));
		out.set(bad, at);
		out.set(bytes.subarray(at), at + bad.length);
		return out;
	};
}

const fixture = (dir: string, name: string) => () => readFileSync(`${dir}/${name}.json`);

const nestedArrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObjects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** A node that only needs a key. */
const plainNode = (key: string, label = key) => ({ key, attributes: { label, type: 'country', x: 0, y: 0 } });
/** An edge between two keys, with or without a key of its own. */
const plainEdge = (from: string, to: string, key?: string, claim = 'A test relationship.') => ({
	...(key === undefined ? {} : { key }),
	source: from,
	target: to,
	attributes: { type: 'exports', label: 'exports', claim, evidence: [{ source: 'notes', section: 'Trade' }] }
});

// ---------------------------------------------------------------------------------------------------------------
// The corpus

interface Rejected {
	name: string;
	input: () => string | Uint8Array;
	file?: string;
	/**
	 * Every problem line, its code in the place of the file name: `value.too-big › node kenya › x: …`; a warning
	 * among them `warning: field.unknown › …`.
	 */
	rejected: string[];
}
interface Accepted {
	name: string;
	input: () => string | Uint8Array;
	file?: string;
	/** Every warning line, its code in the place of the file name: `field.unknown › node kenya › extra: …`. */
	warnings?: string[];
	/** What the graph must hold; throws (expect) when it does not. */
	accepted: (graph: KnowledgeGraph) => void;
}
type Case = Rejected | Accepted;

const RESERVED = 'is a name reserved by JavaScript (a property of Object.prototype)';

/** `__proto__`, `constructor` and `toString`, each as it is shown in a problem's `where` (showKey). */
const HOSTILE_NAMES: [name: string, shown: string][] = [
	['__proto__', '"__proto__"'],
	['constructor', 'constructor'],
	['toString', 'toString']
];

/** Each hostile name in every position a name can take, built from the base graph. */
const reservedNameCases: Case[] = HOSTILE_NAMES.flatMap(([name, shown]): Case[] => [
	{
		name: `${name} as a node key`,
		input: edited((g) => g.nodes.push(plainNode(name))),
		rejected: [`key.reserved › node ${shown} › key: ${RESERVED}; rename it`]
	},
	{
		name: `${name} as both endpoints of an edge`,
		input: edited((g) => g.edges.push(plainEdge(name, name, 'odd-edge'))),
		rejected: [
			`ref.unknown-node › edge odd-edge › source: no node has the key ${shown}`,
			`ref.unknown-node › edge odd-edge › target: no node has the key ${shown}`
		]
	},
	{
		name: `${name} as a node attribute name`,
		input: edited((g) => put(kenya(g), name, { polluted: 'yes' })),
		rejected: [`field.reserved › node kenya › ${name}: ${RESERVED}; remove or rename it`]
	},
	{
		name: `${name} as an edge attribute name`,
		input: edited((g) => put(edge(g).attributes, name, { polluted: 'yes' })),
		rejected: [`field.reserved › edge kenya-exports-tea › ${name}: ${RESERVED}; remove or rename it`]
	},
	{
		name: `${name} as a graph attribute name`,
		input: edited((g) => put(g.attributes, name, { polluted: 'yes' })),
		rejected: [`field.reserved › graph › ${name}: ${RESERVED}; remove or rename it`]
	},
	{
		name: `${name} as a top-level field`,
		input: edited((g) => put(g, name, { polluted: 'yes' })),
		rejected: [`field.reserved › ${name}: ${RESERVED}; remove or rename it`]
	},
	{
		name: `${name} as a declared node type that a node uses`,
		input: edited((g) => {
			put(g.attributes.nodeTypes, name, { label: 'Odd', color: '#123456' });
			kenya(g).type = name;
		}),
		rejected: [
			name === '__proto__'
				? `key.reserved › graph › nodeTypes["__proto__"]: ${RESERVED}; rename it`
				: `key.reserved › graph › nodeTypes.${name}: key ${RESERVED}; rename it`
		]
	},
	{
		name: `${name} as an undeclared node type`,
		input: edited((g) => (kenya(g).type = name)),
		rejected: [`ref.unknown-type › node kenya › type: "${name}" is not declared in the graph's nodeTypes`]
	},
	{
		name: `${name} as a declared edge type that an edge uses`,
		input: edited((g) => {
			put(g.attributes.edgeTypes, name, { label: 'odd' });
			edge(g).attributes.type = name;
		}),
		rejected: [
			name === '__proto__'
				? `key.reserved › graph › edgeTypes["__proto__"]: ${RESERVED}; rename it`
				: `key.reserved › graph › edgeTypes.${name}: key ${RESERVED}; rename it`
		]
	},
	{
		name: `${name} as an undeclared edge type`,
		input: edited((g) => (edge(g).attributes.type = name)),
		rejected: [
			`ref.unknown-type › edge kenya-exports-tea › type: "${name}" is not declared in the graph's edgeTypes`
		]
	},
	{
		name: `${name} as a source id that evidence cites`,
		input: edited((g) => {
			source(g).id = name;
			(edge(g).attributes.evidence[0] as Obj).source = name;
		}),
		rejected: [`key.reserved › graph › sources[0].id: ${RESERVED}; rename it`]
	},
	{
		name: `${name} as an evidence source that no source has`,
		input: edited((g) => ((edge(g).attributes.evidence[0] as Obj).source = name)),
		rejected: [
			`ref.unknown-source › edge kenya-exports-tea › evidence[0].source: "${name}" is not the id of any of the graph's sources`
		]
	}
]);

const URL_MESSAGE = 'value.url › graph › sources[0].url: must be an http: or https: URL';
const rejectedUrls: [string, string][] = [
	['javascript: URL', 'javascript:alert(1)'],
	['data: URL', 'data:text/html,<script>alert(1)</script>'],
	['vbscript: URL', 'vbscript:msgbox(1)'],
	['JAVASCRIPT: in capitals', 'JAVASCRIPT:alert(1)'],
	['JaVaScRiPt: in mixed case', 'JaVaScRiPt:alert(1)'],
	['javascript: after a leading space', ' javascript:alert(1)'],
	['javascript: after control characters', '\u0000\u001f\tjavascript:alert(1)'],
	['javascript: split by a tab and a newline', 'java\tscr\nipt:alert(1)'],
	['protocol-relative URL', '//evil.example/page'],
	['protocol-relative URL with backslashes', '\\\\evil.example\\page'],
	['file: URL', 'file:///etc/passwd'],
	['blob: URL', 'blob:https://example.org/0b6e5a9c'],
	['relative path', '/report.pdf']
];

const scalarTops: [string, string, string][] = [
	['an array', '[]', 'an array'],
	['a number', '42', 'the number 42'],
	['a string', '"graph"', 'the string "graph"'],
	['null', 'null', 'null'],
	['true', 'true', 'a boolean (true)'],
	['false', 'false', 'a boolean (false)']
];

const TOP = 'the top level must be a JSON object {attributes, options, nodes, edges}, not';
const EMPTY = 'file.empty: is empty; a graph file is a JSON object {attributes, options, nodes, edges}';
const COLOUR = 'must be a colour written #rgb or #rrggbb';

const CASES: Case[] = [
	// References between parts of the file
	{
		name: 'dangling edge target',
		input: edited((g) => (edge(g).target = 'japan')),
		rejected: ['ref.unknown-node › edge kenya-exports-tea › target: no node has the key japan']
	},
	{
		name: 'dangling source and target of an edge without a key',
		input: edited((g) => g.edges.push(plainEdge('nowhere', 'Tea'))),
		rejected: [
			'ref.unknown-node › edge #1 › source: no node has the key nowhere',
			'ref.unknown-node › edge #1 › target: no node has the key Tea'
		]
	},
	{
		name: 'fixture invalid/dangling-endpoint',
		file: `${INVALID}/dangling-endpoint.json`,
		input: fixture(INVALID, 'dangling-endpoint'),
		rejected: ['ref.unknown-node › edge kenya-exports-tea › target: no node has the key japan']
	},
	{
		name: 'duplicate node key',
		input: edited((g) => g.nodes.push(plainNode('tea'))),
		rejected: ['key.duplicate › node tea › key: duplicate node key: an earlier node has the same key']
	},
	{
		name: 'fixture invalid/duplicate-node-key',
		file: `${INVALID}/duplicate-node-key.json`,
		input: fixture(INVALID, 'duplicate-node-key'),
		rejected: ['key.duplicate › node tea › key: duplicate node key: an earlier node has the same key']
	},
	{
		name: 'duplicate edge key, on another pair of nodes',
		input: edited((g) => g.edges.push(plainEdge('tea', 'kenya', 'kenya-exports-tea'))),
		rejected: [
			'key.duplicate › edge kenya-exports-tea › key: duplicate edge key: an earlier edge has the same key'
		]
	},
	{
		name: 'fixture invalid/duplicate-edge-key',
		file: `${INVALID}/duplicate-edge-key.json`,
		input: fixture(INVALID, 'duplicate-edge-key'),
		rejected: [
			'key.duplicate › edge kenya-exports-tea › key: duplicate edge key: an earlier edge has the same key'
		]
	},
	{
		name: 'duplicate source id',
		input: edited((g) => g.attributes.sources.push({ id: 'notes', title: 'Other notes' })),
		rejected: ['key.duplicate › graph › sources[1].id: "notes" is used by an earlier source too']
	},
	{
		name: 'node keys that differ only in case are two nodes',
		input: edited((g) => g.nodes.push(plainNode('Tea'))),
		accepted: (graph) => {
			expect(graph.nodes()).toEqual(['kenya', 'tea', 'Tea']);
			expect(graph.getNodeAttribute('Tea', 'type')).toBe('country');
		}
	},
	{
		name: 'an edge keyed like one graphology generates, after an edge without a key',
		input: edited((g) => {
			// graphology keys an edge without one `geid_<graph instance>_<n>`; the graph that loadGraph builds
			// next is the instance after this probe. Its first generated key must not take the file's key.
			const probe = new MultiDirectedGraph();
			probe.addNode('a');
			const instance = Number(probe.addDirectedEdge('a', 'a').split('_')[1]);
			g.edges.unshift(plainEdge('tea', 'kenya', undefined, 'No key.'));
			for (let i = 1; i <= 3; i++)
				g.edges.push(plainEdge('kenya', 'kenya', `geid_${instance + i}_0`, `${i}`));
		}),
		accepted: (graph) => {
			expect(graph.size).toBe(5);
			const claims = graph.mapEdges((key, attributes) => [key.replace(/_\d+_/, '_N_'), attributes.claim]);
			expect(claims).toEqual([
				[expect.stringMatching(/^geid_N_\d+$/), 'No key.'],
				['kenya-exports-tea', 'Kenya sells its tea abroad.'],
				['geid_N_0', '1'],
				['geid_N_0', '2'],
				['geid_N_0', '3']
			]);
			// The generated key is none of the file's keys, and each keyed edge kept its own.
			const [generated] = graph.outEdges('tea', 'kenya');
			expect(graph.getEdgeAttribute(generated as string, 'claim')).toBe('No key.');
			const keyed = graph.outEdges('kenya', 'kenya');
			expect(keyed).not.toContain(generated);
			expect(keyed.map((key) => graph.getEdgeAttribute(key, 'claim')).sort()).toEqual(['1', '2', '3']);
		}
	},

	// Reserved names, each in each position
	...reservedNameCases,
	{
		name: 'fixture invalid/proto-node-key',
		file: `${INVALID}/proto-node-key.json`,
		input: fixture(INVALID, 'proto-node-key'),
		rejected: [`key.reserved › node "__proto__" › key: ${RESERVED}; rename it`]
	},
	{
		name: 'fixture invalid/proto-attribute-name',
		file: `${INVALID}/proto-attribute-name.json`,
		input: fixture(INVALID, 'proto-attribute-name'),
		rejected: [`field.reserved › node tea › __proto__: ${RESERVED}; remove or rename it`]
	},
	{
		name: 'fixture invalid/prototype-edge-endpoints',
		file: `${INVALID}/prototype-edge-endpoints.json`,
		input: fixture(INVALID, 'prototype-edge-endpoints'),
		rejected: [
			`key.reserved › node toString › key: ${RESERVED}; rename it`,
			'ref.unknown-node › edge kenya-exports-tea › source: no node has the key constructor'
		]
	},
	{
		name: 'fixture invalid/prototype-type-name',
		file: `${INVALID}/prototype-type-name.json`,
		input: fixture(INVALID, 'prototype-type-name'),
		rejected: [`key.reserved › graph › nodeTypes.constructor: key ${RESERVED}; rename it`]
	},
	{
		name: 'an unknown attribute holding a __proto__ payload',
		input: edited((g) => {
			const payload = {};
			put(payload, '__proto__', { polluted: 'yes' });
			kenya(g).extra = payload;
		}),
		// Kept as data, as JSON text: the payload is never an object of the graph.
		accepted: (graph) => {
			expect(graph.getNodeAttributes('kenya')).not.toHaveProperty('extra');
			expect(graph.getNodeAttributes('kenya').data).toEqual({ extra: '{"__proto__":{"polluted":"yes"}}' });
			expect(({} as Obj).polluted).toBeUndefined();
		}
	},

	// Wrong value types
	{
		name: 'a string where a number goes',
		input: edited((g) => (kenya(g).x = '12')),
		rejected: ['value.type › node kenya › x: must be a number, not the string "12"']
	},
	{
		name: 'a number where a string goes',
		input: edited((g) => (kenya(g).label = 42)),
		rejected: ['value.type › node kenya › label: must be a string, not the number 42']
	},
	{
		name: 'fixture invalid/wrong-value-type',
		file: `${INVALID}/wrong-value-type.json`,
		input: fixture(INVALID, 'wrong-value-type'),
		rejected: ['value.type › node kenya › label: must be a string, not the number 42']
	},
	{
		name: 'an array where an object goes',
		input: edited((g) => ((g.nodes[0] as Obj).attributes = [])),
		rejected: ['value.type › node kenya › attributes: must be an object, not an array']
	},
	{
		name: 'an object where an array goes',
		input: edited((g) => (edge(g).attributes.evidence = {} as Obj[])),
		rejected: ['value.type › edge kenya-exports-tea › evidence: must be an array, not an object']
	},
	{
		name: 'null where a string goes',
		input: edited((g) => (tea(g).label = null)),
		rejected: ['value.type › node tea › label: must be a string, not null']
	},
	{
		name: 'null where the nodes go',
		input: edited((g) => ((g as Obj).nodes = null)),
		rejected: ['value.type › nodes: must be an array, not null']
	},
	{
		name: 'a number as a node key',
		input: edited((g) => ((g.nodes[0] as Obj).key = 7)),
		rejected: [
			'value.type › node #0 › key: must be a string, not the number 7',
			'ref.unknown-node › edge kenya-exports-tea › source: no node has the key kenya'
		]
	},
	{
		name: 'a string where a boolean goes',
		input: edited((g) => (g.options = { multi: 'true' })),
		rejected: ['value.type › options.multi: must be a boolean, not the string "true"']
	},
	{
		name: 'an array as a node',
		input: edited((g) => ((g.nodes as unknown[])[1] = ['tea'])),
		rejected: [
			'value.type › node #1 › must be an object, not an array',
			'ref.unknown-node › edge kenya-exports-tea › target: no node has the key tea'
		]
	},

	// NaN, Infinity and huge numbers
	{
		name: 'NaN written in the file',
		input: textEdited((text) => text.replace('"x": -1', '"x": NaN')),
		rejected: [`json.syntax: is not valid JSON: Unexpected token 'N', ..."     "x": NaN,\\n     "...`]
	},
	{
		name: 'Infinity written in the file',
		input: textEdited((text) => text.replace('"y": 0', '"y": Infinity')),
		rejected: [`json.syntax: is not valid JSON: Unexpected token 'I', ..."     "y": Infinity\\n "...`]
	},
	{
		name: '-Infinity written in the file',
		input: textEdited((text) => text.replace('"size": 12', '"size": -Infinity')),
		rejected: ['json.syntax: is not valid JSON: No number after minus sign at line 46, column 18']
	},
	{
		name: '1e400, which JSON.parse reads as Infinity',
		input: textEdited((text) => text.replace('"x": -1', '"x": 1e400')),
		rejected: ['value.type › node kenya › x: must be a number, not Infinity (not a finite number)']
	},
	{
		name: '-1e400, which JSON.parse reads as -Infinity',
		input: textEdited((text) => text.replace('"y": 0', '"y": -1e400')),
		rejected: ['value.type › node kenya › y: must be a number, not -Infinity (not a finite number)']
	},
	{
		name: 'a size of 1e400',
		input: textEdited((text) => text.replace('"size": 12', '"size": 1e400')),
		rejected: ['value.type › node tea › size: must be a number, not Infinity (not a finite number)']
	},
	{
		name: 'fixture invalid/non-finite-position',
		file: `${INVALID}/non-finite-position.json`,
		input: fixture(INVALID, 'non-finite-position'),
		rejected: ['value.type › node kenya › x: must be a number, not Infinity (not a finite number)']
	},
	{
		name: '1e-400, which JSON.parse reads as 0',
		input: textEdited((text) => text.replace('"x": -1', '"x": 1e-400')),
		accepted: (graph) => expect(graph.getNodeAttribute('kenya', 'x')).toBe(0)
	},
	{
		name: 'huge coordinates',
		input: edited((g) => {
			kenya(g).x = 1e300;
			kenya(g).y = -1_000_000.5;
		}),
		rejected: [
			'value.too-big › node kenya › x: must be at most 1000000 (it is 1e+300)',
			'value.too-small › node kenya › y: must be at least -1000000 (it is -1000000.5)'
		]
	},
	{
		name: 'fixture invalid/huge-coordinate',
		file: `${INVALID}/huge-coordinate.json`,
		input: fixture(INVALID, 'huge-coordinate'),
		rejected: ['value.too-big › node kenya › x: must be at most 1000000 (it is 12345678)']
	},
	{
		name: 'coordinates at the limits',
		input: edited((g) => {
			kenya(g).x = LIMITS.coordinate;
			kenya(g).y = -LIMITS.coordinate;
		}),
		accepted: (graph) => {
			expect(graph.getNodeAttribute('kenya', 'x')).toBe(1_000_000);
			expect(graph.getNodeAttribute('kenya', 'y')).toBe(-1_000_000);
		}
	},

	// Sizes and colours
	{
		name: 'size 0',
		input: edited((g) => (tea(g).size = 0)),
		rejected: ['value.too-small › node tea › size: must be at least 1 (it is 0)']
	},
	{
		name: 'negative size',
		input: edited((g) => (tea(g).size = -5)),
		rejected: ['value.too-small › node tea › size: must be at least 1 (it is -5)']
	},
	{
		name: 'size just above 100',
		input: edited((g) => (tea(g).size = 100.5)),
		rejected: ['value.too-big › node tea › size: must be at most 100 (it is 100.5)']
	},
	{
		name: 'fixture invalid/size-out-of-range',
		file: `${INVALID}/size-out-of-range.json`,
		input: fixture(INVALID, 'size-out-of-range'),
		rejected: ['value.too-big › node tea › size: must be at most 100 (it is 5000)']
	},
	{
		name: 'sizes at the limits',
		input: edited((g) => {
			kenya(g).size = LIMITS.minSize;
			tea(g).size = LIMITS.maxSize;
		}),
		accepted: (graph) => {
			expect(graph.getNodeAttribute('kenya', 'size')).toBe(1);
			expect(graph.getNodeAttribute('tea', 'size')).toBe(100);
		}
	},
	{
		name: 'colours that do not parse',
		input: edited((g) => {
			g.attributes.nodeTypes = {
				a: { label: 'A', color: 'red' },
				b: { label: 'B', color: '#12345' },
				c: { label: 'C', color: '#ggg' },
				d: { label: 'D', color: '' },
				e: { label: 'E', color: '#0072B2 ' },
				f: { label: 'F', color: 'rgb(0, 114, 178)' },
				g: { label: 'G', color: '#0072B2;background:url(javascript:alert(1))' },
				h: { label: 'H', color: 0x0072b2 },
				country: { label: 'Country', color: '#abc' },
				commodity: { label: 'Commodity', color: '#E69F00' }
			};
		}),
		rejected: [
			...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(
				(type) => `value.colour › graph › nodeTypes.${type}.color: ${COLOUR}`
			),
			'value.type › graph › nodeTypes.h.color: must be a string, not the number 29362'
		]
	},
	{
		name: 'fixture invalid/bad-colour',
		file: `${INVALID}/bad-colour.json`,
		input: fixture(INVALID, 'bad-colour'),
		rejected: [`value.colour › graph › nodeTypes.country.color: ${COLOUR}`]
	},
	{
		name: 'colours #rgb and #rrggbb in either case',
		input: edited((g) => {
			(g.attributes.nodeTypes.country as Obj).color = '#aBc';
			(g.attributes.nodeTypes.commodity as Obj).color = '#e69f00';
		}),
		accepted: (graph) =>
			expect(graph.getAttribute('nodeTypes')).toEqual({
				country: { label: 'Country', color: '#aBc' },
				commodity: { label: 'Commodity', color: '#e69f00' }
			})
	},

	// Files that are not text, not JSON, or not all there
	{ name: 'an empty file', input: () => '', rejected: [EMPTY] },
	{ name: 'an empty file as bytes', input: () => new Uint8Array(0), rejected: [EMPTY] },
	{ name: 'a whitespace-only file', input: () => ' \n\t\r\n  ', rejected: [EMPTY] },
	{ name: 'a file that is only a byte-order mark', input: () => utf8('\uFEFF'), rejected: [EMPTY] },
	{
		name: 'fixture invalid/empty',
		file: `${INVALID}/empty.json`,
		input: fixture(INVALID, 'empty'),
		rejected: [EMPTY]
	},
	{
		name: 'a file cut off in the middle',
		input: () => JSON.stringify(base(), null, 2).slice(0, 400),
		rejected: ['json.syntax: is not valid JSON: Unterminated string at line 18, column 27']
	},
	{
		name: 'a file cut off after a colon',
		input: () => '{"attributes":',
		rejected: [
			'json.syntax: is not valid JSON: the file ends too early (is it truncated?) at line 1, column 15'
		]
	},
	{
		name: 'fixture invalid/truncated',
		file: `${INVALID}/truncated.json`,
		input: fixture(INVALID, 'truncated'),
		rejected: [
			"json.syntax: is not valid JSON: Expected ',' or '}' after property value at line 11, column 6"
		]
	},
	{
		name: 'fixture invalid/not-json',
		file: `${INVALID}/not-json.json`,
		input: fixture(INVALID, 'not-json'),
		rejected: ['json.syntax: is not valid JSON: Unexpected token \'i\', "id: not-js"...']
	},
	{
		name: 'a byte-order-marked file, as bytes',
		input: () => utf8(`\uFEFF${JSON.stringify(base())}`),
		accepted: (graph) => {
			expect(graph.nodes()).toEqual(['kenya', 'tea']);
			expect(graph.getAttribute('id')).toBe('hostile');
		}
	},
	{
		name: 'a byte-order-marked file, as text',
		input: () => `\uFEFF${JSON.stringify(base())}`,
		accepted: (graph) => expect(graph.edges()).toEqual(['kenya-exports-tea'])
	},
	{
		name: 'fixture valid/byte-order-mark',
		file: `${VALID}/byte-order-mark.json`,
		input: fixture(VALID, 'byte-order-mark'),
		accepted: (graph) => expect(graph.order).toBe(2)
	},
	{
		name: 'invalid UTF-8: a 0xFF byte',
		input: withBytes([0xff]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: a lone continuation byte',
		input: withBytes([0x80]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: an overlong "/" (C0 AF)',
		input: withBytes([0xc0, 0xaf]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: an overlong three-byte form (E0 80 AF)',
		input: withBytes([0xe0, 0x80, 0xaf]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT + 1}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: an encoded surrogate (ED A0 80)',
		input: withBytes([0xed, 0xa0, 0x80]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT + 1}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: a code point above U+10FFFF (F4 90 80 80)',
		input: withBytes([0xf4, 0x90, 0x80, 0x80]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT + 1}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: a sequence cut short by an ASCII byte (E2 82 then K)',
		input: withBytes([0xe2, 0x82]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT + 2}); save it as UTF-8`
		]
	},
	{
		name: 'invalid UTF-8: a sequence cut short by the end of the file',
		input: withBytes([0xe2, 0x82], true),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${BASE_BYTES}); save it as UTF-8`
		]
	},
	{
		name: 'a Latin-1 file (é as one byte)',
		input: withBytes([0xe9]),
		rejected: [
			`file.not-utf8: is not valid UTF-8 text (first bad byte at offset ${KENYA_AT + 1}); save it as UTF-8`
		]
	},
	{
		name: 'a UTF-16 file with its byte-order mark',
		input: () => new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]),
		rejected: ['file.not-utf8: is not valid UTF-8 text (first bad byte at offset 0); save it as UTF-8']
	},
	{
		name: 'fixture invalid/invalid-utf8',
		file: `${INVALID}/invalid-utf8.json`,
		input: fixture(INVALID, 'invalid-utf8'),
		rejected: ['file.not-utf8: is not valid UTF-8 text (first bad byte at offset 577); save it as UTF-8']
	},

	// 100,000 levels of nesting
	{
		name: `${DEEP} nested arrays in a description`,
		input: textEdited((text) => text.replace('"Dried tea leaves."', nestedArrays(DEEP))),
		rejected: ['value.type › node tea › description: must be a string, not an array']
	},
	{
		name: `${DEEP} nested objects in a description`,
		input: textEdited((text) => text.replace('"Dried tea leaves."', nestedObjects(DEEP))),
		rejected: ['value.type › node tea › description: must be a string, not an object']
	},
	{
		name: `${DEEP} nested arrays as the list of nodes' first entry`,
		input: textEdited((text) => text.replace('"nodes": [', `"nodes": [${nestedArrays(DEEP)},`)),
		rejected: ['value.type › node #0 › must be an object, not an array']
	},
	{
		name: `${DEEP} nested arrays as the whole file`,
		input: () => nestedArrays(DEEP),
		rejected: [`value.type: ${TOP} an array`]
	},
	{
		name: `${DEEP} nested objects as the whole file`,
		input: () => nestedObjects(DEEP),
		rejected: [
			'value.required › attributes: is required',
			'value.required › nodes: is required',
			'value.required › edges: is required',
			'warning: field.unknown › a: is not part of the format and is dropped'
		]
	},
	{
		name: `${DEEP} nested objects in an unknown attribute`,
		input: textEdited((text) =>
			text.replace('"label": "Tea",', `"label": "Tea", "extra": ${nestedObjects(DEEP)},`)
		),
		// Too deep to be written as JSON text: dropped.
		warnings: ['field.unknown › node tea › extra: is not part of the format and is dropped'],
		accepted: (graph) => {
			expect(graph.getNodeAttribute('tea', 'label')).toBe('Tea');
			expect(graph.getNodeAttributes('tea')).not.toHaveProperty('extra');
			expect(graph.getNodeAttributes('tea')).not.toHaveProperty('data');
		}
	},
	{
		name: `${DEEP} unclosed arrays`,
		input: () => '['.repeat(DEEP),
		rejected: [
			`json.syntax: is not valid JSON: the file ends too early (is it truncated?) at line 1, column ${DEEP + 1}`
		]
	},

	// Strings of 10 MB, and a file above the size limit
	{
		name: 'a 10 MB label',
		input: edited((g) => (kenya(g).label = 'x'.repeat(MB10))),
		rejected: [
			`value.too-long › node kenya › label: must be at most ${LIMITS.label} characters long (it has ${MB10})`
		]
	},
	{
		name: 'a 10 MB description',
		input: edited((g) => (tea(g).description = 'é'.repeat(MB10))),
		rejected: [
			`value.too-long › node tea › description: must be at most ${LIMITS.description} characters long (it has ${MB10})`
		]
	},
	{
		name: 'a 10 MB claim',
		input: edited((g) => (edge(g).attributes.claim = 'x'.repeat(MB10))),
		rejected: [
			`value.too-long › edge kenya-exports-tea › claim: must be at most ${LIMITS.claim} characters long (it has ${MB10})`
		]
	},
	{
		name: 'a 10 MB node key',
		input: edited((g) => g.nodes.push(plainNode('k'.repeat(MB10), 'K'))),
		rejected: [
			`value.too-long › node "${'k'.repeat(57)}…" › key: must be at most ${LIMITS.entityKey} characters long (it has ${MB10})`
		]
	},
	{
		name: 'a 10 MB node type with line breaks, not declared',
		input: edited((g) => (kenya(g).type = 'line\n'.repeat(MB10 / 5))),
		rejected: [
			`ref.unknown-type › node kenya › type: "${'line\\n'.repeat(11)}li…" is not declared in the graph's nodeTypes`
		]
	},
	{
		name: 'a 10 MB URL',
		input: edited((g) => (source(g).url = `https://example.org/${'x'.repeat(MB10)}`)),
		rejected: [
			`value.too-long › graph › sources[0].url: must be at most ${LIMITS.url} characters long (it has ${MB10 + 20})`
		]
	},
	{
		name: 'a 10 MB name of an unknown attribute',
		input: edited((g) => (kenya(g)['n'.repeat(MB10)] = 1)),
		warnings: [
			`field.unknown › node kenya › ["${'n'.repeat(57)}…"]: is not part of the format and is dropped`
		],
		accepted: (graph) =>
			expect(Object.keys(graph.getNodeAttributes('kenya')).sort()).toEqual(
				['aliases', 'description', 'label', 'type', 'x', 'y'].sort()
			)
	},
	{
		name: 'fixture invalid/too-long-label',
		file: `${INVALID}/too-long-label.json`,
		input: fixture(INVALID, 'too-long-label'),
		rejected: ['value.too-long › node kenya › label: must be at most 200 characters long (it has 201)']
	},
	{
		name: 'a file of one byte more than LIMITS.fileBytes',
		input: () => new Uint8Array(LIMITS.fileBytes + 1),
		rejected: [
			`file.too-big: is ${LIMITS.fileBytes + 1} bytes; a graph file may be at most ${LIMITS.fileBytes} bytes`
		]
	},
	{
		name: 'a text of one character more than LIMITS.fileBytes',
		input: () => ' '.repeat(LIMITS.fileBytes + 1),
		rejected: [
			`file.too-big: is ${LIMITS.fileBytes + 1} bytes; a graph file may be at most ${LIMITS.fileBytes} bytes`
		]
	},

	// A top level that is not an object
	...scalarTops.map(([what, text, shown]): Case => ({
		name: `${what} as the top level`,
		input: () => text,
		rejected: [`value.type: ${TOP} ${shown}`]
	})),
	{
		name: 'fixture invalid/top-level-array',
		file: `${INVALID}/top-level-array.json`,
		input: fixture(INVALID, 'top-level-array'),
		rejected: [`value.type: ${TOP} an array`]
	},

	// Unknown attributes
	{
		name: 'unknown attributes at every level',
		input: edited((g) => {
			g.comment = 'top';
			g.options = { type: 'directed', weighted: true };
			g.attributes.license = 'CC0';
			source(g).pages = '1-2';
			(g.attributes.nodeTypes.country as Obj).icon = 'flag';
			(g.attributes.edgeTypes.exports as Obj).colour = '#000';
			(g.nodes[0] as Obj).meta = { a: 1 };
			kenya(g).lable = 'Kenya?';
			kenya(g).population = 5e7;
			(g.edges[0] as Obj).weight = 2;
			edge(g).attributes.weight = 3;
			(edge(g).attributes.evidence[0] as Obj).page = 4;
		}),
		warnings: [
			'field.unknown › comment: is not part of the format and is dropped',
			'field.unknown › graph › license: is not part of the format and is dropped',
			'field.unknown › graph › sources[0].pages: is not part of the format and is dropped',
			'field.unknown › graph › nodeTypes.country.icon: is not part of the format and is dropped',
			'field.unknown › graph › edgeTypes.exports.colour: is not part of the format and is dropped',
			'field.unknown › options.weighted: is not part of the format and is dropped',
			'field.unknown › node kenya › meta: is not part of the format and is dropped',
			'field.unknown › node kenya › lable: is not part of the format; kept as data (did you mean "label"?)',
			'field.unknown › edge kenya-exports-tea › weight: is not part of the format and is dropped',
			'field.unknown › edge kenya-exports-tea › evidence[0].page: is not part of the format and is dropped'
		],
		accepted: (graph) => {
			expect(graph.getAttributes()).not.toHaveProperty('license');
			expect(graph.getAttribute('sources')).toEqual([{ id: 'notes', title: 'Notes written for the tests' }]);
			expect(graph.getAttribute('nodeTypes').country).toEqual({ label: 'Country', color: '#0072B2' });
			expect(graph.getAttribute('edgeTypes').exports).toEqual({ label: 'exports' });
			expect(graph.getNodeAttributes('kenya')).toEqual({
				label: 'Kenya',
				type: 'country',
				description: '',
				aliases: [],
				x: -1,
				y: 0,
				data: { lable: 'Kenya?', population: 5e7 }
			});
			expect(graph.getEdgeAttributes('kenya-exports-tea')).toEqual({
				type: 'exports',
				label: 'exports',
				claim: 'Kenya sells its tea abroad.',
				evidence: [{ source: 'notes', section: 'Trade' }],
				data: { weight: 3 }
			});
		}
	},
	{
		name: 'fixture valid/unknown-attributes',
		file: `${VALID}/unknown-attributes.json`,
		input: fixture(VALID, 'unknown-attributes'),
		warnings: [
			'field.unknown › graph › license: is not part of the format and is dropped',
			'field.unknown › node kenya › lable: is not part of the format; kept as data (did you mean "label"?)'
		],
		accepted: (graph) => {
			expect(graph.getNodeAttributes('kenya')).not.toHaveProperty('population');
			expect(graph.getNodeAttributes('kenya').data?.population).toBeTypeOf('number');
			expect(graph.getEdgeAttributes('kenya-exports-tea').data).toHaveProperty('weight');
		}
	},

	// Links in sources
	...rejectedUrls.map(([what, url]): Case => ({
		name: `a source with a ${what}`,
		input: edited((g) => (source(g).url = url)),
		rejected: [URL_MESSAGE]
	})),
	{
		name: 'fixture invalid/javascript-url',
		file: `${INVALID}/javascript-url.json`,
		input: fixture(INVALID, 'javascript-url'),
		rejected: [URL_MESSAGE]
	},
	{
		name: 'fixture invalid/data-url',
		file: `${INVALID}/data-url.json`,
		input: fixture(INVALID, 'data-url'),
		rejected: [URL_MESSAGE]
	},
	{
		name: 'a source with an https URL, and one with an http URL',
		input: edited((g) => {
			source(g).url = 'https://example.org/report?id=1&lang=en#p2';
			g.attributes.sources.push({ id: 'more', title: 'More notes', url: 'http://example.org' });
		}),
		accepted: (graph) =>
			expect(graph.getAttribute('sources')).toEqual([
				{
					id: 'notes',
					title: 'Notes written for the tests',
					url: 'https://example.org/report?id=1&lang=en#p2'
				},
				{ id: 'more', title: 'More notes', url: 'http://example.org' }
			])
	},

	// Many edges on few nodes
	{
		name: '50,000 self-loops on one node',
		input: edited((g) => {
			for (let i = 0; i < 50_000; i++)
				g.edges.push(plainEdge('kenya', 'kenya', i % 10 ? `loop-${i}` : undefined, `Loop ${i}.`));
		}, true),
		accepted: (graph) => {
			expect(graph.size).toBe(50_001);
			expect(graph.selfLoopCount).toBe(50_000);
			expect(graph.edges('kenya', 'kenya')).toHaveLength(50_000);
			expect(graph.outDegree('kenya')).toBe(50_001);
			expect(graph.inDegree('kenya')).toBe(50_000);
			expect(graph.getEdgeAttribute('loop-49999', 'claim')).toBe('Loop 49999.');
			expect(new Set(graph.mapEdges((_, attributes) => attributes.claim)).size).toBe(50_001);
		}
	},
	{
		name: '10,000 parallel edges between one pair',
		input: edited((g) => {
			for (let i = 0; i < 10_000; i++) g.edges.push(plainEdge('kenya', 'tea', undefined, `Shipment ${i}.`));
		}, true),
		accepted: (graph) => {
			expect(graph.size).toBe(10_001);
			expect(graph.edges('kenya', 'tea')).toHaveLength(10_001);
			expect(graph.outEdges('tea', 'kenya')).toHaveLength(0);
			const claims = graph.mapEdges((_, attributes) => attributes.claim);
			expect(new Set(claims).size).toBe(10_001);
			expect(claims[10_000]).toBe('Shipment 9999.');
		}
	},
	{
		name: 'a hub with 100,000 relationships',
		input: edited((g) => {
			g.nodes.push(plainNode('hub'));
			for (let i = 0; i < 100_000; i++) {
				g.nodes.push(plainNode(`n${i}`));
				g.edges.push(i % 2 ? plainEdge(`n${i}`, 'hub', `in-${i}`) : plainEdge('hub', `n${i}`, `out-${i}`));
			}
		}, true),
		accepted: (graph) => {
			expect(graph.order).toBe(100_003);
			expect(graph.size).toBe(100_001);
			expect(graph.degree('hub')).toBe(100_000);
			expect(graph.outDegree('hub')).toBe(50_000);
			expect(graph.inDegree('hub')).toBe(50_000);
			expect(graph.neighbors('hub')).toHaveLength(100_000);
			expect(graph.source('in-99999')).toBe('n99999');
			expect(graph.target('out-99998')).toBe('n99998');
		}
	}
];

// ---------------------------------------------------------------------------------------------------------------
// Object.prototype and Array.prototype, before anything ran

type Snapshot = [PropertyKey, unknown, unknown, unknown, unknown, unknown, unknown][];

function snapshot(target: object): Snapshot {
	return Reflect.ownKeys(target).map((key) => {
		const d = Object.getOwnPropertyDescriptor(target, key) as PropertyDescriptor;
		return [key, d.value, d.get, d.set, d.writable, d.enumerable, d.configurable];
	});
}

const OBJECT_BEFORE = snapshot(Object.prototype);
const ARRAY_BEFORE = snapshot(Array.prototype);
const OBJECT_NAMES = new Set<PropertyKey>(Reflect.ownKeys(Object.prototype));
const ARRAY_NAMES = new Set<PropertyKey>([...OBJECT_NAMES, ...Reflect.ownKeys(Array.prototype)]);

/** Object.prototype and Array.prototype are as they were, and none of `names` reads as inherited. */
function expectPrototypesUnchanged(names: Iterable<string> = []): void {
	expect(snapshot(Object.prototype)).toEqual(OBJECT_BEFORE);
	expect(snapshot(Array.prototype)).toEqual(ARRAY_BEFORE);
	expect(Object.getPrototypeOf(Object.prototype)).toBeNull();
	expect(Object.getPrototypeOf([])).toBe(Array.prototype);
	expect(Object.isExtensible(Object.prototype)).toBe(true);
	for (const name of names) {
		if (!OBJECT_NAMES.has(name)) expect(name in {}, name).toBe(false);
		if (!ARRAY_NAMES.has(name)) expect(name in [], name).toBe(false);
	}
	expect(({} as Obj).polluted).toBeUndefined();
}

// ---------------------------------------------------------------------------------------------------------------
// Outcomes

/**
 * Problem lines with the problem's code in the place of the file name: `value.too-big › node kenya › x: …`; a
 * warning among errors `warning: field.unknown › …`, and in the warnings of a graph that loaded just
 * `field.unknown › …`. A problem about another file keeps its name, after `(another file)`.
 */
function linesWithCodes(file: string, problems: readonly Problem[], warning: string): string[] {
	return problems.map((problem) => {
		if (problem.file !== file) return `(another file) ${formatProblem(problem)}`;
		const line = formatProblem({ ...problem, file: problem.code });
		return line.startsWith('warning: ') ? `${warning}${line.slice('warning: '.length)}` : line;
	});
}

function outcome(result: LoadResult, file: string): { rejected: string[] } | { warnings: string[] } {
	if (!result.ok) return { rejected: linesWithCodes(file, result.problems, 'warning: ') };
	expect(result.warnings.every((problem) => problem.severity === 'warning')).toBe(true);
	return { warnings: linesWithCodes(file, result.warnings, '') };
}

describe('the corpus of hostile and broken files', () => {
	it('has at least 30 cases, unique names, and a non-empty outcome for every rejection', () => {
		expect(CASES.length).toBeGreaterThanOrEqual(30);
		expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
		for (const c of CASES) if ('rejected' in c) expect(c.rejected.length, c.name).toBeGreaterThan(0);
		// Both outcomes are represented, so neither "accept everything" nor "reject everything" passes.
		expect(CASES.filter((c) => 'accepted' in c).length).toBeGreaterThan(10);
		expect(CASES.filter((c) => 'rejected' in c).length).toBeGreaterThan(30);
	});

	it.each(CASES.map((c) => [c.name, c] as const))(
		'%s',
		(_, c) => {
			const file = c.file ?? FILE;
			const result = loadGraph(c.input(), file);
			if ('rejected' in c) {
				expect(outcome(result, file)).toEqual({ rejected: c.rejected });
			} else {
				expect(outcome(result, file)).toEqual({ warnings: c.warnings ?? [] });
				if (result.ok) c.accepted(result.graph);
			}
			expectPrototypesUnchanged(['polluted', 'extra', 'odd-edge']);
		},
		TIMEOUT
	);
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

/** A well-formed answer: a graph and warnings, or at least one error and nothing that says "bug". */
function expectWellFormed(result: LoadResult, file: string): void {
	expect(typeof result.ok).toBe('boolean');
	const problems = result.ok ? result.warnings : result.problems;
	expect(Array.isArray(problems)).toBe(true);
	if (result.ok) {
		expect(result.graph).toBeInstanceOf(MultiDirectedGraph);
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
		result.graph.forEachNode((_, attributes) =>
			expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype)
		);
	} else {
		expect(problems.length).toBeGreaterThan(0);
		expect(problems.some((p) => p.severity === 'error')).toBe(true);
	}
	for (const problem of problems) {
		expect(
			Object.keys(problem).every((key) =>
				['severity', 'code', 'file', 'where', 'field', 'line', 'column', 'message'].includes(key)
			)
		).toBe(true);
		expect(isProblemCode(problem.code)).toBe(true);
		expect(problem.severity).toBe(PROBLEM_CODES[problem.code]);
		expect(problem.code).not.toBe('internal.bug');
		for (const n of [problem.line, problem.column])
			expect(n === undefined || (Number.isInteger(n) && n >= 1)).toBe(true);
		expect(problem.file).toBe(file);
		expect(typeof problem.message).toBe('string');
		expect(problem.message.length).toBeGreaterThan(0);
		expect(problem.message).not.toContain('this is a bug in the loader');
		for (const part of [problem.where, problem.field])
			expect(part === undefined || (typeof part === 'string' && part.length > 0)).toBe(true);
		// One problem, one line, of a readable length.
		const line = formatProblem(problem);
		expect(line).not.toMatch(/[\n\r]/);
		expect(line.length).toBeLessThan(1_000);
	}
}

/** Every object key and short string of a JSON text (when it parses). */
function namesIn(text: string): Set<string> {
	const names = new Set<string>();
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return names;
	}
	const walk = (item: unknown): void => {
		if (typeof item === 'string') {
			if (item.length < 100) names.add(item);
		} else if (Array.isArray(item)) item.forEach(walk);
		else if (item && typeof item === 'object')
			for (const key of Object.keys(item)) {
				names.add(key);
				walk((item as Obj)[key]);
			}
	};
	walk(value);
	return names;
}

const HOSTILE_KEYS = [
	'__proto__',
	'constructor',
	'prototype',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'isPrototypeOf',
	'__defineGetter__',
	'__lookupGetter__',
	'propertyIsEnumerable',
	'toLocaleString',
	'polluted',
	'length'
];

/** Values meant to pollute a prototype if anything merged them: `{"__proto__": {"polluted": …}}` and friends. */
const PAYLOADS: unknown[] = [
	JSON.parse('{"__proto__": {"polluted": "yes"}}'),
	JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
	JSON.parse('{"prototype": {"polluted": "yes"}, "__proto__": []}'),
	JSON.parse('[{"__proto__": {"length": 0, "polluted": 1}}]'),
	{ polluted: 'yes' }
];

const TEA_TRADE = JSON.parse(readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8'));
const BASES: { file: string; data: unknown }[] = [
	{ file: FILE, data: base() },
	{ file: 'tea-trade.json', data: TEA_TRADE }
];

/** Every slot (object key or array index) in `root`, with its container. */
function slotsOf(root: unknown): { container: Obj | unknown[]; slot: string | number }[] {
	const out: { container: Obj | unknown[]; slot: string | number }[] = [];
	const walk = (value: unknown) => {
		if (Array.isArray(value))
			value.forEach((item, i) => {
				out.push({ container: value, slot: i });
				walk(item);
			});
		else if (value && typeof value === 'object')
			for (const key of Object.keys(value)) {
				out.push({ container: value as Obj, slot: key });
				walk((value as Obj)[key]);
			}
	};
	walk(root);
	return out;
}

/** Strings of the base graphs (keys, types, ids) to swap in. */
const BASE_STRINGS = [...new Set(BASES.flatMap(({ data }) => [...namesIn(JSON.stringify(data))]))].filter(
	(text) => text.length < 40
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.jsonValue({ maxDepth: 3 }),
	fc.constantFrom(...HOSTILE_KEYS),
	fc.constantFrom(...BASE_STRINGS),
	fc.constantFrom(...PAYLOADS),
	fc.constantFrom(1e308, -1e308, 0, -0, 1e6, 1e6 + 1, 100.5, 0.5, '', [], {}, null, true)
);

interface Mutation {
	op: 'set' | 'rename' | 'add' | 'delete';
	slot: number;
	value: unknown;
	name: string;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
	op: fc.constantFrom<Mutation['op']>('set', 'set', 'rename', 'add', 'delete'),
	slot: fc.nat(),
	value: anyValue,
	name: fc.oneof(
		fc.constantFrom(...HOSTILE_KEYS),
		fc.constantFrom(...BASE_STRINGS),
		fc.string({ maxLength: 6 })
	)
});

function mutate(root: unknown, m: Mutation): void {
	const slots = slotsOf(root);
	const at = slots[m.slot % Math.max(1, slots.length)];
	if (!at) return;
	const { container, slot } = at;
	const value = structuredClone(m.value);
	if (Array.isArray(container)) {
		if (m.op === 'delete') container.splice(slot as number, 1);
		else if (m.op === 'add') container.push(value);
		else container[slot as number] = m.op === 'rename' ? m.name : value;
		return;
	}
	if (m.op === 'delete') delete container[slot];
	else if (m.op === 'add') put(container, m.name, value);
	else if (m.op === 'set') put(container, slot as string, value);
	else {
		const old = container[slot];
		delete container[slot];
		put(container, m.name, old);
	}
}

/** A valid base graph with 1 to 4 mutations, as a file's text. */
const mutatedFile = fc
	.record({
		base: fc.nat(BASES.length - 1),
		mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
		pretty: fc.boolean()
	})
	.map(({ base: index, mutations, pretty }) => {
		const { file, data } = BASES[index] as (typeof BASES)[number];
		const root = structuredClone(data);
		for (const m of mutations) mutate(root, m);
		return { file, text: pretty ? JSON.stringify(root, null, 2) : JSON.stringify(root) };
	});

/** Valid bytes with a few bytes overwritten, inserted or cut. */
const mutatedBytes = fc
	.record({
		cuts: fc.array(
			fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }), insert: fc.boolean() }),
			{
				minLength: 1,
				maxLength: 4
			}
		),
		end: fc.option(fc.nat(), { nil: undefined })
	})
	.map(({ cuts, end }) => {
		const bytes = [...utf8(JSON.stringify(base()))];
		for (const { at, byte, insert } of cuts) bytes.splice(at % bytes.length, insert ? 0 : 1, byte);
		return new Uint8Array(end === undefined ? bytes : bytes.slice(0, end % bytes.length));
	});

const JSONISH = fc.constantFrom(
	...'{}[]":,0123456789eE+-. \n\t\\/ubnrtfalsetrue'.split(''),
	'null',
	'"__proto__"',
	'"key"',
	'\uFEFF',
	'\u2028',
	'é',
	'\ud800',
	'NaN',
	'Infinity'
);

describe('property: loadGraph answers anything with a graph or well-formed problems, and never throws', () => {
	const check = (input: string | Uint8Array, file = FILE) => {
		const result = loadGraph(input, file);
		expectWellFormed(result, file);
		return result;
	};

	it('arbitrary strings', () => {
		fc.assert(
			fc.property(
				fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: JSONISH, maxLength: 80 })),
				(text) => {
					check(text);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it('arbitrary bytes, and valid bytes broken', () => {
		fc.assert(
			fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutatedBytes), (bytes) => {
				const result = check(bytes);
				const problem = result.ok ? undefined : result.problems[0];
				const offset = /first bad byte at offset (\d+)/.exec(problem?.message ?? '');
				expect(offset !== null).toBe(problem?.code === 'file.not-utf8');
				if (offset) {
					// The offset points into the file, after a prefix that is valid UTF-8.
					const at = Number(offset[1]);
					expect(at).toBeLessThan(bytes.length);
					expect(() =>
						new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, at), { stream: true })
					).not.toThrow();
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('JSON texts of any shape', () => {
		fc.assert(
			fc.property(
				fc.oneof(
					fc.json({ maxDepth: 4 }),
					fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value))
				),
				(text) => {
					check(text);
				}
			),
			{ numRuns: RUNS }
		);
	});

	it(
		'valid graphs with random values at random places and keys renamed to hostile names',
		() => {
			let accepted = 0;
			fc.assert(
				fc.property(mutatedFile, ({ file, text }) => {
					if (check(text, file).ok) accepted++;
				}),
				{ numRuns: RUNS }
			);
			// Not vacuous: some mutations keep the graph valid (a new label, a dropped optional field…).
			expect(accepted).toBeGreaterThan(RUNS * 0.02);
			expect(accepted).toBeLessThan(RUNS * 0.9);
		},
		TIMEOUT
	);
});

describe('property: no input changes Object.prototype or Array.prototype', () => {
	it(
		'holds for hostile mutations of valid graphs and for raw JSON',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(
						mutatedFile,
						fc.jsonValue({ maxDepth: 4 }).map((value) => ({ file: FILE, text: JSON.stringify(value) }))
					),
					({ file, text }) => {
						loadGraph(text, file);
						expectPrototypesUnchanged(namesIn(text));
					}
				),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);

	it('holds for every payload in every slot of the base graph', () => {
		let runs = 0;
		for (const payload of PAYLOADS) {
			const slots = slotsOf(base()).length;
			for (let slot = 0; slot < slots; slot++) {
				for (const op of ['set', 'add'] as const) {
					const root = base();
					mutate(root, { op, slot, value: payload, name: '__proto__' });
					const text = JSON.stringify(root);
					expectWellFormed(loadGraph(text, FILE), FILE);
					expectPrototypesUnchanged(namesIn(text));
					runs++;
				}
			}
		}
		expect(runs).toBeGreaterThan(200);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip

const RESERVED_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), '__proto__']);

/** A string of min to max UTF-16 code units, sometimes exactly at the limit. */
function text(min: number, max: number): fc.Arbitrary<string> {
	const unit = fc.oneof(
		{ weight: 8, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
		{ weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '"', '\\', '\n', '\u2028', '<', '&') }
	);
	return fc.oneof(
		{
			weight: 9,
			arbitrary: fc
				.string({ unit, minLength: min, maxLength: Math.min(30, max) })
				.filter((s) => s.length >= min && s.length <= max)
		},
		{ weight: 1, arbitrary: fc.constantFrom('é'.repeat(max), 'a'.repeat(Math.max(min, 1))) }
	);
}

const typeKey = fc
	.oneof(
		fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
		fc.constantFrom('a'.repeat(LIMITS.typeKey), 'constructors', 'proto')
	)
	.filter((key) => !RESERVED_NAMES.has(key));
const entityKey = fc
	.oneof(
		fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$/),
		fc.constantFrom('k'.repeat(LIMITS.entityKey), 'Constructor', 'ToString', '0', 'a.b', 'geid_x')
	)
	.filter((key) => !RESERVED_NAMES.has(key) && key !== 'connect');
const coordinate = fc.oneof(
	fc.double({ min: -LIMITS.coordinate, max: LIMITS.coordinate, noNaN: true }),
	fc.integer({ min: -LIMITS.coordinate, max: LIMITS.coordinate }),
	fc.constantFrom(LIMITS.coordinate, -LIMITS.coordinate, 5e-324, -0)
);
const date = fc
	.tuple(
		fc.date({
			min: new Date('0000-01-01T00:00:00Z'),
			max: new Date('9999-12-31T00:00:00Z'),
			noInvalidDate: true
		}),
		fc.constantFrom(4, 7, 10)
	)
	.map(([day, length]) => day.toISOString().slice(0, length));

const validFile = fc
	.record({
		id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/).filter((id) => !['api', 'embed', '404'].includes(id)),
		title: text(1, LIMITS.title),
		description: text(0, LIMITS.graphDescription),
		sources: fc.uniqueArray(
			fc.record(
				{
					id: typeKey,
					title: text(1, LIMITS.sourceTitle),
					publisher: text(1, LIMITS.title),
					url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
					date,
					note: text(1, LIMITS.sourceNote)
				},
				{ requiredKeys: ['id', 'title'] }
			),
			{ minLength: 1, maxLength: 3, selector: (s) => s.id }
		),
		nodeTypes: fc.uniqueArray(
			fc.tuple(
				typeKey,
				fc.record({
					label: text(1, LIMITS.label),
					color: fc.stringMatching(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/)
				})
			),
			{ minLength: 1, maxLength: 4, selector: ([key]) => key }
		),
		edgeTypes: fc.uniqueArray(fc.tuple(typeKey, fc.record({ label: text(1, LIMITS.label) })), {
			minLength: 1,
			maxLength: 4,
			selector: ([key]) => key
		}),
		options: fc.option(
			fc.record(
				{ type: fc.constantFrom('directed', 'mixed'), multi: fc.boolean(), allowSelfLoops: fc.boolean() },
				{ requiredKeys: [] }
			),
			{ nil: undefined }
		),
		nodes: fc.uniqueArray(
			fc.record(
				{
					key: entityKey,
					label: text(1, LIMITS.label),
					type: fc.nat(),
					description: text(0, LIMITS.description),
					aliases: fc.array(text(1, LIMITS.alias), { maxLength: 3 }),
					x: coordinate,
					y: coordinate,
					size: fc.oneof(
						fc.double({ min: LIMITS.minSize, max: LIMITS.maxSize, noNaN: true }),
						fc.constantFrom(1, 100)
					)
				},
				{ requiredKeys: ['key', 'label', 'type', 'x', 'y'] }
			),
			{ maxLength: 12, selector: (n) => n.key }
		),
		edges: fc.array(
			fc.record(
				{
					key: entityKey,
					source: fc.nat(),
					target: fc.nat(),
					undirected: fc.constant(false as const),
					type: fc.nat(),
					label: text(1, LIMITS.label),
					claim: text(1, LIMITS.claim),
					evidence: fc.array(fc.record({ source: fc.nat(), section: text(1, LIMITS.section) }), {
						minLength: 1,
						maxLength: 3
					})
				},
				{ requiredKeys: ['source', 'target', 'type', 'label', 'claim', 'evidence'] }
			),
			{ maxLength: 20 }
		)
	})
	.map((g) => {
		const pick = <T>(list: readonly T[], n: number): T => list[n % list.length] as T;
		const nodeTypes = g.nodeTypes.map(([key]) => key);
		const edgeTypes = g.edgeTypes.map(([key]) => key);
		const sourceIds = g.sources.map((s) => s.id);
		const nodeKeys = g.nodes.map((n) => n.key);
		const edgeKeys = new Set<string>();
		const file = {
			attributes: {
				id: g.id,
				title: g.title,
				description: g.description,
				sources: g.sources,
				nodeTypes: Object.fromEntries(g.nodeTypes),
				edgeTypes: Object.fromEntries(g.edgeTypes)
			},
			...(g.options ? { options: g.options } : {}),
			nodes: g.nodes.map(({ key, type, ...attributes }) => ({
				key,
				attributes: { ...attributes, type: pick(nodeTypes, type) }
			})),
			edges: nodeKeys.length
				? g.edges.map(({ key, source, target, undirected, type, label, claim, evidence }) => {
						// Edge keys are unique: a repeated one is left out (the edge gets a generated key).
						const unique = key !== undefined && !edgeKeys.has(key);
						if (unique) edgeKeys.add(key);
						return {
							...(unique ? { key } : {}),
							source: pick(nodeKeys, source),
							target: pick(nodeKeys, target),
							...(undirected === undefined ? {} : { undirected }),
							attributes: {
								type: pick(edgeTypes, type),
								label,
								claim,
								evidence: evidence.map((e) => ({ source: pick(sourceIds, e.source), section: e.section }))
							}
						};
					})
				: []
		};
		return { file: `${g.id}.json`, text: JSON.stringify(file) };
	});

describe('property: a valid graph survives export → load unchanged', () => {
	it(
		'loads, exports as the API does (graph.export()), loads again to the same graph',
		() => {
			fc.assert(
				fc.property(validFile, ({ file, text }) => {
					const first = loadGraph(text, file);
					if (!first.ok) throw new Error(first.problems.map(formatProblem).join('\n'));
					expect(first.warnings).toEqual([]);

					// The first graph holds what the file says, with the defaults filled in.
					const data = JSON.parse(text);
					const graph = first.graph;
					expect(graph.getAttributes()).toEqual(data.attributes);
					expect(graph.nodes()).toEqual(data.nodes.map((n: Obj) => n.key));
					for (const node of data.nodes)
						expect(graph.getNodeAttributes(node.key)).toEqual({
							description: '',
							aliases: [],
							...node.attributes
						});
					const edges = graph.mapEdges((key, attributes, source, target) => ({
						key,
						source,
						target,
						attributes
					}));
					expect(edges).toHaveLength(data.edges.length);
					data.edges.forEach((e: Obj, i: number) => {
						const loaded = edges[i];
						expect(loaded?.source).toBe(e.source);
						expect(loaded?.target).toBe(e.target);
						expect(loaded?.attributes).toEqual(e.attributes);
						if (e.key !== undefined) expect(loaded?.key).toBe(e.key);
					});

					// Export, serialize, load again: the same graph, keys and attribute order included.
					const exported = graph.export();
					const again = loadGraph(JSON.stringify(exported), file);
					if (!again.ok) throw new Error(again.problems.map(formatProblem).join('\n'));
					expect(again.warnings).toEqual([]);
					expect(again.graph.export()).toStrictEqual(exported);
					expect(JSON.stringify(again.graph.export())).toBe(JSON.stringify(exported));
					expect(again.graph.getAttributes()).toStrictEqual(graph.getAttributes());
				}),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);
});
