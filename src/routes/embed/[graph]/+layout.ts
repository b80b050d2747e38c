import { loadAbout } from '$lib/api/pages';
import type { LayoutLoad } from './$types';

// Embed pages load their own small script, not SvelteKit's client (src/routes/embed/[graph]/+layout.svelte).
export const csr = false;

export const load: LayoutLoad = async ({ params, fetch }) => ({
	summary: await loadAbout(fetch, params.graph)
});
