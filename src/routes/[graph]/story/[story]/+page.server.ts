import { error } from '@sveltejs/kit';
import { storyDetails } from '$lib/graph/query';
import { storyEntries } from '$lib/server/prerender';
import { findGraph } from '$lib/server/graphs';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => storyEntries().map(({ graph, story }) => ({ graph, story }));

export const load: PageServerLoad = ({ params }) => {
	const graph = findGraph(params.graph);
	const story = graph ? storyDetails(graph, params.story) : null;
	if (!story) error(404, `This graph has no story “${params.story}”.`);
	return { story };
};
