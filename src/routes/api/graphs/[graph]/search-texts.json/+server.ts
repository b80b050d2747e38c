import { error, json } from '@sveltejs/kit';
import { searchTextsOf } from '$lib/server/drawn';
import { drawnGraphEntries } from '$lib/server/prerender';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = drawnGraphEntries;

/** A big graph's texts that search reads beyond its names, in its drawing file's order (src/lib/graph/drawn-graph.ts). */
export const GET: RequestHandler = ({ params }) => {
	const texts = searchTextsOf(params.graph);
	if (!texts) error(404, `There is no graph called “${params.graph}” drawn from a drawing file.`);
	return json(texts);
};
