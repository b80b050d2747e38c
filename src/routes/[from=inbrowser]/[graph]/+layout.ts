import { loadBrowserAbout } from '$lib/api/browser-pages';
import type { LayoutLoad } from './$types';

// A graph the browser reads itself: kept there (/local/<name>) or fetched from the web (/open/<its address>). No
// page of it is prerendered: a static host answers its addresses with 404.html, which hands them to SvelteKit's
// router (NotFound.svelte).
export const prerender = true;

export const load: LayoutLoad = async ({ params, url }) => ({
	summary: await loadBrowserAbout(params.from, params.graph, url)
});
