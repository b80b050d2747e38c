import { json } from '@sveltejs/kit';
import { allGraphs } from '$lib/server/graphs';
import type { RequestHandler } from './$types';

export const prerender = true;

/** Every graph: `[{id, title, description, nodes, edges}]`. */
export const GET: RequestHandler = () =>
	json(
		[...allGraphs().values()].map((graph) => {
			const { id, title, description } = graph.getAttributes();
			return { id, title, description, nodes: graph.order, edges: graph.size };
		})
	);
