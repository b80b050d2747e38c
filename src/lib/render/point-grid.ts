/**
 * A uniform grid over points in the plane, for finding the points near a position without looking at all of
 * them. The lean drawing of big graphs finds the entity under the pointer with it instead of sigma's picking
 * pass (a second drawing of every entity, which software WebGL pays for on every frame).
 */
export interface GridPoint {
	key: string;
	x: number;
	y: number;
}

export class PointGrid {
	/** Cell `row * columns + column` holds the points in it; empty cells are undefined. */
	readonly #cells: (GridPoint[] | undefined)[] = [];
	readonly #minX: number = 0;
	readonly #minY: number = 0;
	readonly #cell: number = 1;
	readonly #columns: number = 1;
	readonly #rows: number = 1;
	readonly size: number;

	/** Points with a coordinate that is not a finite number are left out. */
	constructor(points: Iterable<GridPoint>) {
		const kept = [...points].filter((point) => Number.isFinite(point.x) && Number.isFinite(point.y));
		this.size = kept.length;
		if (kept.length === 0) return;
		let minX = Infinity;
		let minY = Infinity;
		let maxX = -Infinity;
		let maxY = -Infinity;
		for (const { x, y } of kept) {
			if (x < minX) minX = x;
			if (x > maxX) maxX = x;
			if (y < minY) minY = y;
			if (y > maxY) maxY = y;
		}
		const width = maxX - minX;
		const height = maxY - minY;
		// About two points a cell where they are spread evenly, and never more than 2048 cells a side.
		const even = Math.sqrt((Math.max(width, 1e-9) * Math.max(height, 1e-9) * 2) / kept.length);
		this.#cell = Math.max(even, width / 2048, height / 2048, 1e-9);
		this.#minX = minX;
		this.#minY = minY;
		this.#columns = Math.floor(width / this.#cell) + 1;
		this.#rows = Math.floor(height / this.#cell) + 1;
		this.#cells = Array.from({ length: this.#columns * this.#rows });
		for (const point of kept) {
			const cell = this.#row(point.y) * this.#columns + this.#column(point.x);
			(this.#cells[cell] ??= []).push(point);
		}
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
				for (const point of this.#cells[row * this.#columns + column] ?? []) {
					const distance = Math.hypot(point.x - x, point.y - y);
					if (distance <= radius) visit(point.key, distance);
				}
			}
		}
	}
}
