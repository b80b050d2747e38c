import { loadLocalOverview } from '$lib/api/pages';
import type { PageLoad } from './$types';

// No files to download: the Export menu writes them from the graph in the browser. No stories listed: their
// pages are the site's graphs' only (issue 21's first steps).
export const load: PageLoad = async ({ parent }) => ({
	...(await loadLocalOverview((await parent()).summary)),
	downloads: [],
	stories: []
});
