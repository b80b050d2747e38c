/**
 * A graph opened in the browser (kept there: local-graphs.ts) has the id `local/<name>`, so that every link of
 * src/lib/links.ts gives it addresses of its own: /local/<name>, /local/<name>/<entity>, /local/<name>/connect.
 * Apart from links.ts so that pages which never show such a graph (the embed) do not carry it.
 */
export const localGraphId = (name: string): string => `local/${name}`;

/** The name of a graph opened in the browser, or null for a graph of the site. */
export const localGraphName = (graph: string): string | null =>
	graph.startsWith('local/') ? graph.slice('local/'.length) : null;
