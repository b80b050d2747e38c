// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	/** SITE_URL at build time, without a trailing slash; empty when unset (vite.config.ts). */
	const __SITE_URL__: string;
	/** The site's base path, as in svelte.config.js (links.ts). */
	const __BASE_PATH__: string;
	/** Graphs with more relationships are read by a worker (OFF_THREAD_RELATIONSHIPS at build time; vite.config.ts). */
	const __OFF_THREAD_RELATIONSHIPS__: number;
	/** Graphs with more relationships are drawn from a drawing file, their details fetched by shard (vite.config.ts). */
	const __DRAWING_FILE_RELATIONSHIPS__: number;
	/** Graphs with more relationships are drawn the cheap way (BIG_GRAPH_RELATIONSHIPS at build time). */
	const __BIG_GRAPH_RELATIONSHIPS__: number;
	/** The embed pages' scripts, for a graph or an entity and for a story: source and built file (vite.config.ts). */
	const __EMBED_CLIENT__: Record<'entity' | 'story', { source: string; file: string }>;
	/** Other sites' origins the browser may fetch graph files from (OPEN_ORIGINS at build time). */
	const __OPEN_ORIGINS__: string[];
	namespace App {
		interface Error {
			message: string;
		}
	}
}

export {};
