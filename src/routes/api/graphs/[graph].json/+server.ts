import { error, json } from '@sveltejs/kit';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** The graph in the file format of graph-data/, validated and with unknown attributes dropped. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	return json(graph.export());
};
