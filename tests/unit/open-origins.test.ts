import { describe, expect, it } from 'vitest';
import { openOrigins } from '../../src/lib/open-origins.js';

describe('openOrigins (the OPEN_ORIGINS build setting)', () => {
	it('is empty unless set', () => {
		expect(openOrigins('')).toEqual([]);
		expect(openOrigins(undefined)).toEqual([]);
	});

	it('reads a comma-separated list of origins, lowercased, without trailing slashes', () => {
		expect(openOrigins(' https://Data.example.org/ , http://127.0.0.1:*,https://*.files.org')).toEqual([
			'https://data.example.org',
			'http://127.0.0.1:*',
			'https://*.files.org'
		]);
	});

	it('drops default ports, as browsers write origins', () => {
		expect(openOrigins('https://a.org:443,http://b.org:80,https://c.org:8443')).toEqual([
			'https://a.org',
			'http://b.org',
			'https://c.org:8443'
		]);
	});

	it('refuses what is not an origin, naming it', () => {
		for (const bad of ['*', 'https://a.org/path', 'ftp://a.org', 'a.org', "https://a.org 'unsafe-inline'"])
			expect(() => openOrigins(bad), bad).toThrow(/OPEN_ORIGINS: “.*” is not an origin/);
	});
});
