/**
 * The data view's table (issue 23, a first step: no page shows it yet): every entity or relationship of a graph
 * as a row of typed cells, the columns they have, and the typed sort and filters an analyst applies to them. Pure,
 * so that the browser's table and the node tests read the same rules. Cells are typed by their column's kind
 * (data-kinds.ts): numbers sort as numbers, dates as dates, yes/no as no before yes, text by the reader's
 * collation; a missing value sorts last whichever way the column is sorted.
 */
import type { KnowledgeGraph } from './build';
import { dataKinds } from './data-kinds';
import type { DataKind } from './schema';

/** A cell's value: text, a number or yes/no; null where the row has none. */
export type Cell = string | number | boolean | null;

export interface TableColumn {
	/** `label`, `type`, `relationships` (entities); `source`, `type`, `target`, `modality`, `claim`, `section` (relationships); `data:<name>` for a data attribute. */
	id: string;
	/** The header a reader sees. */
	name: string;
	kind: DataKind;
}

export interface TableRow {
	/** The entity's key, or the relationship's. */
	key: string;
	cells: Record<string, Cell>;
}

export interface Table {
	columns: TableColumn[];
	rows: TableRow[];
}

/** The columns of data attributes `kinds` (the graph's data kinds of entities or of relationships). */
const dataColumns = (kinds: readonly (readonly [string, DataKind])[]): TableColumn[] =>
	kinds.map(([name, kind]) => ({ id: `data:${name}`, name, kind }));

/** Adds to `cells` a row's cells of data attributes `kinds`, from its `data` (missing ones null). */
function addDataCells(
	cells: Record<string, Cell>,
	kinds: readonly (readonly [string, DataKind])[],
	data: Record<string, Cell> | undefined
): Record<string, Cell> {
	for (const [name] of kinds) cells[`data:${name}`] = data?.[name] ?? null;
	return cells;
}

/** Every entity as a row: its label, type, relationship count and every data attribute. */
export function entityTable(graph: KnowledgeGraph): Table {
	const { nodeTypes } = graph.getAttributes();
	const data = dataKinds(graph).nodes;
	const columns: TableColumn[] = [
		{ id: 'label', name: 'Label', kind: 'text' },
		{ id: 'type', name: 'Type', kind: 'category' },
		{ id: 'relationships', name: 'Relationships', kind: 'number' },
		...dataColumns(data)
	];
	const rows = graph.mapNodes((key, attributes): TableRow => {
		const cells: Record<string, Cell> = {
			label: attributes.label,
			type: nodeTypes[attributes.type]?.label ?? attributes.type,
			relationships: graph.degree(key)
		};
		return { key, cells: addDataCells(cells, data, attributes.data) };
	});
	return { columns, rows };
}

/** Every relationship as a row: its two entities, its type, how the source says it, its claim and section. */
export function relationshipTable(graph: KnowledgeGraph): Table {
	const { edgeTypes } = graph.getAttributes();
	const data = dataKinds(graph).edges;
	const columns: TableColumn[] = [
		{ id: 'source', name: 'Source', kind: 'text' },
		{ id: 'type', name: 'Relationship', kind: 'category' },
		{ id: 'target', name: 'Target', kind: 'text' },
		{ id: 'modality', name: 'How the source says it', kind: 'category' },
		{ id: 'claim', name: 'Claim', kind: 'text' },
		{ id: 'section', name: 'Section', kind: 'text' },
		...dataColumns(data)
	];
	const rows = graph.mapEdges(
		(key, attributes, source, target, sourceAttributes, targetAttributes): TableRow => {
			const cells: Record<string, Cell> = {
				source: sourceAttributes.label,
				type: attributes.label ?? edgeTypes[attributes.type]?.label ?? attributes.type,
				target: targetAttributes.label,
				modality: attributes.modality ?? 'stated',
				claim: attributes.claim ?? null,
				section: attributes.evidence?.map((evidence) => evidence.section).join('; ') || null
			};
			for (const [name] of data) cells[`data:${name}`] = attributes.data?.[name] ?? null;
			return { key, cells };
		}
	);
	return { columns, rows };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** A cell as its kind sorts it: a number (numbers, dates as times, yes/no as 0/1) or text; null for missing. */
function sortValue(kind: DataKind, cell: Cell): number | string | null {
	if (cell === null || cell === '') return null;
	if (kind === 'number') {
		const number = typeof cell === 'number' ? cell : Number(cell);
		return Number.isFinite(number) ? number : null;
	}
	if (kind === 'boolean')
		return cell === true || cell === 'true' ? 1 : cell === false || cell === 'false' ? 0 : null;
	if (kind === 'date') {
		const time = Date.parse(String(cell));
		return Number.isNaN(time) ? null : time;
	}
	return String(cell);
}

export interface SortKey {
	column: string;
	descending: boolean;
}

/**
 * `rows` sorted by `keys`, the first deciding and the next breaking its ties, as a new array; stable (rows the
 * keys do not tell apart keep their order). Missing values come last in either direction. The values are read
 * once per row and key, not once per comparison.
 */
export function sortRows(
	rows: readonly TableRow[],
	columns: readonly TableColumn[],
	keys: readonly SortKey[]
): TableRow[] {
	const kinds = new Map(columns.map((column) => [column.id, column.kind]));
	const used = keys.filter((key) => kinds.has(key.column));
	const values = used.map((key) => {
		const kind = kinds.get(key.column) as DataKind;
		return rows.map((row) => sortValue(kind, row.cells[key.column] ?? null));
	});
	const order = rows.map((_, i) => i);
	order.sort((a, b) => {
		for (let k = 0; k < used.length; k++) {
			const column = values[k] as (number | string | null)[];
			const [x, y] = [column[a] ?? null, column[b] ?? null];
			if (x === y) continue;
			if (x === null) return 1;
			if (y === null) return -1;
			const compared =
				typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
			if (compared !== 0) return used[k]?.descending ? -compared : compared;
		}
		return a - b;
	});
	return order.map((i) => rows[i] as TableRow);
}

/** What a column's filter keeps: text that contains words, some of a category's values, a range of numbers or dates. */
export type ColumnFilter =
	| { column: string; contains: string }
	| { column: string; values: readonly string[] }
	| { column: string; min?: number | string; max?: number | string };

/** Text as the filters compare it: lower case, without accents. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether `cell`, of kind `kind`, passes `filter`. A missing value passes no filter. */
function passes(kind: DataKind, cell: Cell, filter: ColumnFilter): boolean {
	if (cell === null || cell === '') return false;
	if ('contains' in filter) return fold(String(cell)).includes(fold(filter.contains.trim()));
	if ('values' in filter) return filter.values.includes(String(cell));
	const value = sortValue(kind, cell);
	if (value === null) return false;
	const bound = (limit: number | string | undefined) =>
		limit === undefined || limit === '' ? null : sortValue(kind, limit);
	const [min, max] = [bound(filter.min), bound(filter.max)];
	const below = (a: number | string, b: number | string) =>
		typeof a === 'number' && typeof b === 'number' ? a < b : collator.compare(String(a), String(b)) < 0;
	return !(min !== null && below(value, min)) && !(max !== null && below(max, value));
}

/** The rows that pass every filter (filters on columns the table lacks are ignored), in their order. */
export function filterRows(
	rows: readonly TableRow[],
	columns: readonly TableColumn[],
	filters: readonly ColumnFilter[]
): TableRow[] {
	const kinds = new Map(columns.map((column) => [column.id, column.kind]));
	const used = filters.filter((filter) => kinds.has(filter.column));
	return rows.filter((row) =>
		used.every((filter) =>
			passes(kinds.get(filter.column) as DataKind, row.cells[filter.column] ?? null, filter)
		)
	);
}
