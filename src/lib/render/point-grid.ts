/**
 * A uniform grid over points in the plane, for finding the points near a position without looking at all of
 * them. The lean drawing of big graphs finds the entity under the pointer with it instead of sigma's picking
 * pass (a second drawing of every entity, which software WebGL pays for on every frame).
 *
 * Columnar (the points' keys and coordinates in arrays, each cell a run of one array of indices, sorted by cell
 * in two counting passes): at 100,000 points, one object per point and an array per cell took some 70 ms to
 * build and left that much garbage, on the main thread, after a big graph's first frame.
 */
export class PointGrid {
	readonly #keys: readonly string[];
	readonly #xs: ArrayLike<number>;
	readonly #ys: ArrayLike<number>;
	/** The indices of the points, cell by cell: cell `row * columns + column` is `#order[#starts[c] … #starts[c + 1])`. */
	readonly #order: Int32Array = new Int32Array(0);
	readonly #starts: Int32Array = new Int32Array(1);
	readonly #minX: number = 0;
	readonly #minY: number = 0;
	readonly #cell: number = 1;
	readonly #columns: number = 1;
	readonly #rows: number = 1;
	readonly size: number;

	/**
	 * Point `i` is `keys[i]` at (`xs[i]`, `ys[i]`). Points with a coordinate that is not a finite number are left
	 * out. The arrays are read, not copied: do not change them afterwards.
	 */
	constructor(keys: readonly string[], xs: ArrayLike<number>, ys: ArrayLike<number>) {
		this.#keys = keys;
		this.#xs = xs;
		this.#ys = ys;
		const count = Math.min(keys.length, xs.length, ys.length);
		let kept = 0;
		let minX = Infinity;
		let minY = Infinity;
		let maxX = -Infinity;
		let maxY = -Infinity;
		for (let i = 0; i < count; i++) {
			const x = xs[i] as number;
			const y = ys[i] as number;
			if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
			kept++;
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
		}
		this.size = kept;
		if (kept === 0) return;
		const width = maxX - minX;
		const height = maxY - minY;
		// About two points a cell where they are spread evenly, and never more than 2048 cells a side.
		const even = Math.sqrt((Math.max(width, 1e-9) * Math.max(height, 1e-9) * 2) / kept);
		this.#cell = Math.max(even, width / 2048, height / 2048, 1e-9);
		this.#minX = minX;
		this.#minY = minY;
		this.#columns = Math.floor(width / this.#cell) + 1;
		this.#rows = Math.floor(height / this.#cell) + 1;
		// Counting sort by cell: count each cell's points, turn the counts into starts, then place each point.
		const cellOf = new Int32Array(count).fill(-1);
		const starts = new Int32Array(this.#columns * this.#rows + 1);
		for (let i = 0; i < count; i++) {
			const x = xs[i] as number;
			const y = ys[i] as number;
			if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
			const cell = this.#row(y) * this.#columns + this.#column(x);
			cellOf[i] = cell;
			starts[cell + 1] = (starts[cell + 1] ?? 0) + 1;
		}
		for (let c = 1; c < starts.length; c++) starts[c] = (starts[c] ?? 0) + (starts[c - 1] ?? 0);
		const next = starts.slice(0, -1);
		const order = new Int32Array(kept);
		for (let i = 0; i < count; i++) {
			const cell = cellOf[i] ?? -1;
			if (cell < 0) continue;
			const at = next[cell] ?? 0;
			order[at] = i;
			next[cell] = at + 1;
		}
		this.#order = order;
		this.#starts = starts;
	}

	#column(x: number): number {
		return Math.max(0, Math.min(this.#columns - 1, Math.floor((x - this.#minX) / this.#cell)));
	}

	#row(y: number): number {
		return Math.max(0, Math.min(this.#rows - 1, Math.floor((y - this.#minY) / this.#cell)));
	}

	/** Calls `visit` with every point at most `radius` away from (x, y), and its distance. */
	near(x: number, y: number, radius: number, visit: (key: string, distance: number) => void): void {
		if (this.size === 0 || !(radius >= 0)) return;
		const [fromColumn, toColumn] = [this.#column(x - radius), this.#column(x + radius)];
		const [fromRow, toRow] = [this.#row(y - radius), this.#row(y + radius)];
		for (let row = fromRow; row <= toRow; row++) {
			for (let column = fromColumn; column <= toColumn; column++) {
				const cell = row * this.#columns + column;
				const end = this.#starts[cell + 1] as number;
				for (let at = this.#starts[cell] as number; at < end; at++) {
					const i = this.#order[at] as number;
					const distance = Math.hypot((this.#xs[i] as number) - x, (this.#ys[i] as number) - y);
					if (distance <= radius) visit(this.#keys[i] as string, distance);
				}
			}
		}
	}
}
