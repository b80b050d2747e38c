/** The Explorer state's sizes and colours (src/lib/explorer/explorer.svelte.ts): what they need loaded. */
import { describe, expect, it, vi } from 'vitest';
import { COMMUNITY_PALETTE } from '../../../src/lib/graph/appearance';
import { Explorer } from '../../../src/lib/explorer/explorer.svelte';
import { DEFAULT_VIEW, type ViewOptions } from '../../../src/lib/graph/view';
import { OWN_APPEARANCE } from '../../../src/lib/render/display';
import { inferDataKinds } from '../../../src/lib/graph/attributes';
import { tinyGraph } from '../helpers';

const graph = tinyGraph(['a>b:likes', 'b>c:likes'], {}, ['d']);
graph.setNodeAttribute('a', 'data', { country: 'Kenya', score: 3 });
graph.setNodeAttribute('b', 'data', { country: 'Kenya', score: 1 });
graph.setNodeAttribute('c', 'data', { country: 'Mali' });
// The loader infers the kinds of data attributes once (load.ts); a graph built here gets them the same way.
graph.setAttribute('dataKinds', inferDataKinds(graph));

function explorerWith(options: Partial<ViewOptions>): Explorer {
	const explorer = new Explorer('tiny');
	explorer.graph = graph;
	explorer.options = { ...DEFAULT_VIEW, ...options };
	return explorer;
}

describe('Explorer appearance', () => {
	it('keeps the graph’s own look by default, and needs no metrics', () => {
		const explorer = explorerWith({});
		expect(explorer.needsMetrics).toBe(false);
		expect(explorer.appearance).toBe(OWN_APPEARANCE);
	});

	it('needs metrics for neighbours, betweenness and communities', () => {
		expect(explorerWith({ size: 'degree' }).needsMetrics).toBe(true);
		expect(explorerWith({ size: 'betweenness' }).needsMetrics).toBe(true);
		expect(explorerWith({ color: 'community' }).needsMetrics).toBe(true);
	});

	it('sizes and colours by data attributes without metrics, once the appearance code is loaded', async () => {
		const explorer = explorerWith({ size: 'data:score', color: 'data:country' });
		expect(explorer.needsMetrics).toBe(false);
		expect(explorer.needsAppearance).toBe(true);
		// The view (GraphView) loads the code when a view needs it.
		await explorer.loadAppearance();
		await vi.waitFor(() => expect(explorer.appearance.colors).not.toBeNull());
		expect(explorer.metrics).toBeNull();
		expect(explorer.appearance.colors?.get('c')).toBe(COMMUNITY_PALETTE[1]);
		expect(explorer.appearance.sizes?.get('a')).toBe(24);
		expect(explorer.appearance.sizes?.get('d')).toBe(4);
	});

	it('colours by data while the metrics for sizes are still missing', async () => {
		const explorer = explorerWith({ size: 'degree', color: 'data:country' });
		expect(explorer.needsMetrics).toBe(true);
		await explorer.loadAppearance();
		await vi.waitFor(() => expect(explorer.appearance.colors).not.toBeNull());
		expect(explorer.appearance.sizes).toBeNull();
	});

	it('hides the hidden values of the colour attribute, and nothing more', () => {
		const explorer = explorerWith({ color: 'data:country', hiddenValues: new Set(['Kenya']) });
		expect([...(explorer.visible?.nodes ?? [])].sort()).toEqual(['c', 'd']);
		expect(explorerWith({ hiddenValues: new Set(['Kenya']) }).visible).toBeNull();
	});
});
