import { describe, expect, it } from 'vitest';
import { frameEntity } from '../../../src/lib/explorer/frame-address';

const ORIGIN = 'https://g.example';
const at = (href: string, search = '?legend=1') => frameEntity(href, ORIGIN, 'india-russia', search);

describe('frameEntity', () => {
	it("should name the entity of an address of this graph's embed with the same options", () => {
		expect(at('https://g.example/embed/india-russia/india?legend=1')).toBe('india');
		expect(at('/embed/india-russia/tamil%20nadu?legend=1')).toBe('tamil nadu');
		expect(at('https://g.example/embed/india-russia?legend=1')).toBeNull();
	});

	it('should leave every other address alone', () => {
		expect(at('https://other.example/embed/india-russia/india?legend=1')).toBeUndefined();
		expect(at('https://g.example/embed/india-russia/india?legend=0')).toBeUndefined();
		expect(at('https://g.example/embed/tea-trade/india?legend=1')).toBeUndefined();
		expect(at('https://g.example/india-russia/india?legend=1')).toBeUndefined();
		expect(at('https://g.example/embed/india-russia/a/b?legend=1')).toBeUndefined();
		expect(at('https://g.example/embed/india-russia/%E0%A4%A?legend=1')).toBeUndefined();
		expect(at('http://[bad')).toBeUndefined();
	});
});
