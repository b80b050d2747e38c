import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEW,
	hidesAnything,
	parseViewOptions,
	viewQuery,
	visibleElements
} from '../../../src/lib/graph/view';
import { tinyGraph } from '../helpers';

// a -> b -> c -> d, plus e <- a (a "funds" relation) and an isolated z.
const graph = tinyGraph(['a>b:likes', 'b>c:likes', 'c>d:likes', 'a>e:funds'], { d: 'person' }, ['z']);
const params = (query: string) => parseViewOptions(new URLSearchParams(query), graph);

describe('parseViewOptions', () => {
	it.each([
		['', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['hide=person&hideRel=funds&depth=2', { hiddenTypes: ['person'], hiddenRelations: ['funds'], depth: 2 }],
		['hide=person,nosuchtype,__proto__', { hiddenTypes: ['person'], hiddenRelations: [], depth: null }],
		['depth=-1', { hiddenTypes: [], hiddenRelations: [], depth: 1 }],
		['depth=0', { hiddenTypes: [], hiddenRelations: [], depth: 1 }],
		['depth=99', { hiddenTypes: [], hiddenRelations: [], depth: 3 }],
		['depth=two', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=1e3', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['hide=%3Cscript%3E&hideRel=constructor', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		[`hide=${'person,'.repeat(2000)}`, { hiddenTypes: [], hiddenRelations: [], depth: null }],
		// Malformed, hostile, repeated and oversized values: ignored or clamped, never an error.
		['depth=abc', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=1.5', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=%202%20', { hiddenTypes: [], hiddenRelations: [], depth: 2 }],
		['depth=%00', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=%zz', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=-999999', { hiddenTypes: [], hiddenRelations: [], depth: 1 }],
		[`depth=${'9'.repeat(10_240)}`, { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['depth=2&depth=abc', { hiddenTypes: [], hiddenRelations: [], depth: 2 }],
		['depth=abc&depth=2', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['types=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['hide=%3Cscript%3Ealert(1)%3C%2Fscript%3E', { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['hide=person&hide=%3Cscript%3E', { hiddenTypes: ['person'], hiddenRelations: [], depth: null }],
		['hide=%3Cscript%3E,person', { hiddenTypes: ['person'], hiddenRelations: [], depth: null }],
		['hideRel=%3Cscript%3E,funds,__proto__', { hiddenTypes: [], hiddenRelations: ['funds'], depth: null }],
		[`hideRel=${'x'.repeat(10_240)}`, { hiddenTypes: [], hiddenRelations: [], depth: null }],
		['hide=,,,&hideRel=,', { hiddenTypes: [], hiddenRelations: [], depth: null }]
	])('%s', (query, expected) => {
		const options = params(query);
		expect({
			hiddenTypes: [...options.hiddenTypes],
			hiddenRelations: [...options.hiddenRelations],
			depth: options.depth
		}).toEqual(expected);
	});

	it('reads node size and colour options, defaulting anything else', () => {
		expect(params('size=betweenness&color=community')).toMatchObject({
			size: 'betweenness',
			color: 'community'
		});
		expect(params('size=degree')).toMatchObject({ size: 'degree', color: 'type' });
		for (const query of [
			'size=huge&color=red',
			'size=&color=',
			'size=constructor&color=__proto__',
			'size=evil&color=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
			`size=${'degree'.repeat(2000)}&color=${'x'.repeat(10_240)}`,
			'size=evil&size=degree&color=red&color=community'
		]) {
			expect(params(query), query).toMatchObject({ size: 'relationships', color: 'type' });
		}
	});

	it('reads the first of repeated size and colour options', () => {
		expect(params('size=degree&size=evil&color=community&color=red')).toMatchObject({
			size: 'degree',
			color: 'community'
		});
	});

	it('round-trips through viewQuery', () => {
		const options = params('hideRel=funds&color=community&depth=3&hide=thing,person&size=degree');
		expect(viewQuery(options)).toBe('hide=person,thing&hideRel=funds&depth=3&size=degree&color=community');
		expect(params(viewQuery(options))).toEqual(options);
		expect(viewQuery(DEFAULT_VIEW)).toBe('');
	});
});

describe('visibleElements', () => {
	const sorted = (set: Set<string>) => [...set].sort();

	it('shows everything by default', () => {
		const { nodes, edges } = visibleElements(graph, DEFAULT_VIEW, null);
		expect(sorted(nodes)).toEqual(['a', 'b', 'c', 'd', 'e', 'z']);
		expect(edges.size).toBe(4);
	});

	it.each([
		[1, 'b', ['a', 'b', 'c']],
		[2, 'b', ['a', 'b', 'c', 'd', 'e']],
		[1, 'z', ['z']],
		[3, 'a', ['a', 'b', 'c', 'd', 'e']]
	])('depth %i around %s follows edges both ways', (depth, selected, expected) => {
		expect(sorted(visibleElements(graph, { ...DEFAULT_VIEW, depth }, selected).nodes)).toEqual(expected);
	});

	it('ignores depth when nothing (or an unknown entity) is selected', () => {
		expect(visibleElements(graph, { ...DEFAULT_VIEW, depth: 1 }, null).nodes.size).toBe(6);
		expect(visibleElements(graph, { ...DEFAULT_VIEW, depth: 1 }, 'nope').nodes.size).toBe(6);
	});

	it('hides node types and the edges that touch them, but never the selected entity', () => {
		const { nodes, edges } = visibleElements(
			graph,
			{ ...DEFAULT_VIEW, hiddenTypes: new Set(['person']) },
			'a'
		);
		expect(sorted(nodes)).toEqual(['a', 'b', 'c', 'e', 'z']);
		expect(sorted(edges)).toEqual(['e0', 'e1', 'e3']);
	});

	it('hides relation types, and depth does not travel through them', () => {
		const options = { ...DEFAULT_VIEW, hiddenRelations: new Set(['likes']), depth: 2 };
		const { nodes, edges } = visibleElements(graph, options, 'a');
		expect(sorted(nodes)).toEqual(['a', 'e']);
		expect(sorted(edges)).toEqual(['e3']);
	});

	it('does not travel through hidden node types', () => {
		const options = { ...DEFAULT_VIEW, hiddenTypes: new Set(['thing']), depth: 3 };
		expect(sorted(visibleElements(graph, options, 'a').nodes)).toEqual(['a']);
	});
});

describe('hidesAnything', () => {
	it('is false for the default view, and for a depth without a selection', () => {
		expect(hidesAnything(DEFAULT_VIEW, null)).toBe(false);
		expect(hidesAnything(DEFAULT_VIEW, 'a')).toBe(false);
		expect(hidesAnything({ ...DEFAULT_VIEW, depth: 1 }, null)).toBe(false);
	});

	it('is true for hidden types or relations, or a depth around a selection', () => {
		expect(hidesAnything({ ...DEFAULT_VIEW, hiddenTypes: new Set(['x']) }, null)).toBe(true);
		expect(hidesAnything({ ...DEFAULT_VIEW, hiddenRelations: new Set(['x']) }, null)).toBe(true);
		expect(hidesAnything({ ...DEFAULT_VIEW, depth: 1 }, 'a')).toBe(true);
	});
});
