import { resolve } from '$app/paths';
import { graphOverview } from '$lib/graph/overview';
import { storiesOf } from '$lib/graph/story-query';
import { graphFileHref } from '$lib/links';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { graphFiles } from '$lib/server/exports';
import { graphMetrics } from '$lib/server/metrics';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** The graph's files to download: its JSON, and the same in other tools' formats where there are any. */
function downloadsOf(id: string): { label: string; href: string }[] {
	return [
		{ label: 'JSON', href: graphFileHref(id) },
		...graphFiles(id).map((file) => ({
			label: file.label,
			href: resolve('/api/graphs/[graph]/files/[file]', { graph: id, file: file.name })
		}))
	];
}

export const load: PageServerLoad = ({ params }) => {
	// The layout has answered 404 for an unknown graph already.
	const graph = findGraph(params.graph);
	if (!graph) return { types: [], complete: true, top: null, downloads: [], stories: [] };
	const listAll = hasEntityPages(graph);
	return {
		...graphOverview(graph, graphMetrics(params.graph) ?? null, listAll),
		downloads: downloadsOf(params.graph),
		stories: storiesOf(graph)
	};
};
