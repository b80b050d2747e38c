import { error } from '@sveltejs/kit';
import { drawingFile } from '$lib/server/drawn';
import { drawnGraphEntries } from '$lib/server/prerender';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = drawnGraphEntries;

/** A big graph's drawing file (src/lib/graph/drawing-file.ts): what the canvas draws, in columns. */
export const GET: RequestHandler = ({ params }) => {
	const bytes = drawingFile(params.graph);
	if (!bytes) error(404, `There is no graph called “${params.graph}” drawn from a drawing file.`);
	return new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } });
};
