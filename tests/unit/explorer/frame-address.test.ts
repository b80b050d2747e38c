import { describe, expect, it } from 'vitest';
import { frameEntity, frameStep } from '../../../src/lib/explorer/frame-address';

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

describe('frameStep', () => {
	const step = (href: string, search = '') => frameStep(href, ORIGIN, 'india-russia', search, 'talks');

	it("should name the step of an address of this story's frame, 0 for its cover", () => {
		expect(step('https://g.example/embed/india-russia/story/talks')).toBe(0);
		expect(step('/embed/india-russia/story/talks/1')).toBe(1);
		expect(step('/embed/india-russia/story/talks/10?controls=0', '?controls=0')).toBe(10);
	});

	it('should leave every other address alone', () => {
		expect(step('/embed/india-russia/story/talks/0')).toBeUndefined();
		expect(step('/embed/india-russia/story/talks/01')).toBeUndefined();
		expect(step('/embed/india-russia/story/talks/1000')).toBeUndefined();
		expect(step('/embed/india-russia/story/talks/2/x')).toBeUndefined();
		expect(step('/embed/india-russia/story/talks-more/2')).toBeUndefined();
		expect(step('/embed/india-russia/story/other/2')).toBeUndefined();
		expect(step('/embed/india-russia/story/talks/2?controls=0')).toBeUndefined();
		expect(step('https://other.example/embed/india-russia/story/talks/2')).toBeUndefined();
		expect(step('/embed/tea-trade/story/talks/2')).toBeUndefined();
		expect(step('/india-russia/story/talks/2')).toBeUndefined();
		expect(step('/embed/india-russia/india')).toBeUndefined();
	});
});
