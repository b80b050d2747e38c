/**
 * The data of the story pages of a graph the browser reads itself (/local/…, /open/…), read from its graph file
 * there; the site's own story pages are prerendered from the server (src/lib/server/graphs.ts). Apart from
 * pages.ts, which every entity page loads, so that those pages do not carry stories.
 */
import { fetchGraph } from '$lib/explorer/graph-source';
import type { StoryDetails } from '$lib/graph/story-query';
import type { GraphAbout } from './schema';
import { stepOr404, storyOr404 } from './story-lookup';

/** Story `id` of a graph the browser reads itself (or a big one), read from its graph file; 404 when unknown. */
export async function loadStory(about: GraphAbout, id: string): Promise<StoryDetails> {
	return storyOr404(await fetchGraph(about.id), id);
}

/** Step `step` (its address segment) of story `id`, as loadStory reads it; 404 when unknown. */
export async function loadStoryStep(about: GraphAbout, id: string, step: string) {
	return stepOr404(await loadStory(about, id), step);
}
