import { loadLocalOverview } from '$lib/api/browser-pages';
import { fetchGraph } from '$lib/explorer/graph-source';
import { storiesOf } from '$lib/graph/story-query';
import type { PageLoad } from './$types';

// No files to download: the Export menu writes them from the graph in the browser. Its stories, as the site's.
export const load: PageLoad = async ({ parent }) => {
	const { summary } = await parent();
	return {
		...(await loadLocalOverview(summary)),
		downloads: [],
		stories: storiesOf(await fetchGraph(summary.id))
	};
};
