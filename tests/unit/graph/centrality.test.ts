import { describe, expect, it } from 'vitest';
import {
	BETWEENNESS_MAX_NODES,
	betweenness,
	communities,
	degrees,
	neighbourCount,
	topEntities,
	undirectedProjection
} from '../../../src/lib/graph/centrality';
import { tinyGraph } from '../helpers';

/** Every edge among `keys`, one way. */
function clique(keys: string[]): string[] {
	return keys.flatMap((a, i) => keys.slice(i + 1).map((b) => `${a}>${b}:x`));
}

describe('degrees', () => {
	it('counts the neighbours of a star, either direction', () => {
		const { neighbours } = degrees(tinyGraph(['h>b:x', 'c>h:x', 'h>d:x', 'e>h:x']));
		expect(Object.fromEntries(neighbours)).toEqual({ h: 4, b: 1, c: 1, d: 1, e: 1 });
	});

	it('counts a neighbour once however many relationships, and relationships apiece, a self-loop once', () => {
		const graph = tinyGraph(['b>c:x', 'c>b:x', 'b>c:y', 'b>b:x', 'c>d:x']);
		const { neighbours, relationships } = degrees(graph);
		expect(Object.fromEntries(neighbours)).toEqual({ b: 1, c: 2, d: 1 });
		expect(Object.fromEntries(relationships)).toEqual({ b: 4, c: 4, d: 1 });
		expect(neighbourCount(graph, 'b')).toBe(1);
	});
});

describe('undirectedProjection', () => {
	it('keeps one weighted edge per linked pair and drops self-loops', () => {
		const projection = undirectedProjection(tinyGraph(['b>c:x', 'c>b:x', 'b>c:y', 'b>b:x', 'c>d:x']));
		expect(projection.order).toBe(3);
		expect(projection.size).toBe(2);
		expect(projection.getEdgeAttribute('b', 'c', 'weight')).toBe(3);
		expect(projection.getEdgeAttribute('d', 'c', 'weight')).toBe(1);
	});
});

describe('betweenness', () => {
	it('scores the middle of a path highest, and the ends zero, whichever way the edges point', () => {
		for (const edges of [
			['a>b:x', 'b>c:x', 'c>d:x', 'd>e:x'],
			['b>a:x', 'b>c:x', 'd>c:x', 'd>e:x']
		]) {
			const scores = betweenness(tinyGraph(edges));
			if (!scores) throw new Error('expected scores');
			// Normalised: pairs through the node / ((n − 1)(n − 2) / 2).
			expect(scores.get('c')).toBeCloseTo(4 / 6);
			expect(scores.get('b')).toBeCloseTo(3 / 6);
			expect(scores.get('d')).toBeCloseTo(3 / 6);
			expect(scores.get('a')).toBe(0);
			expect(scores.get('e')).toBe(0);
			expect(topEntities(scores, 1)).toEqual([['c', scores.get('c')]]);
		}
	});

	it('is not changed by parallel relationships or self-loops', () => {
		const scores = betweenness(tinyGraph(['a>b:x', 'a>b:y', 'b>a:x', 'b>c:x', 'c>d:x', 'd>d:x']));
		expect(scores && Object.fromEntries(scores)).toEqual({ a: 0, b: 2 / 3, c: 2 / 3, d: 0 });
	});

	it('gives null above the node-count threshold', () => {
		const graph = tinyGraph(['a>b:x', 'b>c:x', 'c>d:x']);
		expect(betweenness(graph, 3)).toBeNull();
		expect(betweenness(graph, 4)).not.toBeNull();
		expect(BETWEENNESS_MAX_NODES).toBeGreaterThanOrEqual(1000);
	});
});

describe('communities', () => {
	const left = ['p1', 'p2', 'p3', 'p4', 'p5'];
	const right = ['k1', 'k2', 'k3', 'k4'];

	it('finds two cliques joined by one edge, the larger one as community 0', () => {
		const graph = tinyGraph([...clique(left), ...clique(right), 'p5>k1:x']);
		const { community, members, modularity } = communities(graph);
		expect(members).toEqual([left, right]);
		for (const key of left) expect(community.get(key)).toBe(0);
		for (const key of right) expect(community.get(key)).toBe(1);
		expect(modularity).toBeGreaterThan(0.3);
	});

	it('numbers communities of equal size by their smallest key, singletons last', () => {
		const graph = tinyGraph([...clique(left.slice(0, 4)), ...clique(right), 'p4>k1:x'], {}, ['z', 'b']);
		expect(communities(graph).members).toEqual([right, left.slice(0, 4), ['b'], ['z']]);
	});

	it('gives the same result on every run, and with another seed on this clear-cut graph', () => {
		const graph = tinyGraph([...clique(left), ...clique(right), 'p5>k1:x', 'p1>k2:x']);
		const first = communities(graph);
		expect(communities(graph)).toEqual(first);
		expect(communities(graph, { seed: 7 }).members).toEqual(first.members);
	});

	it('is deterministic on a graph Louvain can split several ways', () => {
		// A ring of 12: many partitions are equally good, so the seeded walk decides.
		const ring = Array.from({ length: 12 }, (_, i) => `n${i}>n${(i + 1) % 12}:x`);
		const graph = tinyGraph(ring);
		const runs = Array.from({ length: 5 }, () => communities(graph).members);
		for (const run of runs) expect(run).toEqual(runs[0]);
	});
});

describe('topEntities', () => {
	it('sorts by score, then by key, and keeps n', () => {
		const scores = new Map([
			['b', 2],
			['a', 2],
			['c', 3],
			['d', Number.NaN],
			['e', 1]
		]);
		expect(topEntities(scores, 3)).toEqual([
			['c', 3],
			['a', 2],
			['b', 2]
		]);
		expect(topEntities(scores, 10).map(([key]) => key)).toEqual(['c', 'a', 'b', 'e']);
		expect(topEntities(scores, 0)).toEqual([]);
	});
});
