/** The arrow keys of a story (src/lib/explorer/step-keys.ts). */
import { describe, expect, it } from 'vitest';
import { stepDirection } from '../../../src/lib/explorer/step-keys';

describe('stepDirection', () => {
	const key = (key: string, extra: Partial<KeyboardEvent> = {}) =>
		stepDirection({
			key,
			target: null,
			ctrlKey: false,
			metaKey: false,
			altKey: false,
			shiftKey: false,
			...extra
		} as KeyboardEvent);

	it('reads ← and → as the previous and the next step, and nothing else', () => {
		expect([key('ArrowLeft'), key('ArrowRight'), key('ArrowUp'), key('Enter')]).toEqual([-1, 1, 0, 0]);
		expect(key('ArrowRight', { shiftKey: true })).toBe(0);
		expect(key('ArrowLeft', { metaKey: true })).toBe(0);
	});
});
