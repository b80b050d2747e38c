/**
 * The data view's table (issue 23): `sortRows` on every entity of a generated graph (`entityTable`,
 * src/lib/graph/table.ts) by its label (text), by its relationship count (a number) and by each number or date
 * data attribute the graph has, each against sorting the same values alone, interleaved in one run; and
 * `filterRows` with a "contains" filter on the labels, timed. Budget (issue 23): a sort of 100k rows under 200 ms
 * and within 3× of its baseline, medians.
 *
 * Baselines: text is the column's values sorted with a collator of the table's options
 * (`values.slice().sort(collator.compare)`); numbers and dates (as times) are `Float64Array.from(values).sort()`,
 * the fastest way JavaScript sorts numbers (native numeric order, no comparison callback; `slice().sort((a, b) =>
 * a - b)` takes two to three times as long here), so that the ratio is set against the floor.
 *
 * Alone: `npx tsx tests/bench/table-bench.ts [--quick]` generates the 100k/500k graph (seed 1) and prints the
 * figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KnowledgeGraph } from '../../src/lib/graph/load';
import {
	type TableColumn,
	type TableRow,
	entityTable,
	filterRows,
	sortRows
} from '../../src/lib/graph/table';
import { SIZES, writeBenchGraph } from './graphs';
import { appLoad } from './load-bench';
import { collectGarbage, median } from './stats';

/** What a "contains" filter looks for in the labels: a word of many generated names ("Raw Sunflower Oil"). */
export const FILTER_TEXT = 'oil';

export interface SortTimes {
	/** The column's header and kind, e.g. `Label`, `text`. */
	column: string;
	kind: string;
	/** Median ms of `sortRows` by the column, ascending. */
	sortMs: number;
	/** Median ms of sorting the column's values alone (see the module comment). */
	baselineMs: number;
	/** How many rows have a value in the column. */
	values: number;
}

export interface TableTimes {
	rows: number;
	/** The label, the relationship count, then each number or date data attribute. */
	sorts: SortTimes[];
	/** Median ms of `filterRows` keeping the labels that contain FILTER_TEXT, and how many it keeps. */
	filterMs: number;
	kept: number;
	runs: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
/** The pause after each garbage collection (time). */
const SETTLE_MS = 200;
/** Untimed runs of each side first: the number sort reaches its steady speed after a few (from ~20 to ~8 ms). */
const WARMUPS = 3;

/**
 * The ms `run` takes after a full garbage collection and a pause for the collector to finish sweeping in the
 * background: on the ~1 GB heap of the 100k graph and its table, a call right after `gc()` pays 25–50 ms of that
 * sweeping (the baseline too), which a reader clicking a column header does not.
 */
async function time(run: () => unknown): Promise<number> {
	collectGarbage();
	await new Promise((settled) => setTimeout(settled, SETTLE_MS));
	const started = performance.now();
	run();
	return performance.now() - started;
}

/** The baseline of `column`: its values (missing ones left out) and how sorting them alone is timed. */
function baseline(rows: readonly TableRow[], column: TableColumn): [number, () => unknown] {
	const cells = rows
		.map((row) => row.cells[column.id] ?? null)
		.filter((cell) => cell !== null && cell !== '');
	if (column.kind === 'text') {
		const texts = cells.map(String);
		return [texts.length, () => texts.slice().sort(collator.compare)];
	}
	const numbers = cells
		.map((cell) => (column.kind === 'date' ? Date.parse(String(cell)) : Number(cell)))
		.filter(Number.isFinite);
	return [numbers.length, () => Float64Array.from(numbers).sort()];
}

/**
 * `runs` timed runs of each sort and its baseline, alternating which goes first, after WARMUPS of each; then
 * `runs` timed runs of the filter. The table is built once, outside the timings; each run is timed after a full
 * garbage collection and a pause (time).
 */
export async function benchTable(graph: KnowledgeGraph, runs: number): Promise<TableTimes> {
	const table = entityTable(graph);
	const sorted = table.columns.filter(
		(column) =>
			column.id === 'label' ||
			column.id === 'relationships' ||
			(column.id.startsWith('data:') && (column.kind === 'number' || column.kind === 'date'))
	);
	const sorts: SortTimes[] = [];
	for (const column of sorted) {
		// A new array of the rows for each run: sortRows keeps a rows array's ranks while it lives (a sort the other
		// way reads no column again), and the figure is for a first sort.
		const app = () => {
			const rows = table.rows.slice();
			return () => sortRows(rows, table.columns, [{ column: column.id, descending: false }]);
		};
		const [values, alone] = baseline(table.rows, column);
		for (let i = 0; i < WARMUPS; i++) {
			app()();
			alone();
		}
		const [a, b]: [number[], number[]] = [[], []];
		for (let i = 0; i < runs; i++) {
			if (i % 2 === 0) {
				a.push(await time(app()));
				b.push(await time(alone));
			} else {
				b.push(await time(alone));
				a.push(await time(app()));
			}
		}
		sorts.push({ column: column.name, kind: column.kind, sortMs: median(a), baselineMs: median(b), values });
	}
	const filter = () => filterRows(table.rows, table.columns, [{ column: 'label', contains: FILTER_TEXT }]);
	const kept = filter().length;
	const filterTimes: number[] = [];
	for (let i = 0; i < runs; i++) filterTimes.push(await time(filter));
	return { rows: table.rows.length, sorts, filterMs: median(filterTimes), kept, runs };
}

/** Run alone: the 100k/500k graph, generated into a temporary folder. */
async function main(): Promise<void> {
	const runs = process.argv.includes('--quick') ? 5 : 9;
	const dir = mkdtempSync(join(tmpdir(), 'kge-table-bench-'));
	try {
		const graph = appLoad(writeBenchGraph(SIZES.large, dir));
		const times = await benchTable(graph, runs);
		for (const sort of times.sorts) {
			console.log(
				`sort ${times.rows} rows by ${sort.column} (${sort.kind}): ${sort.sortMs.toFixed(1)} ms, ` +
					`its ${sort.values} values alone ${sort.baselineMs.toFixed(1)} ms ` +
					`(${(sort.sortMs / sort.baselineMs).toFixed(2)}×; budget < 200 ms and ≤ 3×)`
			);
		}
		console.log(
			`filter ${times.rows} rows, label contains "${FILTER_TEXT}": ${times.filterMs.toFixed(1)} ms ` +
				`(${times.kept} kept); medians of ${times.runs} runs`
		);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
