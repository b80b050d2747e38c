import { loadEntity } from '$lib/api/pages';
import type { PageLoad } from './$types';

// As a graph of the site's whose entity pages were not prerendered: the entity is computed from the graph.
export const load: PageLoad = async ({ params, fetch, parent }) => ({
	entity: await loadEntity(fetch, (await parent()).summary, params.entity)
});
