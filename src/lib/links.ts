/**
 * Every link inside the site, under its base path (BASE_PATH at build time, as in svelte.config.js). Plain
 * strings rather than SvelteKit's `resolve`: the embed's own script uses these too, and `$app/paths` would bring
 * SvelteKit's whole client into it. Graph ids and entity keys are URL-safe (src/lib/graph/schema.ts).
 */
const base: string = __BASE_PATH__;

export const homeHref = (): string => `${base}/`;

export const graphHref = (graph: string): string => `${base}/${graph}`;

export const entityHref = (graph: string, entity: string): string => `${base}/${graph}/${entity}`;

/** A story of a graph: its overview, or its step `step` (1 for the first). */
export const storyHref = (graph: string, story: string, step?: number): string =>
	step === undefined ? `${base}/${graph}/story/${story}` : `${base}/${graph}/story/${story}/${step}`;

export const embedHref = (graph: string, entity?: string | null): string =>
	entity ? `${base}/embed/${graph}/${entity}` : `${base}/embed/${graph}`;

/** A story in a frame: its cover, or its step `step` (1 for the first). */
export const storyEmbedHref = (graph: string, story: string, step?: number): string =>
	step === undefined || step < 1
		? `${base}/embed/${graph}/story/${story}`
		: `${base}/embed/${graph}/story/${story}/${step}`;

/** The "how are these two connected?" view; `from` and `to` may be left out to pick them on the page. */
export const connectHref = (graph: string, from?: string | null, to?: string | null): string => {
	const params = new URLSearchParams();
	if (from) params.set('from', from);
	if (to) params.set('to', to);
	const query = params.toString();
	return `${base}/${graph}/connect` + (query ? `?${query}` : '');
};

/** The graph's file in the JSON API. */
export const graphFileHref = (graph: string): string => `${base}/api/graphs/${graph}.json`;

/** A big graph's drawing file, one of its detail shards and its search texts (src/lib/graph/drawn-graph.ts). */
export const drawingHref = (graph: string): string => `${base}/api/graphs/${graph}/drawing.bin`;
export const detailShardHref = (graph: string, shard: number): string =>
	`${base}/api/graphs/${graph}/details/${shard}.json`;
export const searchTextsHref = (graph: string): string => `${base}/api/graphs/${graph}/search-texts.json`;

/** The graph's centrality and communities in the JSON API. */
export const metricsHref = (graph: string): string => `${base}/api/graphs/${graph}/metrics.json`;

/**
 * The oEmbed file (src/lib/oembed.ts) of the page at `page`, an href of this module or a page's pathname, both
 * under the base path: `/<graph>/<entity>` → `/oembed/<graph>/<entity>.json`. One static file per page, because
 * a static host cannot answer oEmbed's usual endpoint with `?url=`; src/routes/oembed/ mirrors the pages' routes.
 */
export const oembedHref = (page: string): string => `${base}/oembed${page.slice(base.length)}.json`;
