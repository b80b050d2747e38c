import { error, json } from '@sveltejs/kit';
import type { GraphAbout } from '$lib/api/schema';
import { graphSummary } from '$lib/graph/query';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { hasEntityPages } from '$lib/server/prerender';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** The graph without its entities: title, description, sources, counts and types. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	const { nodeTypes, edgeTypes, importedFrom } = graph.getAttributes();
	const about: GraphAbout = {
		...graphSummary(graph),
		nodeTypes,
		edgeTypes,
		...(importedFrom === undefined ? {} : { importedFrom }),
		entityPages: hasEntityPages(graph)
	};
	return json(about);
};
