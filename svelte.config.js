import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { PAGE_POLICY } from './src/lib/server/csp.js';

const out = process.env.BUILD_DIR ?? 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// BUILD_DIR: another output folder (the benchmarks build sites of their own).
		adapter: adapter({ pages: out, assets: out, fallback: undefined, strict: true }),
		// Absolute asset paths: 404.html is served at any depth, where relative paths would break.
		// BASE_PATH deploys the site under a sub-path (for example /explorer).
		paths: { relative: false, base: /** @type {'' | `/${string}`} */ (process.env.BASE_PATH ?? '') },
		// Content-Security-Policy of every page, as a <meta http-equiv> tag (the pages are prerendered): 'hash' adds
		// the sha256 of each page's inline bootstrap script to script-src, so no other inline script runs. The
		// policy and the reason for each source: src/lib/server/csp.js; the header that carries frame-ancestors
		// next to it: src/lib/server/headers.ts.
		csp: {
			mode: 'hash',
			directives: /** @type {NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']} */ (
				Object.fromEntries(Object.entries(PAGE_POLICY).map(([name, sources]) => [name, [...sources]]))
			)
		},
		prerender: {
			// Only what the routes' entries() list: a big graph's entity pages are not prerendered, so the links
			// to them must not be followed (src/lib/server/prerender.ts). The browser tests crawl for broken links.
			crawl: false,
			// Entity routes have no entries when every graph is big, story routes when no graph has a story, and
			// oEmbed files without SITE_URL (src/routes/oembed), and the routes of graphs opened in the browser, which
			// only the browser renders; any other unseen route is a mistake.
			handleUnseenRoutes: ({ routes, message }) => {
				const entityRoutes = [
					'/[graph]/[entity]',
					'/embed/[graph]/[entity]',
					'/api/graphs/[graph]/entities/[entity].json',
					// A big graph's files in other formats are not written either.
					'/api/graphs/[graph]/files/[file]',
					// Only graphs above DRAWING_FILE_RELATIONSHIPS have these (src/lib/server/prerender.ts).
					'/api/graphs/[graph]/drawing.bin',
					'/api/graphs/[graph]/details/[shard].json',
					'/api/graphs/[graph]/search-texts.json'
				];
				const optional = (/** @type {string} */ id) =>
					entityRoutes.includes(id) || /\/story\/|^\/oembed\/|^\/\[from=inbrowser\]\//.test(id);
				if (routes.some((id) => !optional(id))) throw new Error(message);
			},
			handleHttpError: 'fail',
			handleMissingId: 'fail'
		}
	}
};

export default config;
