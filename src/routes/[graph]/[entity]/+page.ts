import { loadEntity } from '$lib/api/pages';
import type { PageLoad } from './$types';

// Which pages are prerendered: +page.server.ts.
export const load: PageLoad = async ({ params, fetch, parent }) => ({
	entity: await loadEntity(fetch, (await parent()).summary, params.entity)
});
