import { storyOutline } from '$lib/graph/story-query';
import { findStoryStep } from '$lib/server/graphs';
import { storyStepEntries } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = storyStepEntries;

export const load: PageServerLoad = ({ params }) => {
	const { story, index } = findStoryStep(params.graph, params.story, params.step);
	return { story: storyOutline(story), step: index + 1 };
};
