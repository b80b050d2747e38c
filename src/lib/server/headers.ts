/**
 * The response headers the site needs from its host, written at build time to `build/_headers` (the format of
 * Netlify and Cloudflare Pages: a path pattern, then indented `Name: value` lines) and applied by
 * `npm run preview` from that same file.
 *
 * Framing: embeds (`/embed/…`) may be framed by any site; every other page only by the site itself. The two sets
 * of patterns never overlap, because hosts combine the headers of every matching rule (Cloudflare joins equal
 * names with a comma, which would make two framing policies apply at once). The patterns name each graph, so a
 * graph called "embed" or "api" is refused by the validator's reserved ids.
 */

export interface HeaderRule {
	pattern: string;
	headers: [name: string, value: string][];
}

const NOT_FRAMED: HeaderRule['headers'] = [
	['X-Frame-Options', 'SAMEORIGIN'],
	['Content-Security-Policy', "frame-ancestors 'self'"]
];

/** The rules for a site with these graphs, served under `base` ('' or '/path'). */
export function siteHeaderRules(graphIds: readonly string[], base = ''): HeaderRule[] {
	const pages = [
		'/',
		'/index.html',
		'/404',
		'/404.html',
		'/api/*',
		...graphIds.flatMap((id) => [`/${id}`, `/${id}.html`, `/${id}/*`])
	];
	return [
		{
			pattern: `${base}/*`,
			headers: [
				['X-Content-Type-Options', 'nosniff'],
				['Referrer-Policy', 'strict-origin-when-cross-origin']
			]
		},
		...pages.map((path) => ({ pattern: `${base}${path}`, headers: NOT_FRAMED })),
		{ pattern: `${base}/embed/*`, headers: [['Content-Security-Policy', 'frame-ancestors *']] }
	];
}

export function formatHeadersFile(rules: readonly HeaderRule[]): string {
	const head = [
		'# Response headers for static hosts that read a _headers file (Netlify, Cloudflare Pages).',
		'# Written by the build (src/lib/server/headers.ts); `npm run preview` applies the same file.',
		'# Embeds (/embed/*) may be framed by any site; every other page only by this site.',
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
