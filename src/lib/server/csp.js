/**
 * The site's Content-Security-Policy, in one place for its two carriers:
 *
 * - `svelte.config.js` gives `PAGE_POLICY` to SvelteKit (`kit.csp`, mode 'hash'). Every prerendered page then
 *   carries it as `<meta http-equiv="content-security-policy">`, first in its <head>, with `script-src` extended
 *   by the sha256 hash of that page's inline bootstrap script: no other inline script runs.
 * - `headers.ts` sends `headerPolicy()` as a response header from `build/_headers` (see the reasons there).
 *
 * Plain JavaScript because `svelte.config.js` imports it before anything can compile TypeScript.
 *
 * Why each source is there:
 * - `script-src 'self'`: the bundles in /_app/ and /embed-theme.js; inline script only by its hash (SvelteKit adds
 *   it). No 'unsafe-eval': nothing in the browser evaluates strings. (zod, which would probe for `new Function`,
 *   runs at build time only; a graph-loading path that brings it to the browser should set `z.config({ jitless:
 *   true })` there, or every page load reports a violation.)
 * - `style-src 'self'` and `style-src-attr 'unsafe-inline'`: stylesheets come from /_app/ only, and no <style>
 *   element may be added; but style *attributes* must be allowed: app.html wraps the page in
 *   `<div style="display: contents">` and Svelte's server rendering writes `style:` directives as `style="…"`
 *   attributes. `style-src-attr` is the narrowest switch for that: 'unsafe-inline' on `style-src` would also let
 *   injected <style> elements in. (Styles set from script through `element.style` are not governed by CSP.)
 *   Browsers without `style-src-attr` (before Chromium 75, Firefox 108, Safari 15.4) fall back to `style-src` and
 *   drop the attributes: the page still works there, without `display: contents` and the inline styles.
 * - `img-src 'self' blob:`: the favicon; and blob: for the PNG export, which draws the view's SVG (made in the
 *   page, src/lib/explorer/take-out.ts) onto a canvas through an <img> of a blob: URL. No `data:`: neither the
 *   stylesheets nor the scripts use data: URLs (Vite would inline small imported assets as data: URLs; if one is
 *   added, add `data:` here and the browser test will say so).
 * - `connect-src 'self'`: the explorer fetches the graph files from /api/; plus the origins of the build setting
 *   OPEN_ORIGINS (src/lib/open-origins.js), from which a reader may open a graph file by its address (`/open?url=…`).
 * - `worker-src 'self' blob:`: room for a Web Worker built into /_app/ (Vite may inline one as a blob: URL).
 * - `object-src 'none'`, `base-uri 'self'`, `form-action 'self'`: no plugins, no <base> pointing elsewhere, no
 *   form posting elsewhere. `default-src 'self'` covers the rest (fonts, media, frames the site opens itself:
 *   the "Embed this view" preview is an iframe of the site).
 *
 * Keywords are written unquoted, as `kit.csp` wants them; `formatPolicy` quotes them.
 */

import { openOrigins } from '../open-origins.js';

/** @typedef {Record<string, string[]>} Directives */

/** The policy of every page, as SvelteKit takes it (`kit.csp.directives`). */
export const PAGE_POLICY = Object.freeze({
	'default-src': ['self'],
	'script-src': ['self'],
	'style-src': ['self'],
	'style-src-attr': ['unsafe-inline'],
	'img-src': ['self', 'blob:'],
	'connect-src': ['self', ...openOrigins()],
	'worker-src': ['self', 'blob:'],
	'object-src': ['none'],
	'base-uri': ['self'],
	'form-action': ['self']
});

/**
 * The policy of the response header of a page that `frameAncestors` may frame ('self' or '*'): the page policy,
 * except that `script-src` also allows inline script, because the header cannot know each page's hash. The
 * browser enforces the header and the meta tag both, so an inline script runs only if both allow it: only the
 * page's own hashed bootstrap script. Plus `frame-ancestors`, which a meta tag cannot carry.
 * @param {string} frameAncestors
 * @returns {Directives}
 */
export function headerPolicy(frameAncestors) {
	return {
		...PAGE_POLICY,
		'script-src': [...PAGE_POLICY['script-src'], 'unsafe-inline'],
		'frame-ancestors': [frameAncestors]
	};
}

const KEYWORDS = new Set([
	'self',
	'none',
	'unsafe-inline',
	'unsafe-eval',
	'unsafe-hashes',
	'strict-dynamic',
	'report-sample',
	'wasm-unsafe-eval'
]);

/**
 * A policy as the text of a header or meta tag: `name source …; …`, keywords and hashes quoted as SvelteKit quotes
 * them.
 * @param {Directives} directives
 * @returns {string}
 */
export function formatPolicy(directives) {
	return Object.entries(directives)
		.map(([name, sources]) =>
			[
				name,
				...sources.map((source) =>
					KEYWORDS.has(source) || /^(nonce|sha\d{3})-/.test(source) ? `'${source}'` : source
				)
			].join(' ')
		)
		.join('; ');
}
