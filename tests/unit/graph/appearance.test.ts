import { describe, expect, it } from 'vitest';
import type { GraphMetrics } from '../../../src/lib/api/schema';
import {
	COMMUNITY_PALETTE,
	OTHER_COMMUNITIES,
	nodeColors,
	nodeSizes
} from '../../../src/lib/graph/appearance';
import { DEFAULT_VIEW, withViewOptions } from '../../../src/lib/graph/view';

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
