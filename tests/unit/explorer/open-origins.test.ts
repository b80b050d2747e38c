import { describe, expect, it } from 'vitest';
import { mayFetch } from '../../../src/lib/explorer/open-origins';

const site = 'https://explorer.example.org';
const may = (url: string, allowed: string[]) => mayFetch(new URL(url), site, allowed);

describe('mayFetch', () => {
	it('always allows the site itself, and nothing else by default', () => {
		expect(may('https://explorer.example.org/graphs/a.gexf', [])).toBe(true);
		expect(may('https://data.example.org/a.gexf', [])).toBe(false);
		expect(may('http://explorer.example.org/a.gexf', [])).toBe(false);
	});

	it('matches origins as connect-src does: scheme, host, port; * for any port or subdomain', () => {
		const allowed = ['https://data.example.org', 'http://127.0.0.1:*', 'https://*.files.org'];
		expect(may('https://data.example.org/a.gexf', allowed)).toBe(true);
		expect(may('https://data.example.org:8443/a.gexf', allowed)).toBe(false);
		expect(may('http://data.example.org/a.gexf', allowed)).toBe(false);
		expect(may('https://evil-data.example.org/a.gexf', allowed)).toBe(false);
		expect(may('http://127.0.0.1:4173/a.gexf', allowed)).toBe(true);
		expect(may('http://localhost:4173/a.gexf', allowed)).toBe(false);
		expect(may('https://a.files.org/a.gexf', allowed)).toBe(true);
		expect(may('https://a.b.files.org/a.gexf', allowed)).toBe(true);
		expect(may('https://files.org/a.gexf', allowed)).toBe(false);
		expect(may('https://notfiles.org/a.gexf', allowed)).toBe(false);
	});
});
