/**
 * The reducers: how each entity and relationship is drawn for a display state, as the canvas would draw them.
 */
import { describe, expect, it } from 'vitest';
import { type DisplayState, EMPTY_DISPLAY } from '../../../src/lib/render/display';
import {
	type DrawContext,
	MAX_EDGE_LABELS,
	type Theme,
	drawContext,
	edgeDisplay,
	nodeDisplay
} from '../../../src/lib/render/reducers';
import { visibleElements, DEFAULT_VIEW } from '../../../src/lib/graph/view';
import { tinyGraph } from '../helpers';

const THEME: Theme = {
	label: 'label',
	background: 'background',
	edge: 'edge',
	edgeStrong: 'strong',
	faded: 'faded'
};

// a — b — c — d, and a star around h with more relationships than get labels.
const graph = tinyGraph([
	'a>b:likes',
	'b>c:likes',
	'c>d:likes',
	...Array.from({ length: MAX_EDGE_LABELS + 1 }, (_, i) => `h>n${i}:owns`)
]);
const edgeOf = (source: string, target: string) => graph.edges(source, target)[0] ?? '';

function context(state: Partial<DisplayState>, big = false): DrawContext {
	return drawContext(
		graph,
		{ ...EMPTY_DISPLAY, ...state },
		{
			theme: THEME,
			typeColors: graph.getAttribute('nodeTypes'),
			ownSize: new Map(graph.nodes().map((key) => [key, 5])),
			sizeScale: 1,
			curvatures: new Map(),
			big
		}
	);
}
const node = (key: string, state: Partial<DisplayState>, big = false) =>
	nodeDisplay(key, graph.getNodeAttributes(key), context(state, big));
const edge = (source: string, target: string, state: Partial<DisplayState>, big = false) => {
	const key = edgeOf(source, target);
	return edgeDisplay(key, graph.getEdgeAttributes(key), source, target, context(state, big));
};

describe('nodeDisplay', () => {
	it("should draw an entity in its type's colour at its size, with nothing selected", () => {
		expect(node('a', {})).toEqual({ x: 0, y: 0, label: 'A', size: 5, color: '#0072B2' });
		expect(node('c', {}).color).toBe('#E69F00');
	});

	it('should hide what the filters hide', () => {
		const visible = visibleElements(graph, { ...DEFAULT_VIEW, hiddenTypes: new Set(['person']) }, null);
		expect(node('a', { visible }).hidden).toBe(true);
		expect(node('b', { visible }).hidden).toBeUndefined();
	});

	it("should make the selected entity's neighbourhood stand out and fade the rest", () => {
		expect(node('b', { selected: 'b' })).toMatchObject({ highlighted: true, forceLabel: true, zIndex: 2 });
		expect(node('a', { selected: 'b' })).toMatchObject({ forceLabel: true, zIndex: 1, color: '#0072B2' });
		expect(node('d', { selected: 'b' })).toMatchObject({ color: 'faded', label: '', zIndex: 0 });
	});

	it('should let a hover win over the selection', () => {
		const state = { selected: 'b', hovered: 'd' };
		expect(node('c', state)).toMatchObject({ forceLabel: true });
		expect(node('a', state).color).toBe('faded');
		// The selected entity keeps its mark even while faded out of the hovered neighbourhood.
		expect(node('b', state).color).toBe('faded');
	});

	it('should mark highlighted entities and fade the rest, over the selection', () => {
		const highlight = { nodes: new Set(['d']), edges: new Set<string>(), frame: false };
		expect(node('d', { highlight, selected: 'b' })).toMatchObject({ forceLabel: true, zIndex: 1 });
		expect(node('a', { highlight, selected: 'b' }).color).toBe('faded');
		expect(node('b', { highlight, selected: 'b' })).toMatchObject({ highlighted: true, color: 'faded' });
	});

	it('should fade nothing on a big graph for a hover, a selection or a search, but fade for paths', () => {
		const search = { nodes: new Set(['d']), edges: new Set<string>(), frame: false };
		expect(node('d', { hovered: 'a' }, true).color).toBe('#E69F00');
		expect(node('d', { selected: 'a' }, true).color).toBe('#E69F00');
		expect(node('a', { highlight: search }, true).color).toBe('#0072B2');
		expect(node('d', { highlight: search }, true)).toMatchObject({ forceLabel: true });
		expect(node('a', { highlight: { ...search, frame: true } }, true).color).toBe('faded');
	});

	it('should take sizes and colours from the appearance', () => {
		const appearance = { sizes: new Map([['a', 20]]), colors: new Map([['a', '#123456']]) };
		expect(node('a', { appearance })).toMatchObject({ size: 20, color: '#123456' });
		expect(node('b', { appearance })).toMatchObject({ size: 5, color: '#E69F00' });
	});
});

describe('edgeDisplay', () => {
	it('should draw plain arrows with nothing selected, and hide what the filters hide', () => {
		expect(edge('a', 'b', {})).toMatchObject({ type: 'arrow', color: 'edge', label: '' });
		const visible = visibleElements(graph, { ...DEFAULT_VIEW, hiddenRelations: new Set(['likes']) }, null);
		expect(edge('a', 'b', { visible }).hidden).toBe(true);
	});

	it("should draw the selected entity's relationships strong and labelled, and fade the others", () => {
		expect(edge('a', 'b', { selected: 'b' })).toMatchObject({ color: 'strong', label: 'likes', zIndex: 1 });
		expect(edge('c', 'd', { selected: 'b' })).toMatchObject({ color: 'faded' });
	});

	it("should not label a hub's relationships", () => {
		expect(edge('h', 'n0', { selected: 'h' })).toMatchObject({ color: 'strong', label: '' });
	});

	it('should draw highlighted relationships strong and fade the rest', () => {
		const highlight = { nodes: new Set(['c', 'd']), edges: new Set([edgeOf('c', 'd')]), frame: true };
		expect(edge('c', 'd', { highlight })).toMatchObject({
			color: 'strong',
			label: 'likes',
			forceLabel: true
		});
		expect(edge('a', 'b', { highlight })).toMatchObject({ color: 'faded' });
	});

	it("should keep the selected entity's relationships on a big graph while a search highlights", () => {
		const search = { nodes: new Set(['d']), edges: new Set<string>(), frame: false };
		expect(edge('a', 'b', { selected: 'b', highlight: search }, true)).toMatchObject({
			color: 'strong',
			type: 'line'
		});
		expect(edge('c', 'd', { selected: 'b', highlight: search }, true).color).toBe('edge');
	});
});
