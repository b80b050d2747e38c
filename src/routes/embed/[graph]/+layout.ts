import { loadAbout } from '$lib/api/pages';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ params, fetch }) => ({
	summary: await loadAbout(fetch, params.graph)
});
