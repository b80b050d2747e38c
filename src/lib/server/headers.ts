/**
 * The response headers the site needs from its host, written at build time to `build/_headers` (the format of
 * Netlify and Cloudflare Pages: a path pattern, then indented `Name: value` lines) and applied by
 * `npm run preview` from that same file.
 *
 * Every response: `X-Content-Type-Options: nosniff` (a file is only ever what its Content-Type says: a JSON file
 * or a graph's text is never run as script or read as HTML) and `Referrer-Policy: same-origin`. That is stricter
 * than the browsers' default (strict-origin-when-cross-origin) and costs nothing here: the CSP lets pages load
 * nothing from other sites, and links to sources already say `noreferrer`, so the only requests that carry a
 * Referer are the site's own ones, which keep the full address: the explorer's fetches of /api/…, links between
 * its pages, an embed's "Open in explorer" (same origin as the embed, whatever site frames it). No other site
 * learns which entity or view a reader had open. Canonical and Open Graph URLs are absolute addresses written
 * into the pages and do not depend on the Referer.
 *
 * Content-Security-Policy: every page (and the API's JSON) gets one policy header, `headerPolicy()` of csp.js:
 * the same directives as the page's <meta http-equiv> policy (SvelteKit's `kit.csp`, hash mode) plus
 * `frame-ancestors`, which a meta tag cannot carry (nor report-uri or sandbox, which the site does not use).
 * A browser enforces every policy it is given, the header and the meta tag alike: a load or an inline script
 * must pass both. The header cannot know the sha256 of each page's inline bootstrap script, so its `script-src`
 * allows `'unsafe-inline'`; the meta tag's `script-src` lists only the page's own hash (SvelteKit's hash mode),
 * so together an inline script runs only if it is that page's bootstrap script. A `script-src 'self'` without
 * 'unsafe-inline' in the header would block the bootstrap script itself and no page would start. The header
 * still adds what the meta tag cannot: frame-ancestors, and the rest of the policy from the first byte of the
 * document (the meta tag applies only from where it stands in <head>) and for responses that are not pages.
 * Before the meta tag there is only the static start of app.html (charset, viewport, icon; the browser tests
 * check it), so no page content sits where the header's 'unsafe-inline' alone would decide.
 *
 * Framing: embeds (`/embed/…`) may be framed by any site (`frame-ancestors *`, no X-Frame-Options); every other
 * page only by the site itself (`frame-ancestors 'self'`, `X-Frame-Options: SAMEORIGIN` for browsers without
 * CSP). The two policies differ in nothing else. The two sets of patterns never overlap, because hosts combine
 * the headers of every matching rule: Cloudflare joins equal names with a comma, and a comma-joined
 * Content-Security-Policy is two policies that both apply, so an overlap would refuse framing of embeds (and
 * with a `/*` CSP rule, every page would carry its policy twice). So no policy sits on `/*`, and the patterns
 * name each graph; a graph called "embed" or "api" is refused by the validator's reserved ids.
 *
 * Known gap: an unknown address outside every graph (`/nothing-here`, `/a/b`) is answered with 404.html and
 * matches no pattern, so it gets no CSP header and no framing header; its meta tag policy still applies. It cannot
 * be closed without overlapping rules: "everything but /embed/*" has no pattern, and `/:page` would only cover
 * one-segment addresses (and placeholders in _headers are not documented for every host). That page holds no
 * data. Unknown addresses inside a graph (`/<graph>/…`, where 404.html renders a big graph's entities) are covered.
 */
import { formatPolicy, headerPolicy } from './csp.js';

export interface HeaderRule {
	pattern: string;
	headers: [name: string, value: string][];
}

/** The Content-Security-Policy header of a page only the site itself may frame. */
export const PAGE_CSP = formatPolicy(headerPolicy('self'));
/** The Content-Security-Policy header of an embed, which any site may frame. */
export const EMBED_CSP = formatPolicy(headerPolicy('*'));

const NOT_FRAMED: HeaderRule['headers'] = [
	['X-Frame-Options', 'SAMEORIGIN'],
	['Content-Security-Policy', PAGE_CSP]
];

/** The rules for a site with these graphs, served under `base` ('' or '/path'). */
export function siteHeaderRules(graphIds: readonly string[], base = ''): HeaderRule[] {
	const pages = [
		'/',
		'/index.html',
		'/404',
		'/404.html',
		'/api/*',
		// Graphs the browser opens itself: kept (/local/…) or fetched from another site (/open?url=…, /open/…).
		'/local/*',
		'/open',
		'/open.html',
		'/open/*',
		...graphIds.flatMap((id) => [`/${id}`, `/${id}.html`, `/${id}/*`])
	];
	return [
		{
			pattern: `${base}/*`,
			headers: [
				['X-Content-Type-Options', 'nosniff'],
				['Referrer-Policy', 'same-origin']
			]
		},
		...pages.map((path) => ({ pattern: `${base}${path}`, headers: NOT_FRAMED })),
		{ pattern: `${base}/embed/*`, headers: [['Content-Security-Policy', EMBED_CSP]] }
	];
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
	const head = [
		'# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).',
		'# Written by the build (src/lib/server/headers.ts); `npm run preview` applies the same file.',
		'# Embeds (/embed/*) may be framed by any site; every other page only by this site. Each page gets exactly',
		"# one Content-Security-Policy header; its meta tag adds the page's script hashes (src/lib/server/csp.js).",
		''
	];
	const body = rules.flatMap(({ pattern, headers }) => [
		pattern,
		...headers.map(([name, value]) => `  ${name}: ${value}`)
	]);
	return [...head, ...body, ''].join('\n');
}

/** Reads a _headers file; a line that is neither a pattern, a header nor a comment is an error naming it. */
export function parseHeadersFile(text: string): HeaderRule[] {
	const rules: HeaderRule[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '' || line.trim().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			rules.push({ pattern: line.trim(), headers: [] });
			return;
		}
		const match = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
		const rule = rules.at(-1);
		if (!match || !rule)
			throw new Error(`_headers line ${index + 1}: expected "  Name: value", got “${line}”`);
		rule.headers.push([match[1] as string, (match[2] as string).trim()]);
	});
	return rules;
}

/** Whether a pattern (`*` any rest of the path, `:name` one segment) matches a path. */
export function patternMatches(pattern: string, pathname: string): boolean {
	const source = pattern
		.split(/(\*|:[A-Za-z0-9_]+)/)
		.map((part) =>
			part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
		)
		.join('');
	return new RegExp(`^${source}$`).test(pathname);
}

/** The headers of every rule matching `pathname`; a name set by several rules gets their values joined. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
	const result: Record<string, string> = {};
	for (const rule of rules) {
		if (!patternMatches(rule.pattern, pathname)) continue;
		for (const [name, value] of rule.headers) {
			const key = name.toLowerCase();
			result[key] = result[key] === undefined ? value : `${result[key]}, ${value}`;
		}
	}
	return result;
}
