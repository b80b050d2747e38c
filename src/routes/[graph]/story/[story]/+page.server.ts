import { findStory } from '$lib/server/graphs';
import { storyEntries } from '$lib/server/prerender';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => storyEntries().map(({ graph, story }) => ({ graph, story }));

export const load: PageServerLoad = ({ params }) => ({ story: findStory(params.graph, params.story) });
