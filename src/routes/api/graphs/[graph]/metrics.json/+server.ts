import { error, json } from '@sveltejs/kit';
import { allGraphs } from '$lib/server/graphs';
import { graphMetrics } from '$lib/server/metrics';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));

/** Degree, betweenness and Louvain community of every entity. */
export const GET: RequestHandler = ({ params }) => {
	const metrics = graphMetrics(params.graph);
	if (!metrics) error(404, `There is no graph called “${params.graph}”.`);
	return json(metrics);
};
