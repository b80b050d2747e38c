import { loadLocalAbout } from '$lib/api/pages';
import type { LayoutLoad } from './$types';

// A graph opened in the browser is kept there (src/lib/explorer/local-graphs.ts): no page of it is prerendered.
// A static host answers its addresses with 404.html, which hands them to SvelteKit's router (NotFound.svelte).
export const prerender = true;

export const load: LayoutLoad = async ({ params }) => ({ summary: await loadLocalAbout(params.graph) });
