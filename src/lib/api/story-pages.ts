/**
 * The data of the story pages of a graph the browser reads itself (/local/…, /open/…), read from its graph file
 * there; the site's own story pages are prerendered from the server (src/lib/server/graphs.ts). Apart from
 * pages.ts, which every entity page loads, so that those pages do not carry stories.
 */
import { error } from '@sveltejs/kit';
import { fetchGraph } from '$lib/explorer/graph-source';
import { type StoryDetails, storyDetails, storyStep } from '$lib/graph/story-query';
import type { GraphAbout } from './schema';

/** Story `id` of a graph the browser reads itself (or a big one), read from its graph file; 404 when unknown. */
export async function loadStory(about: GraphAbout, id: string): Promise<StoryDetails> {
	const details = storyDetails(await fetchGraph(about.id), id);
	if (!details) error(404, `This graph has no story “${id}”.`);
	return details;
}

/** Step `step` (its address segment) of story `id`, as loadStory reads it; 404 when unknown. */
export async function loadStoryStep(about: GraphAbout, id: string, step: string) {
	const details = await loadStory(about, id);
	const found = storyStep(details, step);
	if (!found) error(404, `The story “${details.title}” has no step ${step.slice(0, 20)}.`);
	return found;
}
