import { describe, expect, it } from 'vitest';
import { LAYOUT_RADIUS, defaultNodeSize } from '../../../src/lib/graph/geometry';
import { computeLayout } from '../../../src/lib/graph/layout';
import { graphDataFiles, readGraphFile } from '../../../src/lib/server/graph-files';
import { tinyGraph } from '../helpers';

describe('computeLayout', () => {
	const edges = ['a>b:likes', 'b>c:likes', 'c>a:likes', 'c>d:likes', 'd>e:likes', 'e>f:likes', 'a>g:likes'];

	it('gives the same positions for the same graph and seed', () => {
		expect(computeLayout(tinyGraph(edges))).toEqual(computeLayout(tinyGraph(edges)));
	});

	it('ignores the positions the file had', () => {
		const moved = tinyGraph(edges);
		moved.updateEachNodeAttributes((_key, attributes) => ({ ...attributes, x: 123, y: -45 }));
		expect(computeLayout(moved)).toEqual(computeLayout(tinyGraph(edges)));
	});

	it('changes with the seed', () => {
		expect(computeLayout(tinyGraph(edges), { seed: 2 })).not.toEqual(
			computeLayout(tinyGraph(edges), { seed: 1 })
		);
	});

	it('does not touch the graph it lays out', () => {
		const graph = tinyGraph(edges);
		const before = graph.export();
		computeLayout(graph);
		expect(graph.export()).toEqual(before);
	});

	it('fits the layout in the layout box and keeps nodes apart', () => {
		const positions = [...computeLayout(tinyGraph(edges)).values()];
		for (const { x, y } of positions) {
			expect(Math.abs(x)).toBeLessThanOrEqual(LAYOUT_RADIUS);
			expect(Math.abs(y)).toBeLessThanOrEqual(LAYOUT_RADIUS);
		}
		for (const [i, p] of positions.entries()) {
			for (const q of positions.slice(i + 1)) expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(20);
		}
	});
});

describe('defaultNodeSize', () => {
	it('grows with the number of relationships, within bounds', () => {
		expect(defaultNodeSize(0)).toBe(4);
		expect(defaultNodeSize(9)).toBeGreaterThan(defaultNodeSize(1));
		expect(defaultNodeSize(10_000)).toBe(24);
	});
});

describe('graphs in graph-data/', () => {
	const files = graphDataFiles();
	it.each(files)('%s has the positions npm run layout computes', (file) => {
		const result = readGraphFile(file);
		if (!result.ok) throw new Error(`${file} is invalid; see the validator tests`);
		// Laying out is linear in the graph; very large graphs are checked by `npm run layout -- --check` instead.
		if (result.graph.order > 5000) return;
		const positions = computeLayout(result.graph);
		const stale = result.graph.filterNodes(
			(key, { x, y }) => positions.get(key)?.x !== x || positions.get(key)?.y !== y
		);
		expect(stale).toEqual([]);
	});
});
