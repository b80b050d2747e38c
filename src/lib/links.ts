/**
 * Every link inside the site, built with SvelteKit's `resolve` so that the site also works under a base path.
 */
import { resolve } from '$app/paths';

export const homeHref = (): string => resolve('/');

export const graphHref = (graph: string): string => resolve('/[graph]', { graph });

export const entityHref = (graph: string, entity: string): string =>
	resolve('/[graph]/[entity]', { graph, entity });

export const embedHref = (graph: string, entity?: string | null): string =>
	entity ? resolve('/embed/[graph]/[entity]', { graph, entity }) : resolve('/embed/[graph]', { graph });

/** The "how are these two connected?" view; `from` and `to` may be left out to pick them on the page. */
export const connectHref = (graph: string, from?: string | null, to?: string | null): string => {
	const params = new URLSearchParams();
	if (from) params.set('from', from);
	if (to) params.set('to', to);
	const query = params.toString();
	return resolve('/[graph]/connect', { graph }) + (query ? `?${query}` : '');
};
