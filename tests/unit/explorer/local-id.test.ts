import { describe, expect, it } from 'vitest';
import {
	graphOrigin,
	isBrowserGraphAddress,
	localGraphId,
	openGraphId,
	viewSuffix
} from '../../../src/lib/explorer/local-id';

describe('ids of graphs the browser reads itself', () => {
	it('name the kept file or the address, and read back', () => {
		expect(localGraphId('tea')).toBe('local/tea');
		const url = 'https://data.example.org/graphs/les misérables.gexf?v=2';
		expect(openGraphId(url)).toBe(`open/${encodeURIComponent(url)}`);
		expect(openGraphId(url).slice('open/'.length)).not.toContain('/');
		expect(graphOrigin(openGraphId(url))).toEqual({ kind: 'open', url });
		expect(graphOrigin('local/tea')).toEqual({ kind: 'local', name: 'tea' });
		expect(graphOrigin('india-russia')).toBeNull();
		expect(graphOrigin('open/%E0%A4')).toBeNull();
	});

	it('tell the addresses the routes answer from deeper ones', () => {
		expect(isBrowserGraphAddress('/local/tea')).toBe(true);
		expect(isBrowserGraphAddress('/local/tea/kolkata')).toBe(true);
		expect(isBrowserGraphAddress('/open/https%3A%2F%2Fx.org%2Fa.gexf/connect')).toBe(true);
		expect(isBrowserGraphAddress('/local')).toBe(false);
		expect(isBrowserGraphAddress('/local/tea/kolkata/more')).toBe(false);
		expect(isBrowserGraphAddress('/local/tea/story/trade')).toBe(true);
		expect(isBrowserGraphAddress('/local/tea/story/trade/2')).toBe(true);
		expect(isBrowserGraphAddress('/local/tea/story/trade/2/more')).toBe(false);
		expect(isBrowserGraphAddress('/local/tea/stories/trade/2')).toBe(false);
		expect(isBrowserGraphAddress('/open/https://x.org/a.gexf')).toBe(false);
		expect(isBrowserGraphAddress('/india-russia/india')).toBe(false);
	});
});

describe('viewSuffix', () => {
	it('keeps an entity, /connect and a query', () => {
		expect(viewSuffix('/11')).toBe('/11');
		expect(viewSuffix('/connect?from=a&to=b')).toBe('/connect?from=a&to=b');
		expect(viewSuffix('?depth=1')).toBe('?depth=1');
		expect(viewSuffix('')).toBe('');
		expect(viewSuffix(null)).toBe('');
	});

	it('drops anything that could lead elsewhere', () => {
		for (const then of [
			'/../../embed/x',
			'/..',
			'/.',
			'//evil.example',
			'/a/b',
			'https://evil.example',
			'/a#x'
		])
			expect(viewSuffix(then), then).toBe('');
	});
});
