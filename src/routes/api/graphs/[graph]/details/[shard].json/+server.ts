import { error, json } from '@sveltejs/kit';
import { shardsOf, detailShardOf } from '$lib/server/drawn';
import { drawnGraphEntries } from '$lib/server/prerender';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	drawnGraphEntries().flatMap(({ graph }) =>
		shardsOf(graph).map((_, shard) => ({ graph, shard: String(shard) }))
	);

/**
 * One detail shard of a big graph (src/lib/graph/drawn-graph.ts): the descriptions, aliases and attributes of
 * its entities, and the claims, evidence and attributes of their relationships.
 */
export const GET: RequestHandler = ({ params }) => {
	const shard = detailShardOf(params.graph, params.shard);
	if (!shard) error(404, `The graph “${params.graph}” has no detail shard ${params.shard}.`);
	return json(shard);
};
