import { describe, expect, it } from 'vitest';
import {
	MAX_RATIO,
	MIN_RATIO,
	boundsTarget,
	cameraMove,
	neighbourhoodTarget
} from '../../../src/lib/render/camera';
import { EMPTY_DISPLAY } from '../../../src/lib/render/display';

const paths = { nodes: new Set(['a', 'b']), edges: new Set(['e1']), frame: true };

describe('cameraMove', () => {
	it('should show the selected entity on the first frame, as a later selection does', () => {
		const selected = { ...EMPTY_DISPLAY, selected: 'a' };
		expect(cameraMove(null, selected)).toEqual({ show: 'entity', key: 'a' });
		expect(cameraMove(EMPTY_DISPLAY, selected)).toEqual({ show: 'entity', key: 'a' });
		expect(cameraMove(null, EMPTY_DISPLAY)).toBeNull();
	});

	it('should go back to the whole graph when the selection goes, and stay for anything else', () => {
		const selected = { ...EMPTY_DISPLAY, selected: 'a' };
		expect(cameraMove(selected, EMPTY_DISPLAY)).toEqual({ show: 'entity', key: null });
		expect(cameraMove(selected, { ...selected, hovered: 'b' })).toBeNull();
	});

	it('should show every entity of a new highlight that frames, and not of one that does not', () => {
		const framed = { ...EMPTY_DISPLAY, highlight: paths };
		expect(cameraMove(EMPTY_DISPLAY, framed)).toEqual({ show: 'entities', keys: ['a', 'b'] });
		expect(cameraMove(framed, { ...framed, highlight: { ...paths, nodes: new Set(['b', 'a']) } })).toBeNull();
		expect(cameraMove(EMPTY_DISPLAY, { ...EMPTY_DISPLAY, highlight: { ...paths, frame: false } })).toBeNull();
	});
});

describe('camera targets', () => {
	it('should centre a neighbourhood with every neighbour in view', () => {
		const target = neighbourhoodTarget({ x: 0.5, y: 0.5 }, [
			{ x: 0.6, y: 0.5 },
			{ x: 0.5, y: 0.3 }
		]);
		expect(target.x).toBe(0.5);
		expect(target.y).toBe(0.5);
		// The farthest neighbour (0.2 away) is inside the half-width the ratio shows.
		expect(target.ratio / 2).toBeGreaterThan(0.2);
		expect(target.ratio).toBeLessThan(MAX_RATIO);
	});

	it('should keep the ratio between its bounds', () => {
		expect(neighbourhoodTarget({ x: 0, y: 0 }, [{ x: 0.001, y: 0 }]).ratio).toBe(MIN_RATIO);
		expect(neighbourhoodTarget({ x: 0, y: 0 }, [{ x: 5, y: 0 }]).ratio).toBe(MAX_RATIO);
		expect(neighbourhoodTarget({ x: 0.2, y: 0.2 }, []).ratio).toBe(MAX_RATIO);
	});

	it('should frame the bounds of several entities, or nothing for none', () => {
		expect(boundsTarget([])).toBeNull();
		const target = boundsTarget([
			{ x: 0.2, y: 0.4 },
			{ x: 0.6, y: 0.5 }
		]);
		expect(target?.x).toBeCloseTo(0.4);
		expect(target?.y).toBeCloseTo(0.45);
		expect(target?.ratio).toBeGreaterThan(0.4);
	});
});
