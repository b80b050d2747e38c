import { describe, expect, it } from 'vitest';
import { PAGE_POLICY, formatPolicy, headerPolicy } from '../../../src/lib/server/csp.js';
import {
	EMBED_CSP,
	PAGE_CSP,
	formatHeadersFile,
	headersFor,
	parseHeadersFile,
	patternMatches,
	siteHeaderRules
} from '../../../src/lib/server/headers';

const rules = parseHeadersFile(formatHeadersFile(siteHeaderRules(['india-russia', 'tea-trade'])));

/** Every kind of address the site answers with a page or data, and whether it is an embed. */
const PAGES: [path: string, embed: boolean][] = [
	['/', false],
	['/index.html', false],
	['/india-russia', false],
	['/india-russia.html', false],
	['/india-russia/india', false],
	['/india-russia/india.html', false],
	['/india-russia/connect', false],
	['/tea-trade/assam', false],
	['/404', false],
	['/404.html', false],
	['/api/graphs.json', false],
	['/api/graphs/india-russia/entities/india.json', false],
	['/embed/india-russia', true],
	['/embed/india-russia.html', true],
	['/embed/india-russia/india', true],
	['/embed/tea-trade/assam.html', true]
];

/** A policy as a map from directive name to its sources. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy.split(';').map((part) => {
			const [name, ...sources] = part.trim().split(/\s+/);
			return [name as string, sources];
		})
	);
}

describe('the headers file', () => {
	it('reads back the rules it was written from', () => {
		const written = siteHeaderRules(['india-russia'], '/explorer');
		expect(parseHeadersFile(formatHeadersFile(written))).toEqual(written);
	});

	it('lets any site frame an embed, and nothing else', () => {
		expect(headersFor(rules, '/embed/india-russia/india')).toEqual({
			'content-security-policy': EMBED_CSP,
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'same-origin'
		});
		expect(directives(EMBED_CSP).get('frame-ancestors')).toEqual(['*']);
		for (const path of [
			'/',
			'/india-russia',
			'/india-russia/india',
			'/tea-trade.html',
			'/api/graphs.json',
			'/404'
		]) {
			expect(headersFor(rules, path), path).toMatchObject({
				'x-frame-options': 'SAMEORIGIN',
				'content-security-policy': PAGE_CSP
			});
			expect(directives(PAGE_CSP).get('frame-ancestors')).toEqual(["'self'"]);
		}
	});

	it('never gives one path two framing policies', () => {
		for (const path of ['/embed/tea-trade', '/embed/india-russia/india', '/india-russia/india']) {
			expect(headersFor(rules, path)['content-security-policy'], path).not.toContain(',');
		}
	});

	it('gives every page exactly one Content-Security-Policy, from exactly one rule', () => {
		for (const [path, embed] of PAGES) {
			const matching = rules.filter(
				(rule) =>
					patternMatches(rule.pattern, path) &&
					rule.headers.some(([name]) => name.toLowerCase() === 'content-security-policy')
			);
			expect(matching, path).toHaveLength(1);
			expect(
				matching[0]?.headers.filter(([name]) => name === 'Content-Security-Policy'),
				path
			).toHaveLength(1);
			expect(headersFor(rules, path)['content-security-policy'], path).toBe(embed ? EMBED_CSP : PAGE_CSP);
			expect(headersFor(rules, path), path).toMatchObject({
				'x-content-type-options': 'nosniff',
				'referrer-policy': 'same-origin'
			});
			expect(headersFor(rules, path)['x-frame-options'], path).toBe(embed ? undefined : 'SAMEORIGIN');
		}
	});

	it('gives embeds the policy of every other page except for frame-ancestors', () => {
		const page = directives(PAGE_CSP);
		const embed = directives(EMBED_CSP);
		expect([...embed.keys()]).toEqual([...page.keys()]);
		for (const [name, sources] of page) {
			if (name !== 'frame-ancestors') expect(embed.get(name), name).toEqual(sources);
		}
		expect(page.get('frame-ancestors')).toEqual(["'self'"]);
		expect(embed.get('frame-ancestors')).toEqual(['*']);
	});

	it('sends the meta policy plus frame-ancestors, allowing inline script only for the meta hashes to narrow', () => {
		const page = directives(PAGE_CSP);
		const meta = directives(formatPolicy(PAGE_POLICY));
		// Everything the meta tag says, the header says too: together they are no looser than the meta tag.
		for (const [name, sources] of meta) {
			if (name === 'script-src') expect(page.get(name), name).toEqual([...sources, "'unsafe-inline'"]);
			else expect(page.get(name), name).toEqual(sources);
		}
		expect([...page.keys()].filter((name) => !meta.has(name))).toEqual(['frame-ancestors']);
		// The meta tag may not carry frame-ancestors (browsers ignore it there), and allows no inline script
		// without a hash: SvelteKit adds the page's hashes to exactly this list.
		expect(meta.has('frame-ancestors')).toBe(false);
		expect(meta.get('script-src')).toEqual(["'self'"]);
		expect(meta.get('style-src')).toEqual(["'self'"]);
		expect(meta.get('object-src')).toEqual(["'none'"]);
		// No string evaluation, and no wildcard source: everything comes from the site itself.
		for (const [name, sources] of [...meta, ...page]) {
			expect(sources, name).not.toContain("'unsafe-eval'");
			expect(sources, name).not.toContain('*');
		}
	});

	it('quotes keywords and hashes, and nothing else', () => {
		expect(
			formatPolicy({ 'script-src': ['self', 'sha256-abc=', 'https://example.org', 'unsafe-inline'] })
		).toBe("script-src 'self' 'sha256-abc=' https://example.org 'unsafe-inline'");
		expect(formatPolicy(headerPolicy('*'))).toBe(EMBED_CSP);
	});

	it('applies the rules under a base path only there', () => {
		const based = siteHeaderRules(['india-russia'], '/explorer');
		expect(headersFor(based, '/explorer/india-russia')['x-frame-options']).toBe('SAMEORIGIN');
		expect(headersFor(based, '/explorer/india-russia')['content-security-policy']).toBe(PAGE_CSP);
		expect(headersFor(based, '/explorer/embed/india-russia')['content-security-policy']).toBe(EMBED_CSP);
		expect(headersFor(based, '/india-russia')['x-frame-options']).toBeUndefined();
		expect(headersFor(based, '/india-russia')['content-security-policy']).toBeUndefined();
	});

	it('leaves an unknown address outside every graph without a policy header (the documented gap)', () => {
		expect(headersFor(rules, '/nothing-here')['content-security-policy']).toBeUndefined();
		expect(headersFor(rules, '/nothing-here')['x-content-type-options']).toBe('nosniff');
		// Inside a graph, where 404.html renders a big graph's entities, the policy applies.
		expect(headersFor(rules, '/tea-trade/not-prerendered')['content-security-policy']).toBe(PAGE_CSP);
	});

	it('says which line is malformed', () => {
		expect(() => parseHeadersFile('/a\n  X-Frame-Options SAMEORIGIN\n')).toThrow(
			'_headers line 2: expected "  Name: value"'
		);
		expect(() => parseHeadersFile('  X-Frame-Options: DENY\n')).toThrow('_headers line 1');
	});
});

describe('path patterns', () => {
	it('match * as any rest of the path and :name as one segment, literally otherwise', () => {
		expect(patternMatches('/embed/*', '/embed/a/b')).toBe(true);
		expect(patternMatches('/embed/*', '/embedded')).toBe(false);
		expect(patternMatches('/:graph', '/india-russia')).toBe(true);
		expect(patternMatches('/:graph', '/india-russia/india')).toBe(false);
		expect(patternMatches('/index.html', '/indexhtml')).toBe(false);
		expect(patternMatches('/', '/a')).toBe(false);
	});
});
