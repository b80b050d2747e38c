import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../../../src/lib/graph/build';
import { type ConnectResult, connect } from '../../../src/lib/graph/connect';
import { loadGraph } from '../../../src/lib/graph/load';
import { tinyGraph } from '../helpers';

/** The node sequences of a result, or its kind when it has no paths. */
function routes(result: ConnectResult): string[][] | string {
	return result.kind === 'paths' ? result.paths.map((path) => path.nodes) : result.kind;
}

describe('connect: answers without paths', () => {
	const graph = tinyGraph(['a>b:likes', 'b>c:likes', 'c>d:likes', 'd>e:likes', 'e>f:likes', 'x>y:likes']);

	it('names the unknown keys, in the order from, to', () => {
		expect(connect(graph, 'nope', 'a')).toEqual({ kind: 'unknown', missing: ['nope'] });
		expect(connect(graph, 'a', 'nope')).toEqual({ kind: 'unknown', missing: ['nope'] });
		expect(connect(graph, 'zz', 'aa')).toEqual({ kind: 'unknown', missing: ['zz', 'aa'] });
		expect(connect(graph, 'zz', 'zz')).toEqual({ kind: 'unknown', missing: ['zz'] });
		expect(connect(graph, '__proto__', 'a')).toEqual({ kind: 'unknown', missing: ['__proto__'] });
	});

	it('says when both ends are the same entity', () => {
		expect(connect(graph, 'c', 'c')).toEqual({ kind: 'same' });
	});

	it('finds nothing between separate components', () => {
		expect(connect(graph, 'a', 'y')).toEqual({ kind: 'none', maxSteps: 4, truncated: false });
	});

	it('finds nothing farther than maxSteps, and finds it once allowed', () => {
		expect(connect(graph, 'a', 'f')).toEqual({ kind: 'none', maxSteps: 4, truncated: false });
		expect(connect(graph, 'a', 'e', { maxSteps: 3 })).toMatchObject({ kind: 'none', maxSteps: 3 });
		expect(routes(connect(graph, 'a', 'f', { maxSteps: 5 }))).toEqual([['a', 'b', 'c', 'd', 'e', 'f']]);
		expect(routes(connect(graph, 'a', 'e'))).toEqual([['a', 'b', 'c', 'd', 'e']]);
	});
});

describe('connect: paths', () => {
	it('finds every path of the shortest length, in a deterministic order', () => {
		const edges = ['a>d:x', 'd>z:x', 'a>b:x', 'b>z:x', 'c>z:x', 'a>c:x'];
		const expected = [
			['a', 'b', 'z'],
			['a', 'c', 'z'],
			['a', 'd', 'z']
		];
		expect(routes(connect(tinyGraph(edges), 'a', 'z'))).toEqual(expected);
		expect(routes(connect(tinyGraph([...edges].reverse()), 'a', 'z'))).toEqual(expected);
		expect(routes(connect(tinyGraph(edges), 'z', 'a'))).toEqual(expected.map((path) => [...path].reverse()));
	});

	it('gives each relationship its real direction', () => {
		const result = connect(tinyGraph(['a>b:funds', 'c>b:praises']), 'a', 'c');
		expect(result).toEqual({
			kind: 'paths',
			truncated: false,
			paths: [
				{
					nodes: ['a', 'b', 'c'],
					steps: [
						{ from: 'a', to: 'b', edges: [{ key: 'e0', source: 'a', target: 'b', forward: true }] },
						{ from: 'b', to: 'c', edges: [{ key: 'e1', source: 'c', target: 'b', forward: false }] }
					]
				}
			]
		});
	});

	it('lists parallel relationships of both directions in one step, forward ones first, then by key', () => {
		const graph = tinyGraph(['b>a:funds', 'a>b:likes', 'b>c:likes', 'a>b:funds']);
		const result = connect(graph, 'a', 'c');
		if (result.kind !== 'paths') throw new Error(`expected paths, got ${result.kind}`);
		expect(result.paths).toHaveLength(1);
		expect(result.paths[0]?.steps[0]?.edges).toEqual([
			{ key: 'e1', source: 'a', target: 'b', forward: true },
			{ key: 'e3', source: 'a', target: 'b', forward: true },
			{ key: 'e0', source: 'b', target: 'a', forward: false }
		]);
	});

	it('never makes a step of a self-loop', () => {
		const graph = tinyGraph(['a>a:likes', 'a>b:likes', 'b>b:likes', 'b>c:likes', 'c>c:likes']);
		const result = connect(graph, 'a', 'c');
		expect(routes(result)).toEqual([['a', 'b', 'c']]);
		if (result.kind !== 'paths') throw new Error('expected paths');
		expect(result.paths[0]?.steps.flatMap((step) => step.edges.map((edge) => edge.key))).toEqual([
			'e1',
			'e3'
		]);
		expect(connect(tinyGraph(['a>a:likes', 'b>b:likes']), 'a', 'b')).toMatchObject({ kind: 'none' });
	});

	it('stops at maxPaths, and fills up with longer paths when the shortest are too few', () => {
		const graph = tinyGraph(['a>z:x', 'a>b:x', 'b>z:x', 'a>c:x', 'c>d:x', 'd>z:x', 'a>e:x', 'e>z:x']);
		expect(routes(connect(graph, 'a', 'z'))).toEqual([
			['a', 'z'],
			['a', 'b', 'z'],
			['a', 'e', 'z'],
			['a', 'c', 'd', 'z']
		]);
		expect(routes(connect(graph, 'a', 'z', { maxPaths: 2 }))).toEqual([
			['a', 'z'],
			['a', 'b', 'z']
		]);
		expect(routes(connect(graph, 'a', 'z', { maxSteps: 2 }))).toHaveLength(3);
		expect(routes(connect(graph, 'a', 'z', { maxPaths: 0 }))).toBe('none');
	});

	it('travels no hidden relationship and lists none in a step', () => {
		const graph = tinyGraph(['a>b:x', 'b>z:x', 'a>c:x', 'c>z:x', 'a>c:y']);
		expect(routes(connect(graph, 'a', 'z', { hidden: (edge) => edge === 'e0' }))).toEqual([['a', 'c', 'z']]);
		const result = connect(graph, 'a', 'z', { hidden: (edge) => edge === 'e2' });
		if (result.kind !== 'paths') throw new Error('expected paths');
		expect(result.paths.map((path) => path.steps[0]?.edges.map((edge) => edge.key))).toEqual([
			['e0'],
			['e4']
		]);
		expect(connect(graph, 'a', 'z', { hidden: (edge) => edge !== 'e4' })).toMatchObject({ kind: 'none' });
	});

	it('says when the work cap cut the search short, keeping the best paths found by then', () => {
		const graph = tinyGraph(['a>b:x', 'b>z:x', 'a>c:x', 'c>z:x', 'a>d:x', 'd>z:x', 'a>e:x', 'e>z:x']);
		const full = connect(graph, 'a', 'z');
		expect(full).toMatchObject({ kind: 'paths', truncated: false });
		expect(routes(full)).toHaveLength(4);
		// Expanding a looks at its 4 relationships, then b at 2: the cap is reached before c is expanded.
		const cut = connect(graph, 'a', 'z', { maxVisits: 6 });
		expect(cut).toMatchObject({ kind: 'paths', truncated: true });
		expect(routes(cut)).toEqual([['a', 'b', 'z']]);
		expect(connect(graph, 'a', 'z', { maxVisits: 0 })).toEqual({
			kind: 'none',
			maxSteps: 4,
			truncated: true
		});
	});

	it('prefers paths through less connected entities to paths through a hub', () => {
		// h comes before m by key, but h is a hub.
		const graph = tinyGraph(['a>h:x', 'h>z:x', 'a>m:x', 'm>z:x', 'h>p:x', 'h>q:x', 'r>h:x']);
		expect(routes(connect(graph, 'a', 'z'))).toEqual([
			['a', 'm', 'z'],
			['a', 'h', 'z']
		]);
	});

	it('ranks equal-length paths by their busiest intermediate entity, then by the total', () => {
		// Relationships of the intermediates: b, c 4 each (busiest 4, total 8); d 5, e 2 (busiest 5, total 7);
		// f 2, g 3 (busiest 3, total 5). By total alone d–e would come before b–c; by key, b–c–z first.
		const graph = tinyGraph([
			'a>b:x',
			'b>c:x',
			'c>z:x',
			'b>b1:x',
			'b>b2:x',
			'c>c1:x',
			'c>c2:x',
			'a>d:x',
			'd>e:x',
			'e>z:x',
			'd>d1:x',
			'd>d2:x',
			'd>d3:x',
			'a>f:x',
			'f>g:x',
			'g>z:x',
			'g>g1:x'
		]);
		expect(routes(connect(graph, 'a', 'z'))).toEqual([
			['a', 'f', 'g', 'z'],
			['a', 'b', 'c', 'z'],
			['a', 'd', 'e', 'z']
		]);
	});
});

/** Every simple path of at most maxSteps steps, in the documented order: the reference `connect` must match. */
function bruteForce(
	graph: KnowledgeGraph,
	from: string,
	to: string,
	maxSteps: number,
	hidden: (edge: string) => boolean
): string[][] {
	const linked = (a: string, b: string) =>
		[...graph.outEdges(a, b), ...graph.outEdges(b, a)].some((edge) => !hidden(edge));
	const paths: string[][] = [];
	const walk = (path: string[]) => {
		const last = path[path.length - 1] as string;
		if (last === to) {
			paths.push(path);
			return;
		}
		if (path.length > maxSteps) return;
		for (const next of graph.nodes()) {
			if (!path.includes(next) && linked(last, next)) walk([...path, next]);
		}
	};
	walk([from]);
	const rank = (path: string[]) => {
		const degrees = path.slice(1, -1).map((node) => graph.degreeWithoutSelfLoops(node));
		return [path.length, Math.max(0, ...degrees), degrees.reduce((a, b) => a + b, 0)];
	};
	return paths.sort((p, q) => {
		const [x, y] = [rank(p), rank(q)];
		for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
		return p.join('\u0000') < q.join('\u0000') ? -1 : 1;
	});
}

describe('connect: against an exhaustive search', () => {
	const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
	const edge = fc.record({ source: fc.constantFrom(...keys), target: fc.constantFrom(...keys) });

	it('returns the first paths of the exhaustive list, each step with exactly the visible relationships', () => {
		fc.assert(
			fc.property(
				fc.array(edge, { maxLength: 16 }),
				fc.constantFrom(...keys),
				fc.constantFrom(...keys),
				fc.integer({ min: 1, max: 5 }),
				fc.integer({ min: 1, max: 6 }),
				fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
				(edges, from, to, maxSteps, maxPaths, hiddenFlags) => {
					const graph = tinyGraph(
						edges.map(({ source, target }) => `${source}>${target}:x`),
						{},
						keys
					);
					const hidden = (key: string) => hiddenFlags[Number(key.slice(1))] === true;
					const result = connect(graph, from, to, { maxSteps, maxPaths, hidden });
					if (from === to) {
						expect(result).toEqual({ kind: 'same' });
						return;
					}
					const expected = bruteForce(graph, from, to, maxSteps, hidden).slice(0, maxPaths);
					expect(routes(result)).toEqual(expected.length > 0 ? expected : 'none');
					if (result.kind !== 'paths') return;
					for (const path of result.paths) {
						for (const step of path.steps) {
							const visible = [...graph.outEdges(step.from, step.to), ...graph.outEdges(step.to, step.from)]
								.filter((key) => !hidden(key))
								.sort();
							expect(step.edges.map((e) => e.key).sort()).toEqual(visible);
							for (const e of step.edges) {
								expect([graph.source(e.key), graph.target(e.key)]).toEqual([e.source, e.target]);
								expect(e.forward).toBe(e.source === step.from);
							}
						}
					}
				}
			),
			{ numRuns: 300, seed: 42 }
		);
	});
});

describe('connect on the flagship graph', () => {
	const loaded = loadGraph(
		readFileSync(new URL('../../../graph-data/india-russia.json', import.meta.url)),
		'india-russia.json'
	);
	if (!loaded.ok) throw new Error('india-russia.json does not load');
	const graph = loaded.graph;

	it('connects the United States to the Kudankulam nuclear power plant through real relationships', () => {
		const result = connect(graph, 'united-states', 'kudankulam-nuclear-power-plant');
		if (result.kind !== 'paths') throw new Error(`expected paths, got ${JSON.stringify(result)}`);
		expect(result.paths.length).toBeGreaterThan(0);
		expect(result.paths.length).toBeLessThanOrEqual(5);
		for (const path of result.paths) {
			expect(path.nodes[0]).toBe('united-states');
			expect(path.nodes.at(-1)).toBe('kudankulam-nuclear-power-plant');
			expect(new Set(path.nodes).size).toBe(path.nodes.length);
			expect(path.steps.length).toBe(path.nodes.length - 1);
			expect(path.steps.length).toBeLessThanOrEqual(4);
			path.steps.forEach((step, i) => {
				expect([step.from, step.to]).toEqual([path.nodes[i], path.nodes[i + 1]]);
				expect(step.edges.length).toBeGreaterThan(0);
				for (const edge of step.edges) {
					const [source, target] = [graph.source(edge.key), graph.target(edge.key)];
					expect([source, target]).toEqual([edge.source, edge.target]);
					expect(edge.forward ? [source, target] : [target, source]).toEqual([step.from, step.to]);
				}
			});
		}
		const lengths = result.paths.map((path) => path.steps.length);
		expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
	});
});

describe('pathElements', () => {
	it('collects every entity and relationship of the paths, once', async () => {
		const { pathElements } = await import('../../../src/lib/graph/connect');
		const elements = pathElements([
			{ nodes: ['a', 'b', 'c'], steps: [step('a', 'b', ['e1']), step('b', 'c', ['e2', 'e3'])] },
			{ nodes: ['a', 'd', 'c'], steps: [step('a', 'd', ['e4']), step('d', 'c', ['e5'])] }
		]);
		expect([...elements.nodes].sort()).toEqual(['a', 'b', 'c', 'd']);
		expect([...elements.edges].sort()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
		expect(pathElements([])).toEqual({ nodes: new Set(), edges: new Set() });
	});
});

function step(from: string, to: string, keys: string[]) {
	return { from, to, edges: keys.map((key) => ({ key, source: from, target: to, forward: true })) };
}
