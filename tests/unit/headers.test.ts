import { describe, expect, it } from 'vitest';
import {
	formatHeadersFile,
	headersFor,
	parseHeadersFile,
	patternMatches,
	siteHeaderRules
} from '../../src/lib/server/headers';

const rules = parseHeadersFile(formatHeadersFile(siteHeaderRules(['india-russia', 'tea-trade'])));

describe('the headers file', () => {
	it('reads back the rules it was written from', () => {
		const written = siteHeaderRules(['india-russia'], '/explorer');
		expect(parseHeadersFile(formatHeadersFile(written))).toEqual(written);
	});

	it('lets any site frame an embed, and nothing else', () => {
		expect(headersFor(rules, '/embed/india-russia/india')).toEqual({
			'content-security-policy': 'frame-ancestors *',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'strict-origin-when-cross-origin'
		});
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
				'content-security-policy': "frame-ancestors 'self'"
			});
		}
	});

	it('never gives one path two framing policies', () => {
		for (const path of ['/embed/tea-trade', '/embed/india-russia/india', '/india-russia/india']) {
			expect(headersFor(rules, path)['content-security-policy'], path).not.toContain(',');
		}
	});

	it('applies the rules under a base path only there', () => {
		const based = siteHeaderRules(['india-russia'], '/explorer');
		expect(headersFor(based, '/explorer/india-russia')['x-frame-options']).toBe('SAMEORIGIN');
		expect(headersFor(based, '/india-russia')['x-frame-options']).toBeUndefined();
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
