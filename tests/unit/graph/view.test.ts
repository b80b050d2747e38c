import { inferDataKinds } from '../../../src/lib/graph/attributes';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_VIEW,
	type ViewOptions,
	dataAttribute,
	hidesAnything,
	parseViewOptions,
	viewQuery,
	viewOver,
	visibleElements,
	withViewOptions
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

// The same shape with data attributes, as a graph from another tool has them; y has none.
const IVORY = "Côte d'Ivoire, Abidjan";
const ODD = 'a&b=c+d%2C 東京 #1';
const dataGraph = tinyGraph(['a>b:likes', 'b>c:likes', 'c>d:likes', 'a>e:funds'], { d: 'person' }, [
	'z',
	'y'
]);
const DATA: Record<string, Record<string, string | number | boolean>> = {
	a: { country: IVORY, score: 10, flag: true, note: 'x1' },
	b: { country: 'Kenya', score: 0, flag: false, note: 'x2' },
	c: { country: 'Kenya', score: 5, flag: true, note: 'x3' },
	d: { country: IVORY, score: 2.5 },
	e: { country: ODD },
	z: { country: ODD }
};
for (const [key, data] of Object.entries(DATA)) dataGraph.setNodeAttribute(key, 'data', data);
// The loader infers the kinds of data attributes once (load.ts); a graph built here gets them the same way.
dataGraph.setAttribute('dataKinds', inferDataKinds(dataGraph));
const dataParams = (query: string) => parseViewOptions(new URLSearchParams(query), dataGraph);
const hideValues = (query: string) => [...dataParams(query).hiddenValues].sort();

describe('view options from data attributes', () => {
	it('size by a number attribute and colour by a category or yes/no one', () => {
		expect(dataParams('size=data:score&color=data:country')).toMatchObject({
			size: 'data:score',
			color: 'data:country'
		});
		expect(dataParams('color=data:flag').color).toBe('data:flag');
		// A number's values as classes (Gephi's modularity_class).
		expect(dataParams('color=data:score').color).toBe('data:score');
		expect(dataAttribute('data:country')).toBe('country');
		expect(dataAttribute('community')).toBeNull();
	});

	it.each([
		'size=data:country&color=data:note',
		'size=data:note&color=data:note',
		'size=data:nope&color=data:nope',
		'size=data:&color=data:',
		'size=data:__proto__&color=data:constructor',
		'size=data:toString&color=data:hasOwnProperty',
		'size=DATA:score&color=Data:country',
		`size=data:${'score'.repeat(500)}&color=data:${'x'.repeat(10_240)}`
	])('fall back to the defaults for an unknown or unsuitable attribute: %s', (query) => {
		expect(dataParams(query)).toMatchObject({ size: 'relationships', color: 'type' });
		expect(params(query)).toMatchObject({ size: 'relationships', color: 'type' });
	});

	it('read hidden values one parameter each, commas, spaces and all; a value no entity has hides nothing', () => {
		const odd = encodeURIComponent(ODD);
		expect(hideValues(`color=data:country&hideVal=${encodeURIComponent(IVORY)}&hideVal=${odd}`)).toEqual(
			[IVORY, ODD].sort()
		);
		expect(hideValues('color=data:country&hideVal=Kenya&hideVal=Kenya')).toEqual(['Kenya']);
		expect(hideValues(`color=data:country&hideVal=${'x'.repeat(201)}`)).toEqual([]);
		const graph = dataGraph;
		const options = parseViewOptions(new URLSearchParams('color=data:country&hideVal=nope'), graph);
		expect(visibleElements(graph, options, null).nodes.size).toBe(graph.order);
	});

	it('ignore hidden values unless colouring by an attribute', () => {
		expect(hideValues('hideVal=Kenya')).toEqual([]);
		expect(hideValues('color=community&hideVal=Kenya')).toEqual([]);
		expect(hideValues('color=data:nope&hideVal=Kenya')).toEqual([]);
		expect(viewQuery({ ...DEFAULT_VIEW, color: 'community', hiddenValues: new Set(['Kenya']) })).toBe(
			'color=community'
		);
		expect(hidesAnything({ ...DEFAULT_VIEW, hiddenValues: new Set(['Kenya']) }, null)).toBe(false);
	});

	it('round-trip through viewQuery in a stable order, values with commas and unicode intact', () => {
		const options: ViewOptions = {
			...DEFAULT_VIEW,
			hiddenTypes: new Set(['thing']),
			size: 'data:score',
			color: 'data:country',
			hiddenValues: new Set([ODD, IVORY])
		};
		const query = viewQuery(options);
		expect(query).toBe(
			'hide=thing&size=data:score&color=data:country' +
				'&hideVal=C%C3%B4te+d%27Ivoire,+Abidjan&hideVal=a%26b%3Dc%2Bd%252C+%E6%9D%B1%E4%BA%AC+%231'
		);
		expect(dataParams(query)).toEqual(options);
		expect(viewQuery(dataParams(query))).toBe(query);
	});

	it('replace every hidden value of a query and keep its other parameters', () => {
		const options = {
			...DEFAULT_VIEW,
			color: 'data:country' as const,
			hiddenValues: new Set(['Kenya', IVORY])
		};
		const search = withViewOptions('?from=a&hideVal=old&hideVal=older&color=community', options);
		const read = new URLSearchParams(search);
		expect(read.get('from')).toBe('a');
		expect(read.getAll('hideVal')).toEqual([IVORY, 'Kenya']);
		expect(withViewOptions('?hideVal=old', DEFAULT_VIEW)).toBe('');
	});
});

describe('visibleElements with hidden values', () => {
	const sorted = (set: Set<string>) => [...set].sort();
	const byCountry = (...hidden: string[]): ViewOptions => ({
		...DEFAULT_VIEW,
		color: 'data:country',
		hiddenValues: new Set(hidden)
	});

	it('hides entities with a hidden value and their relationships, never those without a value', () => {
		expect(hidesAnything(byCountry('Kenya'), null)).toBe(true);
		const { nodes, edges } = visibleElements(dataGraph, byCountry('Kenya'), null);
		expect(sorted(nodes)).toEqual(['a', 'd', 'e', 'y', 'z']);
		expect(sorted(edges)).toEqual(['e3']);
		expect(sorted(visibleElements(dataGraph, byCountry('Kenya', IVORY, ODD), null).nodes)).toEqual(['y']);
	});

	it('always shows the selected entity, and depth does not travel through hidden values', () => {
		expect(sorted(visibleElements(dataGraph, byCountry('Kenya'), 'b').nodes)).toEqual([
			'a',
			'b',
			'd',
			'e',
			'y',
			'z'
		]);
		const { nodes } = visibleElements(dataGraph, { ...byCountry('Kenya'), depth: 3 }, 'a');
		expect(sorted(nodes)).toEqual(['a', 'e']);
	});

	it('hides yes/no values by their text, and nothing when the view does not colour by the attribute', () => {
		const options: ViewOptions = { ...DEFAULT_VIEW, color: 'data:flag', hiddenValues: new Set(['true']) };
		expect(sorted(visibleElements(dataGraph, options, null).nodes)).toEqual(['b', 'd', 'e', 'y', 'z']);
		const typed = { ...DEFAULT_VIEW, hiddenValues: new Set(['Kenya']) };
		expect(visibleElements(dataGraph, typed, null).nodes.size).toBe(7);
	});
});

describe('a story step’s own view', () => {
	it('gives way, parameter by parameter, to what the address says', () => {
		const own = 'hide=person&depth=2';
		const read = (params: URLSearchParams) => Object.fromEntries(params);
		expect(read(viewOver(own, new URLSearchParams('')))).toEqual({ hide: 'person', depth: '2' });
		expect(read(viewOver(own, new URLSearchParams('hide=place&from=x')))).toEqual({
			hide: 'place',
			depth: '2'
		});
		expect(read(viewOver(own, 'hide=&stated=0'))).toEqual({ hide: '', depth: '2', stated: '0' });
		expect(viewOver(own, 'hideVal=a&hideVal=b&color=data:party').getAll('hideVal')).toEqual(['a', 'b']);
	});
});
