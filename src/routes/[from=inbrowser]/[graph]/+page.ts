import { loadLocalOverview } from '$lib/api/pages';
import type { PageLoad } from './$types';

// No files to download: the Export menu writes them from the graph in the browser.
export const load: PageLoad = async ({ parent }) => ({
	...(await loadLocalOverview((await parent()).summary)),
	downloads: []
});
