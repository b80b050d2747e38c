import { storyOutline } from '$lib/graph/story-query';
import { findStory } from '$lib/server/graphs';
import { storyEntries } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => storyEntries().map(({ graph, story }) => ({ graph, story }));

/** The story's cover (step 0): its title and description over the whole graph. */
export const load: PageServerLoad = ({ params }) => ({
	story: storyOutline(findStory(params.graph, params.story)),
	step: 0
});
