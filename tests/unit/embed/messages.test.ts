import { describe, expect, it } from 'vitest';
import { MAX_KEY_LENGTH, MAX_LIST, readHostMessage, withFilters } from '../../../src/lib/embed/messages';

describe('readHostMessage', () => {
	it.each([
		[{ type: 'graph:show-step', step: 3 }],
		[{ type: 'graph:show-step', step: 0 }],
		[{ type: 'graph:select', entity: 'india' }],
		[{ type: 'graph:select', entity: null }],
		[{ type: 'graph:set-filters', hide: ['person'], hideRel: [], depth: 2, stated: true }],
		[{ type: 'graph:set-filters', depth: null }],
		[{ type: 'graph:set-filters' }],
		[{ type: 'graph:fit' }],
		[{ type: 'graph:hello' }]
	])('should take %j as it is', (message) => {
		expect(readHostMessage(message)).toEqual(message);
	});

	it.each([
		[null],
		[undefined],
		['graph:fit'],
		[42],
		[[{ type: 'graph:fit' }]],
		[{}],
		[{ type: 'fit' }],
		[{ type: 7 }],
		[{ type: 'webpackHotUpdate' }],
		[{ type: `graph:${'x'.repeat(100)}` }]
	])("should ignore %j, which is not this API's", (data) => {
		expect(readHostMessage(data)).toBeNull();
	});

	it.each([
		[{ type: 'graph:show-steps', step: 1 }, 'unknown message type'],
		[{ type: 'graph:show-step' }, 'needs “step”'],
		[{ type: 'graph:show-step', step: -1 }, '“step” is not valid'],
		[{ type: 'graph:show-step', step: 1.5 }, '“step” is not valid'],
		[{ type: 'graph:show-step', step: '2' }, '“step” is not valid'],
		[{ type: 'graph:show-step', step: 1e9 }, '“step” is not valid'],
		[{ type: 'graph:show-step', step: 41 }, '“step” is not valid'],
		[{ type: 'graph:show-step', step: 2, extra: 1 }, 'takes no field “extra”'],
		[{ type: 'graph:select' }, 'needs “entity”'],
		[{ type: 'graph:select', entity: '' }, '“entity” is not valid'],
		[{ type: 'graph:select', entity: 'x'.repeat(MAX_KEY_LENGTH + 1) }, '“entity” is not valid'],
		[{ type: 'graph:select', entity: { toString: 'india' } }, '“entity” is not valid'],
		[{ type: 'graph:set-filters', hide: 'person' }, '“hide” is not valid'],
		[{ type: 'graph:set-filters', hide: [1] }, '“hide” is not valid'],
		[{ type: 'graph:set-filters', hide: Array(MAX_LIST + 1).fill('person') }, '“hide” is not valid'],
		[{ type: 'graph:set-filters', depth: 0 }, '“depth” is not valid'],
		[{ type: 'graph:set-filters', stated: 1 }, '“stated” is not valid'],
		[{ type: 'graph:fit', now: true }, 'takes no field “now”'],
		[{ type: 'graph:fit', a: 1, b: 2 }, 'more fields than it takes']
	])('should refuse %j, saying what is wrong', (data, error) => {
		const read = readHostMessage(data);
		expect(read).toHaveProperty('error');
		expect((read as { error: string }).error).toContain(error);
	});

	it('should refuse a message with more fields than its type takes, and a long list before reading it', () => {
		const huge: Record<string, unknown> = { type: 'graph:select', entity: 'india' };
		for (let i = 0; i < 200_000; i++) huge[`f${i}`] = i;
		expect(readHostMessage(huge)).toEqual({
			error: 'graph:select has more fields than it takes (entity)'
		});
		// A list longer than a filter takes is refused before any of its entries is read.
		let reads = 0;
		const long = new Proxy(Array<string>(1_000_000).fill('person'), {
			get(target, property, receiver) {
				if (typeof property === 'string' && /^\d+$/.test(property)) reads++;
				return Reflect.get(target, property, receiver) as unknown;
			}
		});
		expect(readHostMessage({ type: 'graph:set-filters', hide: long })).toHaveProperty('error');
		expect(reads).toBe(0);
	});

	it('should not be fooled by inherited fields or prototype names', () => {
		const inherited = Object.create({ step: 2 }) as Record<string, unknown>;
		inherited.type = 'graph:show-step';
		expect(readHostMessage(inherited)).toEqual({ error: 'graph:show-step needs “step”' });
		expect(readHostMessage({ type: 'graph:__proto__' })).toHaveProperty('error');
		expect(readHostMessage(JSON.parse('{"type":"graph:fit","__proto__":{"x":1}}'))).toHaveProperty('error');
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});
});

describe('withFilters', () => {
	it('should put the filters given in place of the view’s, and keep the rest', () => {
		const query = 'hide=person&depth=2&size=degree';
		expect(withFilters(query, { type: 'graph:set-filters', hideRel: ['buys'] }).toString()).toBe(
			'hide=person&depth=2&size=degree&hideRel=buys'
		);
		expect(
			withFilters(query, { type: 'graph:set-filters', hide: [], depth: null, stated: true }).toString()
		).toBe('hide=&depth=&size=degree&stated=1');
		expect(withFilters(query, { type: 'graph:set-filters', hide: ['a', 'b'] }).get('hide')).toBe('a,b');
	});
});
