import { error } from '@sveltejs/kit';
import { resolve } from '$app/paths';
import type { GraphAbout } from '$lib/api/schema';
import type { LayoutLoad } from './$types';

// A universal load reading the site's own API, so that the browser can also render pages that were not
// prerendered (entity pages of big graphs, src/lib/server/prerender.ts). Prerendered pages carry the response.
export const load: LayoutLoad = async ({ params, fetch }) => {
	const response = await fetch(resolve('/api/graphs/[graph]/about.json', { graph: params.graph }));
	if (response.status === 404) error(404, `There is no graph called “${params.graph}”.`);
	if (!response.ok) error(response.status, `The graph “${params.graph}” could not be loaded.`);
	const about = (await response.json()) as GraphAbout;
	return { summary: about };
};
