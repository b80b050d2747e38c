import { describe, expect, it } from 'vitest';
import {
	EMPTY_DISPLAY,
	changedFields,
	mergeHighlights,
	sameHighlight
} from '../../../src/lib/render/display';

const paths = { nodes: new Set(['a', 'b']), edges: new Set(['e1']), frame: true };
const search = { nodes: new Set(['b', 'c']), edges: new Set<string>(), frame: false };

describe('mergeHighlights', () => {
	it('should be null for none and the highlight itself for one', () => {
		expect(mergeHighlights([])).toBeNull();
		expect(mergeHighlights([search])).toBe(search);
	});

	it('should join several, framing if any of them frames', () => {
		expect(mergeHighlights([paths, search])).toEqual({
			nodes: new Set(['a', 'b', 'c']),
			edges: new Set(['e1']),
			frame: true
		});
		expect(mergeHighlights([search, { ...search, nodes: new Set(['d']) }])?.frame).toBe(false);
	});
});

describe('changedFields', () => {
	it('should list what differs, highlights by content', () => {
		expect(changedFields(EMPTY_DISPLAY, { ...EMPTY_DISPLAY })).toEqual([]);
		expect(changedFields(EMPTY_DISPLAY, { ...EMPTY_DISPLAY, selected: 'a', hovered: 'b' })).toEqual([
			'selected',
			'hovered'
		]);
		const withSearch = { ...EMPTY_DISPLAY, highlight: search };
		expect(
			changedFields(withSearch, { ...withSearch, highlight: { ...search, nodes: new Set(['c', 'b']) } })
		).toEqual([]);
		expect(sameHighlight(search, { ...search, frame: true })).toBe(false);
		expect(changedFields(withSearch, EMPTY_DISPLAY)).toEqual(['highlight']);
		expect(
			changedFields(EMPTY_DISPLAY, { ...EMPTY_DISPLAY, appearance: { sizes: new Map(), colors: null } })
		).toEqual(['appearance']);
	});
});
