import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { openOrigins } from './src/lib/open-origins.js';
import svelteConfig from './svelte.config.js';

/** A whole number from the environment, or the default when it is unset or blank (as the build reads it too). */
function threshold(name: string, fallback: number): string {
	const set = process.env[name];
	const value = set === undefined || set.trim() === '' ? fallback : Number(set);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
	return String(value);
}

/**
 * The embed pages' own scripts (src/lib/embed/client.ts for a graph or an entity, story-client.ts for a story),
 * added as entries of SvelteKit's client build so that they share the site's chunks (sigma, graphology). The
 * embed routes set `csr = false`, which keeps SvelteKit's client (router, data loading: about 14 KB gzipped) out of
 * them. Two entries rather than one that imports a story's code on demand: each imports what its pages show, so
 * neither carries the other's code nor the lists a dynamic import needs to preload its chunks. Fixed names, not
 * hashed: the pages are prerendered by the time the names would be known; they add the build's version to bust
 * caches.
 */
const EMBED_CLIENT = {
	entity: { source: 'src/lib/embed/client.ts', file: '_app/embed.js' },
	story: { source: 'src/lib/embed/story-client.ts', file: '_app/embed-story.js' }
};

function embedClient(): Plugin {
	let client = false;
	return {
		name: 'embed-client',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		buildStart() {
			if (!client) return;
			for (const { source, file } of Object.values(EMBED_CLIENT))
				this.emitFile({ type: 'chunk', id: source, fileName: file });
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), embedClient()],
	resolve: {
		// graphology and sigma extend Node's EventEmitter (`events`), which the browser lacks: bundlers ship the
		// `events` package in its place (about 2.1 KB gzipped in every page). eventemitter3 has the same methods
		// these libraries call (on, emit, removeListener, removeAllListeners: checked against their dist files)
		// in about 1.1 KB, and its emit reads a listener list that removals replace rather than change, as Node's
		// does. Aliased everywhere, so that the node tests run the same emitter as the browser.
		alias: { events: 'eventemitter3' }
	},
	// Module workers, split into chunks: the worker that opens a file loads only its format's reader
	// (src/lib/explorer/open-worker.ts). Both workers are created with { type: 'module' }.
	worker: { format: 'es' },
	// The site's public address (SITE_URL at build time), for canonical links, Open Graph URLs and the sitemap.
	// Big-graph thresholds (relationships), lowered by the browser tests so that a small fixture takes those paths.
	define: {
		__SITE_URL__: JSON.stringify((process.env.SITE_URL ?? '').replace(/\/+$/, '')),
		// For links built without `$app/paths` (src/lib/links.ts).
		__BASE_PATH__: JSON.stringify(svelteConfig.kit?.paths?.base ?? ''),
		__OFF_THREAD_RELATIONSHIPS__: threshold('OFF_THREAD_RELATIONSHIPS', 100_000),
		__BIG_GRAPH_RELATIONSHIPS__: threshold('BIG_GRAPH_RELATIONSHIPS', 20_000),
		// The build reads the same setting (src/lib/server/prerender.ts).
		__DRAWING_FILE_RELATIONSHIPS__: threshold('DRAWING_FILE_RELATIONSHIPS', 100_000),
		__EMBED_CLIENT__: JSON.stringify(EMBED_CLIENT),
		// Other sites the browser may open graph files from (src/lib/open-origins.js).
		__OPEN_ORIGINS__: JSON.stringify(openOrigins())
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					// One browser, one static server: run the files one after the other.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
