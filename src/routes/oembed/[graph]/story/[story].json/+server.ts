import { error } from '@sveltejs/kit';
import { embedTitle } from '$lib/explorer/embed-snippet';
import { storyEmbedHref } from '$lib/links';
import { OEMBED_SIZES } from '$lib/oembed';
import { findGraph, findStory } from '$lib/server/graphs';
import { storyEntries } from '$lib/server/prerender';
import { oembedFile, whenSiteUrl } from '../../../oembed-file';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;

export const entries: EntryGenerator = whenSiteUrl(() =>
	storyEntries().map(({ graph, story }) => ({ graph, story }))
);

/** A story's overview, `/<graph>/story/<story>`: the story's cover in a frame. */
export const GET: RequestHandler = ({ params }) => {
	const graph = findGraph(params.graph);
	if (!graph) error(404, `There is no graph called “${params.graph}”.`);
	const story = findStory(params.graph, params.story);
	const title = embedTitle(graph.getAttribute('title'), { story: story.title });
	return oembedFile(storyEmbedHref(params.graph, story.id), title, OEMBED_SIZES.story);
};
