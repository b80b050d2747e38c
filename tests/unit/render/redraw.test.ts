import { describe, expect, it } from 'vitest';
import { EMPTY_DISPLAY } from '../../../src/lib/render/display';
import { framesChanged, leanEdgesOf, partialRefresh } from '../../../src/lib/render/redraw';
import { tinyGraph } from '../helpers';

const graph = tinyGraph(['a>b:likes', 'b>c:likes', 'c>d:likes']);

describe('partialRefresh', () => {
	it('should redraw the entities selected before and after, with their relationships', () => {
		const { nodes, edges } = partialRefresh(
			graph,
			{ ...EMPTY_DISPLAY, selected: 'a' },
			{ ...EMPTY_DISPLAY, selected: 'd' }
		);
		expect(nodes.sort()).toEqual(['a', 'd']);
		expect(edges.sort()).toEqual(['e0', 'e2']);
	});

	it('should redraw what entered or left a highlight, and nothing for a hover', () => {
		const before = {
			...EMPTY_DISPLAY,
			highlight: { nodes: new Set(['a', 'b']), edges: new Set<string>(), frame: false }
		};
		const after = {
			...EMPTY_DISPLAY,
			highlight: { nodes: new Set(['b', 'c']), edges: new Set<string>(), frame: false }
		};
		expect(partialRefresh(graph, before, after).nodes.sort()).toEqual(['a', 'c']);
		expect(partialRefresh(graph, EMPTY_DISPLAY, { ...EMPTY_DISPLAY, hovered: 'a' })).toEqual({
			nodes: [],
			edges: []
		});
	});

	it('should tell when a highlight that fades everything came or went', () => {
		const paths = {
			...EMPTY_DISPLAY,
			highlight: { nodes: new Set(['a']), edges: new Set<string>(), frame: true }
		};
		expect(framesChanged(EMPTY_DISPLAY, paths)).toBe(true);
		expect(framesChanged(paths, EMPTY_DISPLAY)).toBe(true);
		expect(framesChanged(EMPTY_DISPLAY, { ...EMPTY_DISPLAY, selected: 'a' })).toBe(false);
	});
});

describe('leanEdgesOf', () => {
	it("should be the selected entity's and the highlighted relationships, for lean drawings only", () => {
		const state = {
			...EMPTY_DISPLAY,
			selected: 'b',
			highlight: { nodes: new Set<string>(), edges: new Set(['e2']), frame: true }
		};
		expect(leanEdgesOf(graph, state, true).sort()).toEqual(['e0', 'e1', 'e2']);
		expect(leanEdgesOf(graph, state, false)).toEqual([]);
	});
});
