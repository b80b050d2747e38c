/**
 * Stories as their pages read them (src/lib/graph/story-query.ts): a step's view as view parameters, read back
 * by the view's own reader; a step's address segment.
 */
import { describe, expect, it } from 'vitest';
import { STEP_SEGMENT, storyViewQuery } from '../../../src/lib/graph/story-query';
import { parseViewOptions } from '../../../src/lib/graph/view';
import { tinyGraph } from '../helpers';

describe('storyViewQuery', () => {
	it('writes a step’s view as the view parameters the step starts from', () => {
		expect(storyViewQuery(undefined)).toBe('');
		expect(storyViewQuery({ focus: 'india' })).toBe('');
		expect(storyViewQuery({ hide: ['person', 'place'], hideRel: ['buys'], depth: 2, stated: true })).toBe(
			'hide=person,place&hideRel=buys&depth=2&stated=1'
		);
		expect(storyViewQuery({ hide: [], stated: false })).toBe('');
	});

	it('is read back by the view options’ reader', () => {
		const graph = tinyGraph(['a>b:likes', 'b>c:funds'], { c: 'person' });
		const options = parseViewOptions(
			new URLSearchParams(storyViewQuery({ hide: ['person'], hideRel: ['funds'], depth: 1, stated: true })),
			graph
		);
		expect(options).toMatchObject({ depth: 1, statedOnly: true });
		expect([...options.hiddenTypes, ...options.hiddenRelations]).toEqual(['person', 'funds']);
	});
});

describe('STEP_SEGMENT', () => {
	it.each(['1', '9', '10', '40', '999'])('reads %s as a step', (segment) => {
		expect(STEP_SEGMENT.test(segment)).toBe(true);
	});
	it.each(['0', '01', '1000', '-1', '1.5', '', ' 1', 'one'])('refuses %j', (segment) => {
		expect(STEP_SEGMENT.test(segment)).toBe(false);
	});
});
