import { error } from '@sveltejs/kit';
import { graphFiles } from '$lib/server/exports';
import { allGraphs } from '$lib/server/graphs';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = () =>
	[...allGraphs().keys()].flatMap((graph) => graphFiles(graph).map((file) => ({ graph, file: file.name })));

/** A graph in another tool's format (src/lib/server/exports.ts), as the Export menu writes it. */
export const GET: RequestHandler = ({ params }) => {
	const file = graphFiles(params.graph).find((f) => f.name === params.file);
	if (!file) error(404, `There is no file “${params.file}” of the graph “${params.graph}”.`);
	return new Response(file.text, { headers: { 'content-type': `${file.mime}; charset=utf-8` } });
};
