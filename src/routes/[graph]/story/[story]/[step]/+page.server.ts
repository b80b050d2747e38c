import { error } from '@sveltejs/kit';
import { findStory } from '$lib/server/graphs';
import { storyEntries } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () =>
	storyEntries().flatMap(({ graph, story, steps }) =>
		Array.from({ length: steps }, (_, i) => ({ graph, story, step: String(i + 1) }))
	);

export const load: PageServerLoad = ({ params }) => {
	const story = findStory(params.graph, params.story);
	const index = /^[1-9][0-9]{0,2}$/.test(params.step) ? Number(params.step) - 1 : -1;
	if (!story.steps[index]) error(404, `The story “${story.title}” has no step ${params.step.slice(0, 20)}.`);
	return { story, index };
};
