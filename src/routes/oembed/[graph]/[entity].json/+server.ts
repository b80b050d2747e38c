import { error } from '@sveltejs/kit';
import { embedTitle } from '$lib/explorer/embed-snippet';
import { embedHref } from '$lib/links';
import { OEMBED_SIZES } from '$lib/oembed';
import { findGraph } from '$lib/server/graphs';
import { entityEntries, hasEntityPages } from '$lib/server/prerender';
import { oembedFile, whenSiteUrl } from '../../oembed-file';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

// Only the entity pages that are prerendered: a big graph's, rendered by 404.html, name no oEmbed file.
export const entries: EntryGenerator = whenSiteUrl(entityEntries);

/** An entity's page, `/<graph>/<entity>`: the graph in a frame, centred on the entity. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph || !hasEntityPages(graph) || !graph.hasNode(params.entity)) {
		error(404, `There is no entity page “${params.entity}” in graph “${params.graph}”.`);
	}
	const title = embedTitle(graph.getAttribute('title'), {
		entity: graph.getNodeAttribute(params.entity, 'label')
	});
	return oembedFile(embedHref(params.graph, params.entity), title, OEMBED_SIZES.view);
};
