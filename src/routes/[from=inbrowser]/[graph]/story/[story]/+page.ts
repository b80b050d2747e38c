import { loadStory } from '$lib/api/story-pages';
import type { PageLoad } from './$types';

// A story of a graph the browser reads itself: the site's story page, from the graph in the browser.
export const load: PageLoad = async ({ params, parent }) => ({
	story: await loadStory((await parent()).summary, params.story)
});
