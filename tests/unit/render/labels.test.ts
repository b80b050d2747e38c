import { describe, expect, it } from 'vitest';
import { type LabelCandidate, placeLabels } from '../../../src/lib/render/labels';

const width = (label: string) => label.length * 7;
const candidate = (key: string, x: number, y: number, size = 5, forced = false): LabelCandidate => ({
	key,
	label: key,
	x,
	y,
	size,
	forced
});

describe('placeLabels', () => {
	it('keeps labels that do not overlap', () => {
		const placed = placeLabels([candidate('alpha', 0, 0), candidate('beta', 0, 40)], width, 13);
		expect(placed.map((p) => p.key)).toEqual(['alpha', 'beta']);
	});

	it('drops the smaller node’s label where two would overlap', () => {
		const placed = placeLabels([candidate('small', 5, 2, 3), candidate('large', 0, 0, 12)], width, 13);
		expect(placed.map((p) => p.key)).toEqual(['large']);
	});

	it('places forced labels (selection, hover) before bigger nodes', () => {
		const placed = placeLabels([candidate('large', 0, 0, 12), candidate('chosen', 5, 2, 3, true)], width, 13);
		expect(placed.map((p) => p.key)).toEqual(['chosen']);
	});

	it('never returns two overlapping boxes, whatever the input order', () => {
		const many = Array.from({ length: 200 }, (_, i) =>
			candidate(`n${i}`, (i * 37) % 300, (i * 53) % 200, 2 + (i % 7))
		);
		const placed = placeLabels(many, width, 13);
		for (const [i, a] of placed.entries()) {
			for (const b of placed.slice(i + 1)) {
				const apart =
					a.box.left + a.box.width <= b.box.left ||
					b.box.left + b.box.width <= a.box.left ||
					a.box.top + a.box.height <= b.box.top ||
					b.box.top + b.box.height <= a.box.top;
				expect(apart).toBe(true);
			}
		}
		expect(placeLabels([...many].reverse(), width, 13).map((p) => p.key)).toEqual(placed.map((p) => p.key));
	});

	it('skips empty labels', () => {
		expect(placeLabels([{ ...candidate('x', 0, 0), label: '' }], width, 13)).toEqual([]);
	});
});
