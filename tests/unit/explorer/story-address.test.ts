/** The step a story frame's address names (src/lib/explorer/story-address.ts). */
import { describe, expect, it } from 'vitest';
import { frameStep } from '../../../src/lib/explorer/story-address';

const ORIGIN = 'https://g.example';

describe('frameStep', () => {
	const step = (href: string, search = '') => frameStep(href, ORIGIN, 'india-russia', search, 'talks');

	it("should name the step of an address of this story's frame, 0 for its cover", () => {
		expect(step('https://g.example/embed/india-russia/story/talks')).toBe(0);
		expect(step('/embed/india-russia/story/talks/1')).toBe(1);
		expect(step('/embed/india-russia/story/talks/10?controls=0', '?controls=0')).toBe(10);
	});

	it('should leave every other address alone', () => {
		for (const href of [
			'/embed/india-russia/story/talks/0',
			'/embed/india-russia/story/talks/01',
			'/embed/india-russia/story/talks/1000',
			'/embed/india-russia/story/talks/1.5',
			'/embed/india-russia/story/talks/1e1',
			'/embed/india-russia/story/talks/2/x',
			'/embed/india-russia/story/talks-more/2',
			'/embed/india-russia/story/other/2',
			'/embed/india-russia/story/talks/2?controls=0',
			'https://other.example/embed/india-russia/story/talks/2',
			'/embed/tea-trade/story/talks/2',
			'/india-russia/story/talks/2',
			'/embed/india-russia/india'
		])
			expect(step(href), href).toBeUndefined();
	});
});
