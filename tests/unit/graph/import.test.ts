/**
 * Graphs from other tools into the explorer's model (src/lib/graph/import.ts), through `loadGraph` as a file
 * would go: graphology's serialized JSON as people write it, with the guesses said in warnings.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanGraphFile } from '../../../src/lib/graph/fast-check';
import { entityDetails } from '../../../src/lib/graph/query';
import { importGraphData, slug, urlSafeKeys } from '../../../src/lib/graph/import';
import { hexColour } from '../../../src/lib/graph/rules';
import { type LoadResult, loadGraph, readGraphData } from '../../../src/lib/graph/load';
import { formatProblem } from '../../../src/lib/graph/problems';

function load(data: unknown, file = 'friends.json'): Extract<LoadResult, { ok: true }> {
	const result = loadGraph(JSON.stringify(data), file);
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result;
}

const lines = (result: LoadResult) =>
	(result.ok ? result.warnings : result.problems).map((problem) => formatProblem(problem));

describe('graphology JSON as people write it', () => {
	const undirected = {
		attributes: { name: 'Friends' },
		options: { type: 'undirected', multi: false, allowSelfLoops: false },
		nodes: [
			{
				key: 'a',
				attributes: {
					label: 'Ada',
					x: 0,
					y: 0,
					size: 10,
					color: 'rgb(255,0,0)',
					country: 'Kenya',
					score: 3.5,
					member: true,
					homepage: 'https://ada.example'
				}
			},
			{ key: 'b', attributes: { label: 'Bo', x: 10, y: 5, size: 20, color: '#00f', country: 'Kenya' } }
		],
		edges: [{ key: 'ab', source: 'a', target: 'b', attributes: { weight: 2 } }]
	};

	it('opens an undirected graph with every attribute kept as data', () => {
		const { graph, warnings } = load(undirected);
		expect(warnings).toEqual([]);
		expect(graph.getAttributes()).toMatchObject({
			id: 'friends',
			title: 'Friends',
			description: '',
			sources: [],
			importedFrom: 'JSON',
			nodeTypes: { entity: { label: 'Entity', color: '#0072B2' } },
			edgeTypes: { link: { label: 'linked with' } }
		});
		expect(graph.getNodeAttributes('a')).toEqual({
			label: 'Ada',
			type: 'entity',
			description: '',
			aliases: [],
			x: 0,
			y: 0,
			size: 10,
			color: '#ff0000',
			data: { country: 'Kenya', score: 3.5, member: true, homepage: 'https://ada.example' }
		});
		expect(graph.getNodeAttribute('b', 'color')).toBe('#0000ff');
		expect(graph.getEdgeAttributes('ab')).toEqual({
			type: 'link',
			label: 'linked with',
			data: { weight: 2 },
			undirected: true
		});
	});

	it('shows an entity without claims or evidence as it is, reading undirected relationships both ways', () => {
		const { graph } = load(undirected);
		const bo = entityDetails(graph, 'b');
		const relation = bo?.groups[0]?.relations[0];
		expect(relation).toMatchObject({ direction: 'out', undirected: true, evidence: [], other: { key: 'a' } });
		expect(relation?.claim).toBeUndefined();
		expect(entityDetails(graph, 'a')?.data).toEqual([
			{ name: 'country', kind: 'category', value: 'Kenya' },
			{ name: 'score', kind: 'number', value: 3.5 },
			{ name: 'member', kind: 'boolean', value: true },
			{ name: 'homepage', kind: 'url', value: 'https://ada.example' }
		]);
	});

	it('reads mixed graphs edge by edge, keeps parallel edges and self-loops', () => {
		const { graph } = load({
			options: { type: 'mixed', multi: true },
			nodes: [{ key: 'a' }, { key: 'b' }],
			edges: [
				{ source: 'a', target: 'b', undirected: true },
				{ source: 'a', target: 'b' },
				{ source: 'a', target: 'b' },
				{ source: 'b', target: 'b' }
			]
		});
		expect(graph.size).toBe(4);
		expect(graph.edges().map((edge) => graph.getEdgeAttribute(edge, 'undirected') ?? false)).toEqual([
			true,
			false,
			false,
			false
		]);
	});

	it('takes types from a category-like attribute, colours from the file, and says so', () => {
		const nodes = ['x', 'y', 'z', 'w'].map((key, i) => ({
			key,
			attributes: {
				label: key,
				x: i,
				y: i,
				category: i < 2 ? 'Person' : 'Place',
				color: i < 2 ? '#123456' : `#00000${i}`
			}
		}));
		const result = load({ nodes, edges: [{ source: 'x', target: 'z', attributes: { type: 'lives in' } }] });
		expect(result.graph.getAttribute('nodeTypes')).toEqual({
			person: { label: 'Person', color: '#123456' },
			place: { label: 'Place', color: '#E69F00' }
		});
		// Entities of the type's own colour need none of their own; the others keep theirs.
		expect(result.graph.getNodeAttribute('x', 'color')).toBeUndefined();
		expect(result.graph.getNodeAttribute('z', 'color')).toBe('#000002');
		expect(result.graph.getAttribute('edgeTypes')).toEqual({ 'lives-in': { label: 'lives in' } });
		expect(result.graph.getEdgeAttributes(result.graph.edges()[0] as string)).toMatchObject({
			type: 'lives-in',
			label: 'lives in'
		});
		expect(lines(result)).toEqual([
			'warning: friends.json: entity types are the values of the attribute "category"'
		]);
	});

	it('keeps an attribute with too many values as data instead of types', () => {
		const nodes = Array.from({ length: 60 }, (_, i) => ({
			key: `n${i}`,
			attributes: { x: i, y: 0, type: `t${i}` }
		}));
		const { graph } = load({ nodes, edges: [] });
		expect(Object.keys(graph.getAttribute('nodeTypes'))).toEqual(['entity']);
		expect(graph.getNodeAttribute('n3', 'data')).toEqual({ type: 't3' });
	});

	it('makes URL-safe keys from ids, keeps the ids, and resolves collisions in file order', () => {
		const result = load({
			nodes: [
				{ key: 'São Paulo', attributes: { x: 0, y: 0 } },
				{ key: 'http://example.org/people#Alice', attributes: { x: 1, y: 0 } },
				{ key: 'Sao-Paulo', attributes: { x: 2, y: 0 } },
				{ key: 'connect', attributes: { x: 3, y: 0 } },
				{ key: 'constructor', attributes: { x: 4, y: 0 } },
				{ key: 7, attributes: { x: 5, y: 0 } }
			],
			edges: [{ source: 'São Paulo', target: 'http://example.org/people#Alice' }]
		});
		expect(result.graph.nodes()).toEqual([
			'Sao-Paulo-2',
			'Alice',
			'Sao-Paulo',
			'connect-2',
			'constructor-2',
			'7'
		]);
		expect(result.graph.getNodeAttributes('Sao-Paulo-2')).toMatchObject({
			label: 'São Paulo',
			originalId: 'São Paulo'
		});
		expect(result.graph.getNodeAttribute('Sao-Paulo', 'originalId')).toBeUndefined();
		expect(result.graph.hasEdge('Sao-Paulo-2', 'Alice')).toBe(true);
		expect(lines(result)).toEqual([
			'warning: friends.json: 4 entity ids are not usable in an address; keys were made from them (the ids are kept) (first: "São Paulo" → Sao-Paulo-2)',
			'warning: friends.json: 6 entities have no label; it is made from the id (first: "São Paulo")'
		]);
	});

	it('adds the entities that relationships name and the file lacks, with a warning', () => {
		const result = load({
			nodes: [{ key: 'a', attributes: { x: 0, y: 0 } }],
			edges: [{ source: 'a', target: 'b' }]
		});
		expect(result.graph.nodes()).toEqual(['a', 'b']);
		expect(lines(result)[0]).toBe(
			'warning: friends.json: 1 of 2 entities have no position; they were placed beside their neighbours'
		);
		expect(lines(result)).toContain(
			'warning: friends.json: 1 relationship names an entity the file does not have; it was added (first: edge #0 › target "b")'
		);
	});

	it('lays out a graph without positions, the same way every time', () => {
		const data = {
			nodes: ['a', 'b', 'c', 'd'].map((key) => ({ key, attributes: { label: key } })),
			edges: [
				{ source: 'a', target: 'b' },
				{ source: 'b', target: 'c' }
			]
		};
		const first = load(data);
		const again = load(data);
		const positions = (g: typeof first.graph) => g.mapNodes((_k, { x, y }) => [x, y]);
		expect(positions(first.graph)).toEqual(positions(again.graph));
		expect(new Set(positions(first.graph).map(String)).size).toBe(4);
		expect(lines(first)).toContain(
			'warning: friends.json: the file gives no positions; the graph was laid out (ForceAtlas2, then noverlap)'
		);
	});

	it('scales sizes out of the range the explorer draws', () => {
		const { graph } = load({
			nodes: [0, 500, 1000].map((size, i) => ({ key: `n${i}`, attributes: { x: i, y: 0, size } })),
			edges: []
		});
		expect(graph.mapNodes((_k, { size }) => size)).toEqual([4, 14, 24]);
	});

	it('refuses what is no graph, saying where', () => {
		const refused = (data: unknown) => lines(loadGraph(JSON.stringify(data), 'friends.json'));
		expect(refused({ nodes: [{ attributes: {} }, { key: 'a' }, { key: 'a' }], edges: 'none' })).toEqual([
			'friends.json › edges: must be a list, not text'
		]);
		expect(refused({ nodes: [{ attributes: {} }, { key: 'a' }, { key: 'a' }] })).toEqual([
			'friends.json › node #0 › key: every entity needs a key (a string or a number)',
			'friends.json › node a › key: an earlier entity has the same key'
		]);
		expect(refused({ nodes: [{ key: 'a' }], edges: [{ source: 'a' }, 4] })).toEqual([
			'friends.json › edge #0 › target: every relationship needs a source and a target key',
			'friends.json › edge #1 › must be an object, not a number'
		]);
	});
});

describe('what a review found (issue 17)', () => {
	it('types a number attribute of 150,000 entities without a stack overflow', () => {
		const nodes = Array.from({ length: 150_000 }, (_, i) => ({
			key: `n${i}`,
			attributes: { x: i, y: 0, score: i }
		}));
		const { graph } = load({ nodes });
		expect(graph.getAttribute('dataKinds')?.nodes).toEqual([['score', 'number']]);
	});

	it('leaves out an attribute with an empty name, and keeps placed entities within range', () => {
		const result = load({
			nodes: [
				{ key: 'far', attributes: { x: 1_000_000, y: -1_000_000, '': 'nameless' } },
				{ key: 'near', attributes: { label: 'Near' } }
			],
			edges: [{ source: 'far', target: 'near' }]
		});
		expect(result.graph.getNodeAttribute('far', 'data')).toBeUndefined();
		const { x, y } = result.graph.getNodeAttributes('near');
		expect(Math.abs(x)).toBeLessThanOrEqual(1_000_000);
		expect(Math.abs(y)).toBeLessThanOrEqual(1_000_000);
		expect(lines(result)).toContain(
			'warning: friends.json: 1 attribute with an empty, reserved or over-long name was left out (first: node far › "")'
		);
	});

	it('keeps as data what the model cannot use: a size written as text, an unreadable colour, an edge colour', () => {
		const { graph } = load({
			nodes: [{ key: 'a', attributes: { x: 0, y: 0, size: 'big', color: 'turquoise', description: 7 } }],
			edges: [{ key: 'aa', source: 'a', target: 'a', attributes: { color: '#ff0000', claim: 3 } }]
		});
		expect(graph.getNodeAttributes('a')).toMatchObject({
			description: '',
			data: { size: 'big', color: 'turquoise', description: 7 }
		});
		expect(graph.getEdgeAttribute('aa', 'data')).toEqual({ color: '#ff0000', claim: 3 });
	});

	it('groups undirected relationships apart from directed ones of the same type', () => {
		const { graph } = load({
			nodes: ['a', 'b', 'c'].map((key, i) => ({ key, attributes: { x: i, y: 0 } })),
			edges: [
				{ source: 'a', target: 'b', undirected: true, attributes: { type: 'knows' } },
				{ source: 'a', target: 'c', attributes: { type: 'knows' } }
			]
		});
		const groups = entityDetails(graph, 'a')?.groups ?? [];
		expect(groups.map((group) => [group.type, group.direction, group.undirected])).toEqual([
			['knows', 'out', true],
			['knows', 'out', false]
		]);
	});

	it('names RDF blank nodes, which have no name of their own', () => {
		const { graph } = load({ nodes: [{ key: '_:b0' }, { key: '_:[1]' }] });
		expect(graph.mapNodes((_key, { label }) => label)).toEqual(['blank node b0', 'blank node 1']);
	});

	it('does not take ids with colons for IRIs (yEd nests its ids as n1::n0)', () => {
		expect(slug('n1::n0')).toBe('n1-n0');
		expect(slug('Q:1 answer')).toBe('Q-1-answer');
	});
});

describe('keys and colours', () => {
	it.each([
		['São Paulo', 'Sao-Paulo'],
		['http://example.org/a/b/', 'b'],
		['urn:isbn:0451450523', '0451450523'],
		['  --weird--  ', 'weird'],
		['東京', 'e-1pgij4'],
		['.hidden', 'hidden']
	])('slug(%j) is %j', (id, expected) => expect(slug(id)).toBe(expected));

	it('never gives two ids the same key, and keeps usable ids as they are', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ maxLength: 12 }), { maxLength: 30 }), (ids) => {
				const keys = urlSafeKeys(ids, new Set(), () => undefined) as string[];
				expect(new Set(keys).size).toBe(keys.length);
				for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
			})
		);
	});

	it.each([
		['#abc', '#aabbcc'],
		['#AABBCC80', '#aabbcc'],
		['rgb(255, 0, 10)', '#ff000a'],
		['rgba(0,128,255,0.5)', '#0080ff'],
		['rgb(100%, 0%, 50%)', '#ff0080'],
		['Green', '#008000'],
		['k', undefined],
		[42, undefined]
	])('hexColour(%j) is %j', (css, hex) => expect(hexColour(css)).toBe(hex));
});

describe("the validator's fast path", () => {
	// Import writes every part in the format's order, so that the fast path (fast-check.ts) keeps its output as it
	// is rather than copying each entity and relationship into that order: a 10k/50k CSV pair was 50,000 copies.
	const formats = join(import.meta.dirname, '../../fixtures/formats');
	const files = ['csv', 'gexf', 'graphml', 'rdf'].flatMap((folder) =>
		readdirSync(join(formats, folder))
			.filter((name) => !name.endsWith('.nodes.csv'))
			.map((name) => join(formats, folder, name))
	);
	/** What `file` is imported into, and the fast path's answer for it; undefined for a fixture of a broken file. */
	const imported = new Map(
		files.map((file) => {
			const companion = (name: string) => readFileSync(join(file, '..', basename(name)));
			const read = readGraphData(readFileSync(file), basename(file), companion);
			const result = read.ok ? importGraphData(read.value, basename(file), 'test') : undefined;
			const value = result?.ok ? result.value : undefined;
			return [file, value && { value, clean: cleanGraphFile(value, basename(file)) }];
		})
	);

	it.each(files.map((file) => [basename(file), file]))(
		'keeps what %s is imported into as it is',
		(_name, file) => {
			const found = imported.get(file);
			// A graph the import had to warn about may still be clean; one with nothing to report is kept whole.
			if (found?.clean !== undefined) expect(found.clean).toBe(found.value);
		}
	);

	it('is taken by the import of most fixtures', () => {
		const kept = [...imported.values()].filter((found) => found && found.clean === found.value);
		expect(kept.length).toBeGreaterThan(files.length / 2);
	});
});

describe('property: any graphology-shaped data loads or is refused with problems, and never throws', () => {
	const value = fc.oneof(
		fc.string({ maxLength: 20 }),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
		fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 2 })
	);
	const name = fc.oneof(
		fc.constantFrom(
			'label',
			'x',
			'y',
			'size',
			'color',
			'type',
			'category',
			'__proto__',
			'constructor',
			'data'
		),
		fc.string({ maxLength: 8 })
	);
	const attributes = fc.dictionary(name, value, { maxKeys: 6 });
	const key = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constantFrom('__proto__', 'connect'));
	const graph = fc.record({
		options: fc.option(fc.record({ type: fc.constantFrom('directed', 'undirected', 'mixed', 'odd') })),
		nodes: fc.array(fc.record({ key, attributes }), { maxLength: 12 }),
		edges: fc.array(fc.record({ source: key, target: key, undirected: fc.boolean(), attributes }), {
			maxLength: 12
		})
	});

	it('holds, and leaves Object.prototype alone', () => {
		fc.assert(
			fc.property(graph, (data) => {
				const result = loadGraph(JSON.stringify(data), 'any.json');
				if (result.ok) expect(result.graph.order).toBeGreaterThanOrEqual(0);
				else for (const problem of result.problems) expect(problem.message).not.toBe('');
				expect(({} as Record<string, unknown>).polluted).toBeUndefined();
				expect(Object.keys(Object.prototype)).toEqual([]);
			}),
			{ numRuns: 300 }
		);
	});
});
