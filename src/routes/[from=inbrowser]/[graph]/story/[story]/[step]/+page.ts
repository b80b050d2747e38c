import { loadStoryStep } from '$lib/api/story-pages';
import type { PageLoad } from './$types';

// A step of a story of a graph the browser reads itself, as the site's step pages (their view and focus too).
export const load: PageLoad = async ({ params, parent }) =>
	loadStoryStep((await parent()).summary, params.story, params.step);
