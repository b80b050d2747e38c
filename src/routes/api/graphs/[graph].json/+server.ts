import { error, json } from '@sveltejs/kit';
import { exportGraph } from '$lib/graph/build';
import { allGraphs, findGraph } from '$lib/server/graphs';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** The graph in the file format of graph-data/, validated, as the explorer holds it (graphs from other tools imported). */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	return json(exportGraph(graph));
};
