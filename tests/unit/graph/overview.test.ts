import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../../src/lib/graph/centrality';
import { graphOverview } from '../../../src/lib/graph/overview';
import { tinyGraph } from '../helpers';

describe('graphOverview', () => {
	const graph = tinyGraph(['a>b:likes', 'a>c:likes', 'a>d:likes', 'b>c:likes', 'x>a:knows']);

	it('lists every entity by type, and what matters most from the metrics', () => {
		const overview = graphOverview(graph, computeMetrics(graph), true);
		expect(overview.complete).toBe(true);
		expect(overview.types.map((group) => [group.type, group.total])).toEqual([
			['person', 1],
			['thing', 4]
		]);
		expect(overview.top?.degree[0]).toMatchObject({ key: 'a', score: 4 });
		expect(overview.top?.communities).toBeGreaterThan(0);
	});

	it('has no "what matters most" without metrics', () => {
		expect(graphOverview(graph, null, true).top).toBeNull();
	});

	it('lists only the most connected of each type when not listing all, still counting all', () => {
		const overview = graphOverview(graph, null, false);
		expect(overview.complete).toBe(false);
		const things = overview.types.find((group) => group.type === 'thing');
		expect(things?.total).toBe(4);
		expect(things?.entities.map((entity) => entity.key)).toEqual(['b', 'c', 'd', 'x']);
	});
});
