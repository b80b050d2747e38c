import { inferDataKinds } from '../../../src/lib/graph/attributes';
import { describe, expect, it } from 'vitest';
import type { GraphMetrics } from '../../../src/lib/api/schema';
import {
	COMMUNITY_PALETTE,
	OTHER_COMMUNITIES,
	dataColors,
	dataKey,
	dataSizes,
	nodeColors,
	nodeSizes,
	viewAppearance
} from '../../../src/lib/graph/appearance';
import type { KnowledgeGraph } from '../../../src/lib/graph/build';
import type { Data } from '../../../src/lib/graph/schema';
import { DEFAULT_VIEW, withViewOptions } from '../../../src/lib/graph/view';
import { tinyGraph } from '../helpers';

const metrics: GraphMetrics = {
	keys: ['hub', 'mid', 'leaf'],
	degree: [4, 1, 0],
	betweenness: [0.5, 0, 0],
	community: [0, 1, 14],
	communities: []
};

describe('node sizes from metrics', () => {
	it('keep the graph’s own sizes by default', () => {
		expect(nodeSizes(metrics, 'relationships')).toBeNull();
	});

	it('grow with the square root of the score, from 4 to 24', () => {
		expect([...(nodeSizes(metrics, 'degree') ?? [])]).toEqual([
			['hub', 24],
			['mid', 14],
			['leaf', 4]
		]);
		expect(nodeSizes(metrics, 'betweenness')?.get('hub')).toBe(24);
		expect(nodeSizes(metrics, 'betweenness')?.get('mid')).toBe(4);
	});

	it('fall back when betweenness was not computed, and cope with all-zero scores', () => {
		expect(nodeSizes({ ...metrics, betweenness: null }, 'betweenness')).toBeNull();
		expect(nodeSizes({ ...metrics, degree: [0, 0, 0] }, 'degree')?.get('hub')).toBe(4);
	});
});

describe('node colours from metrics', () => {
	it('follow the community, grey past the palette, and keep type colours by default', () => {
		expect(nodeColors(metrics, 'type')).toBeNull();
		const colours = nodeColors(metrics, 'community');
		expect(colours?.get('hub')).toBe(COMMUNITY_PALETTE[0]);
		expect(colours?.get('mid')).toBe(COMMUNITY_PALETTE[1]);
		expect(colours?.get('leaf')).toBe(OTHER_COMMUNITIES);
	});
});

describe('withViewOptions', () => {
	it('replaces the view parameters of a query and keeps the others', () => {
		const view = { ...DEFAULT_VIEW, depth: 2, color: 'community' as const };
		expect(withViewOptions('?from=a&to=b&depth=1&hide=x', view)).toBe('?from=a&to=b&depth=2&color=community');
		expect(withViewOptions('?depth=1', DEFAULT_VIEW)).toBe('');
		expect(withViewOptions('', { ...DEFAULT_VIEW, hiddenTypes: new Set(['a', 'b']) })).toBe('?hide=a,b');
	});
});

describe('hrefWithView', () => {
	it('puts the view parameters on a link, keeping its own', async () => {
		const { hrefWithView } = await import('../../../src/lib/graph/view');
		const view = { ...DEFAULT_VIEW, depth: 1 };
		expect(hrefWithView('/g/connect?from=a&to=b', view)).toBe('/g/connect?from=a&to=b&depth=1');
		expect(hrefWithView('/g/connect', view)).toBe('/g/connect?depth=1');
		expect(hrefWithView('/g/connect?depth=3', DEFAULT_VIEW)).toBe('/g/connect');
	});
});

/** A graph of isolated entities with `data` (an entity per record, keyed n0, n1, …). */
function graphWith(records: (Data | undefined)[]): KnowledgeGraph {
	const graph = tinyGraph(
		[],
		{},
		records.map((_, i) => `n${i}`)
	);
	records.forEach((data, i) => {
		if (data) graph.setNodeAttribute(`n${i}`, 'data', data);
	});
	// The kinds are inferred when a graph is loaded (load.ts); a graph built here gets them the same way.
	graph.setAttribute('dataKinds', inferDataKinds(graph));
	return graph;
}

const people = graphWith([
	{ country: 'Kenya', score: 10, member: true },
	{ country: 'India, south', score: 0, member: false },
	{ country: 'Kenya', score: 2.5, member: true, note: 'third' },
	{ country: 'India, south', member: true, note: 'first' },
	{ country: 'Kenya', score: 5, note: 'second' },
	undefined
]);

describe('node colours from a data attribute', () => {
	it('give each value a palette colour, commonest first, and list them with their counts', () => {
		expect(dataKey(people, 'country')).toEqual([
			{ value: 'Kenya', color: COMMUNITY_PALETTE[0], count: 3 },
			{ value: 'India, south', color: COMMUNITY_PALETTE[1], count: 2 }
		]);
		expect([...(dataColors(people, 'country') ?? [])]).toEqual([
			['n0', COMMUNITY_PALETTE[0]],
			['n1', COMMUNITY_PALETTE[1]],
			['n2', COMMUNITY_PALETTE[0]],
			['n3', COMMUNITY_PALETTE[1]],
			['n4', COMMUNITY_PALETTE[0]],
			['n5', OTHER_COMMUNITIES]
		]);
	});

	it('colour yes/no attributes by their values as text, commonest first', () => {
		expect(dataKey(people, 'member')).toEqual([
			{ value: 'true', color: COMMUNITY_PALETTE[0], count: 3 },
			{ value: 'false', color: COMMUNITY_PALETTE[1], count: 1 }
		]);
		expect(dataColors(people, 'member')?.get('n1')).toBe(COMMUNITY_PALETTE[1]);
		expect(dataColors(people, 'member')?.get('n4')).toBe(OTHER_COMMUNITIES);
	});

	it('share grey past the palette', () => {
		const many = graphWith(
			Array.from({ length: 30 }, (_, i) => ({ kind: `k${String(i % 15).padStart(2, '0')}` }))
		);
		const key = dataKey(many, 'kind');
		expect(key).toHaveLength(15);
		expect(key.map((row) => row.color)).toEqual([
			...COMMUNITY_PALETTE,
			OTHER_COMMUNITIES,
			OTHER_COMMUNITIES,
			OTHER_COMMUNITIES
		]);
		expect(dataColors(many, 'kind')?.get('n14')).toBe(OTHER_COMMUNITIES);
	});

	it('colour a number attribute by its values as classes (Gephi’s modularity_class)', () => {
		expect(dataKey(people, 'score').map((row) => row.value)).toEqual(['0', '10', '2.5', '5']);
	});

	it.each(['note', 'nope', '__proto__', 'toString'])('are null for %s, no category', (name) => {
		expect(dataKey(people, name)).toEqual([]);
		expect(dataColors(people, name)).toBeNull();
	});
});

describe('node sizes from a data attribute', () => {
	it('grow with the square root of the value between its smallest and largest, 4 for no value', () => {
		expect([...(dataSizes(people, 'score') ?? [])]).toEqual([
			['n0', 24],
			['n1', 4],
			['n2', 14],
			['n3', 4],
			['n4', 4 + 20 * Math.sqrt(0.5)],
			['n5', 4]
		]);
	});

	it('are all the largest when every value is the same, and work with negative values', () => {
		const same = graphWith([{ n: 7 }, { n: 7 }, {}]);
		expect([...(dataSizes(same, 'n') ?? []).values()]).toEqual([24, 24, 4]);
		const negative = graphWith([{ n: -10 }, { n: -5 }, { n: 10 }]);
		expect(dataSizes(negative, 'n')?.get('n0')).toBe(4);
		expect(dataSizes(negative, 'n')?.get('n2')).toBe(24);
	});

	it.each(['country', 'member', 'nope', 'constructor'])('are null for %s, no number', (name) => {
		expect(dataSizes(people, name)).toBeNull();
	});
});

describe('viewAppearance', () => {
	const graph = graphWith([{ kind: 'x', n: 1 }, { kind: 'x', n: 3 }, { kind: 'y' }]);
	const keys = graph.nodes();
	const graphMetrics: GraphMetrics = {
		keys,
		degree: [2, 1, 0],
		betweenness: null,
		community: [1, 0, 0],
		communities: []
	};

	it('keeps the graph’s own look for the default view, with or without metrics', () => {
		expect(viewAppearance(graph, null, DEFAULT_VIEW)).toEqual({ sizes: null, colors: null });
		expect(viewAppearance(graph, graphMetrics, DEFAULT_VIEW)).toEqual({ sizes: null, colors: null });
	});

	it('takes data attributes without metrics, and metrics once they are there', () => {
		const data = viewAppearance(graph, null, { size: 'data:n', color: 'data:kind' });
		expect(data.sizes?.get('n1')).toBe(24);
		expect(data.colors?.get('n2')).toBe(COMMUNITY_PALETTE[1]);
		expect(viewAppearance(graph, null, { size: 'degree', color: 'data:kind' }).sizes).toBeNull();
		const mixed = viewAppearance(graph, graphMetrics, { size: 'degree', color: 'data:kind' });
		expect(mixed.sizes?.get('n0')).toBe(24);
		expect(mixed.colors?.get('n0')).toBe(COMMUNITY_PALETTE[0]);
		const community = viewAppearance(graph, graphMetrics, { size: 'data:n', color: 'community' });
		expect(community.colors?.get('n0')).toBe(COMMUNITY_PALETTE[1]);
		expect(community.sizes?.get('n2')).toBe(4);
	});
});
