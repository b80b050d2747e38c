import { error } from '@sveltejs/kit';
import { embedTitle } from '$lib/explorer/embed-snippet';
import { embedHref } from '$lib/links';
import { OEMBED_SIZES } from '$lib/oembed';
import { allGraphs, findGraph } from '$lib/server/graphs';
import { oembedFile, whenSiteUrl } from '../oembed-file';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = whenSiteUrl(() => [...allGraphs().keys()].map((graph) => ({ graph })));

/** The graph's page, `/<graph>`: the whole graph in a frame. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	return oembedFile(embedHref(params.graph), embedTitle(graph.getAttribute('title')), OEMBED_SIZES.view);
};
