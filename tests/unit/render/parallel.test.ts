import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { KnowledgeGraph } from '../../../src/lib/graph/build';
import { curvature, parallelCurvatures } from '../../../src/lib/render/parallel';

function graphOf(edges: [string, string, string][]): KnowledgeGraph {
	const graph = new MultiDirectedGraph({ allowSelfLoops: true });
	for (const [key, source, target] of edges) {
		graph.mergeNode(source);
		graph.mergeNode(target);
		graph.addDirectedEdgeWithKey(key, source, target);
	}
	return graph as unknown as KnowledgeGraph;
}

describe('parallelCurvatures', () => {
	it('leaves a relationship alone between its entities straight', () => {
		expect(
			parallelCurvatures(
				graphOf([
					['ab', 'a', 'b'],
					['bc', 'b', 'c']
				])
			)
		).toEqual(new Map());
	});

	it('spreads same-direction relationships around a straight middle one', () => {
		const curves = parallelCurvatures(
			graphOf([
				['1', 'a', 'b'],
				['2', 'a', 'b'],
				['3', 'a', 'b']
			])
		);
		expect(curves.has('2')).toBe(false);
		expect(curves.get('1')).toBe(curvature(-1, 1));
		expect(curves.get('3')).toBe(curvature(1, 1));
		expect(curves.get('1')).toBe(-(curves.get('3') ?? 0));
	});

	it('curves opposite relationships each to its own side', () => {
		const curves = parallelCurvatures(
			graphOf([
				['ab', 'a', 'b'],
				['ba', 'b', 'a']
			])
		);
		expect(curves.get('ab')).toBe(curvature(1, 1));
		expect(curves.get('ba')).toBe(curvature(1, 1));
		expect(curves.get('ab')).toBeGreaterThan(0);
	});

	it('gives two same-direction relationships opposite bends', () => {
		const curves = parallelCurvatures(
			graphOf([
				['1', 'a', 'b'],
				['2', 'a', 'b']
			])
		);
		expect(curves.get('1')).toBe(-(curves.get('2') ?? NaN));
		expect(curves.get('1')).not.toBe(0);
	});
});
