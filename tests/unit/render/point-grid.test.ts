import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LEAN_COVER, leanScale } from '../../../src/lib/render/lean';
import { PointGrid } from '../../../src/lib/render/point-grid';

/** A point as these tests write them; the grid takes them as columns (gridOf). */
interface GridPoint {
	key: string;
	x: number;
	y: number;
}

/** What `near` must find, by looking at every point. */
function bruteForce(points: GridPoint[], x: number, y: number, radius: number): [string, number][] {
	return points
		.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
		.map((p): [string, number] => [p.key, Math.hypot(p.x - x, p.y - y)])
		.filter(([, distance]) => distance <= radius)
		.sort(([a], [b]) => a.localeCompare(b));
}

/** The grid over `points`, given as its columns. */
const gridOf = (points: readonly GridPoint[]) =>
	new PointGrid(
		points.map((p) => p.key),
		points.map((p) => p.x),
		points.map((p) => p.y)
	);

function near(grid: PointGrid, x: number, y: number, radius: number): [string, number][] {
	const found: [string, number][] = [];
	grid.near(x, y, radius, (key, distance) => found.push([key, distance]));
	return found.sort(([a], [b]) => a.localeCompare(b));
}

const points = (list: [number, number][]): GridPoint[] => list.map(([x, y], i) => ({ key: `p${i}`, x, y }));

describe('PointGrid', () => {
	it('finds exactly the points within the radius, as looking at every point would', () => {
		const coordinate = fc.double({ min: -1000, max: 1000, noNaN: true });
		fc.assert(
			fc.property(
				fc.array(fc.tuple(coordinate, coordinate), { maxLength: 300 }),
				coordinate,
				coordinate,
				fc.double({ min: 0, max: 500, noNaN: true }),
				(list, x, y, radius) => {
					const all = points(list);
					expect(near(gridOf(all), x, y, radius)).toEqual(bruteForce(all, x, y, radius));
				}
			),
			{ numRuns: 1000 }
		);
	});

	it('finds points in clusters, on a line and all at one place', () => {
		const cluster = points([
			...Array.from({ length: 500 }, (_, i): [number, number] => [0.5 + (i % 7) * 1e-6, 0.5 + i * 1e-7]),
			[0, 0],
			[1, 1]
		]);
		const grid = gridOf(cluster);
		expect(near(grid, 0.5, 0.5, 1e-5)).toEqual(bruteForce(cluster, 0.5, 0.5, 1e-5));
		expect(near(grid, 0.5, 0.5, 1e-5).length).toBeGreaterThan(50);

		const line = points(Array.from({ length: 100 }, (_, i): [number, number] => [i, 3]));
		expect(near(gridOf(line), 10, 3, 2.5).map(([key]) => key)).toEqual(['p10', 'p11', 'p12', 'p8', 'p9']);

		const same = points(Array.from({ length: 20 }, (): [number, number] => [4, -2]));
		expect(near(gridOf(same), 4, -2, 0)).toHaveLength(20);
		expect(near(gridOf(same), 5, -2, 0.5)).toEqual([]);
	});

	it('leaves out points without finite coordinates and answers nothing for a radius that is not a number', () => {
		const list: GridPoint[] = [
			{ key: 'a', x: Number.NaN, y: 0 },
			{ key: 'b', x: 0, y: Number.POSITIVE_INFINITY },
			{ key: 'c', x: 1, y: 1 }
		];
		const grid = gridOf(list);
		expect(grid.size).toBe(1);
		expect(near(grid, 0, 0, 10)).toEqual([['c', Math.SQRT2]]);
		expect(near(grid, 1, 1, Number.NaN)).toEqual([]);
		expect(near(grid, 1, 1, -1)).toEqual([]);
		expect(near(gridOf([]), 0, 0, 1e9)).toEqual([]);
	});

	it('reads typed arrays as the lean drawing fills them, and only as far as the shortest column', () => {
		// The lean drawing leaves the coordinates of an entity sigma has no data for at NaN: left out.
		const xs = new Float64Array([0, 1, 2, 3]);
		const ys = new Float64Array(4).fill(Number.NaN);
		ys.set([0, 0, 0]);
		const grid = new PointGrid(['a', 'b', 'c', 'd', 'e'], xs, ys);
		expect(grid.size).toBe(3);
		expect(near(grid, 1, 0, 1.5)).toEqual([
			['a', 1],
			['b', 0],
			['c', 1]
		]);
		expect(new PointGrid(['a'], [0, 1], [0, 1]).size).toBe(1);
	});

	it('finds points far outside the grid when the radius reaches them', () => {
		const grid = gridOf(
			points([
				[0, 0],
				[1, 0]
			])
		);
		expect(near(grid, 100, 0, 99.5)).toEqual([['p1', 99]]);
		expect(near(grid, -100, 0, 99)).toEqual([]);
	});
});

describe('leanScale', () => {
	it('makes the discs cover LEAN_COVER times the area when they would cover more', () => {
		const sizes = Array.from({ length: 100_000 }, () => 5.5);
		const area = 1280 * 800;
		const scale = leanScale(sizes, area);
		const covered = sizes.reduce((sum, size) => sum + Math.PI * (size * scale) ** 2, 0);
		expect(covered / area).toBeCloseTo(LEAN_COVER, 6);
	});

	it('halves small graphs and keeps a tenth of the size at the least', () => {
		expect(leanScale([4, 8, 12], 1280 * 800)).toBe(0.5);
		expect(
			leanScale(
				Array.from({ length: 1_000_000 }, () => 24),
				320 * 240
			)
		).toBe(0.1);
		expect(leanScale([], 1000)).toBe(0.5);
		expect(leanScale([3], 0)).toBe(0.5);
	});
});
