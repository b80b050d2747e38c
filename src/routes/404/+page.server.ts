import { allGraphs } from '$lib/server/graphs';
import { hasEntityPages } from '$lib/server/prerender';
import type { PageServerLoad } from './$types';

// Prerendered as build/404.html, which static hosts serve for any unknown address.
export const load: PageServerLoad = () => ({
	graphs: [...allGraphs().values()].map((graph) => ({
		id: graph.getAttribute('id'),
		title: graph.getAttribute('title'),
		entityPages: hasEntityPages(graph),
		// Big graphs are read off the main thread: the page must know how big before it loads one.
		edges: graph.size
	}))
});
