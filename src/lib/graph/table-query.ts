/**
 * The data view's table state in the URL (issue 23), so that a table view can be shared: which tab, which columns
 * in which order, the sort, the column filters, the search, whether the rows that pass are shown on the canvas and
 * whether the graph's view narrows the table. Read leniently and bounded like the view options (view.ts), whose
 * parameters it leaves as they are; plus the state transitions of a header click and of a column's filter.
 *
 * Parameters: `tab=relationships`; `col=<column>`, once per shown column, in order; `sort=<column>` or
 * `sort=-<column>` (descending), once per key, the first deciding; `q=<text>`; per filtered column one of
 * `has.<column>=<text>`, `in.<column>=<value>` (once per value) or `min.<column>=<bound>` and/or
 * `max.<column>=<bound>`; `show=1`; `narrow=0`. Defaults are never written: the default table has no parameter.
 *
 * A column id is never empty and never starts with "-": ids are fixed names (`label`, `type`, `source` …) or
 * `data:<name>` (table.ts), so a data attribute named "-x" is `data:-x`. That is what makes the "-" of a sort
 * key unambiguous; an id that breaks the rule is read as malformed and dropped. Whether a column exists is not
 * known here: the table drops the ids it does not have (tableColumns; sortRows and filterRows ignore them).
 */
import type { ColumnFilter, SortKey, TableColumn } from './table';

export type TableTab = 'entities' | 'relationships';

export interface TableQuery {
	/** Which table: the graph's entities or its relationships. */
	tab: TableTab;
	/** The ids of the columns shown, in order; null for every column, in the table's own order. */
	columns: string[] | null;
	/** The sort keys, the first deciding and the next breaking its ties; none for the graph's order. */
	sort: SortKey[];
	/** At most one filter per column, in the order they were set. A range filter's bounds are text. */
	filters: ColumnFilter[];
	/** Words a row must contain somewhere; empty for none. */
	search: string;
	/** Whether the rows that pass are highlighted on the canvas. */
	show: boolean;
	/** Whether the graph's view (hidden types, depth, …) narrows the table to what the canvas shows. */
	narrow: boolean;
}

export const DEFAULT_TABLE_QUERY: TableQuery = {
	tab: 'entities',
	columns: null,
	sort: [],
	filters: [],
	search: '',
	show: false,
	narrow: true
};

/** How much of a table query is read from a URL; the rest is ignored. */
export const TABLE_LIMITS = {
	/** Longest parameter name or value read (as view.ts). */
	param: 2000,
	/** Every column of a graph with the most data attributes a file may have (LIMITS.dataAttributes, 200). */
	columns: 250,
	sortKeys: 10,
	filters: 50,
	/** Values of one `in.` filter. */
	values: 100,
	/** Longest value of an `in.` filter (as view.ts's hidden values). */
	value: 200
} as const;

/** The table's parameters of a fixed name. */
export const TABLE_PARAMS = ['tab', 'col', 'sort', 'q', 'show', 'narrow'] as const;

/** The prefixes of the filters' parameters: `<prefix><column id>`. */
const FILTER_PREFIXES = ['has.', 'in.', 'min.', 'max.'] as const;
type FilterPrefix = (typeof FILTER_PREFIXES)[number];

/** Whether query parameter `name` belongs to the table: one of TABLE_PARAMS or a column filter's (`has.…` …). */
export function isTableParam(name: string): boolean {
	return (
		(TABLE_PARAMS as readonly string[]).includes(name) ||
		FILTER_PREFIXES.some((prefix) => name.startsWith(prefix))
	);
}

/** Whether `id` can be a column id (see the module comment). */
const isColumnId = (id: string): boolean =>
	id !== '' && !id.startsWith('-') && id.length <= TABLE_LIMITS.param;

/** Whether `text` has anything in it but white space. */
const blank = (text: string): boolean => text.trim() === '';

/** A range bound as the URL writes it, or null when there is none (missing, blank or not a finite number). */
function boundText(bound: number | string | undefined): string | null {
	if (bound === undefined) return null;
	if (typeof bound === 'number') return Number.isFinite(bound) ? String(bound) : null;
	return blank(bound) ? null : bound;
}

/** A filter being read: a column's filter of one kind, collected from one or more parameters. */
type Reading =
	| { column: string; contains: string }
	| { column: string; values: string[] }
	| { column: string; min?: string; max?: string };

/**
 * The table query of query parameters `params`. Lenient, like the view options: anything malformed or beyond
 * TABLE_LIMITS is ignored and never an error; a repeated column, sort key, filter or value keeps its first; an
 * unknown tab is the entities; a filter that would hold nothing (blank text or bounds, no value) is none. A column's
 * first filter decides its kind: later parameters of another kind for that column are ignored. A range's bounds
 * are read as text, which filterRows reads by the column's kind.
 */
export function readTableQuery(params: URLSearchParams): TableQuery {
	const fits = (text: string) => text.length <= TABLE_LIMITS.param;
	const first = (name: string) => {
		const value = params.get(name);
		return value !== null && fits(value) ? value : null;
	};

	const columns = [...new Set(params.getAll('col').filter(isColumnId))].slice(0, TABLE_LIMITS.columns);

	const sort: SortKey[] = [];
	for (const value of params.getAll('sort')) {
		if (sort.length === TABLE_LIMITS.sortKeys) break;
		const descending = value.startsWith('-');
		const column = descending ? value.slice(1) : value;
		if (isColumnId(column) && !sort.some((key) => key.column === column)) sort.push({ column, descending });
	}

	const filters = new Map<string, Reading>();
	for (const [name, value] of params) {
		const prefix = FILTER_PREFIXES.find((candidate) => name.startsWith(candidate));
		if (!prefix || !fits(name) || !fits(value)) continue;
		const column = name.slice(prefix.length);
		if (isColumnId(column)) readFilter(filters, prefix, column, value);
	}

	return {
		tab: first('tab') === 'relationships' ? 'relationships' : 'entities',
		columns: columns.length > 0 ? columns : null,
		sort,
		filters: [...filters.values()],
		search: first('q') ?? '',
		show: first('show') === '1',
		narrow: first('narrow') !== '0'
	};
}

/** Adds to `filters` what parameter `<prefix><column>=<value>` says, unless it is empty, repeated or too much. */
function readFilter(
	filters: Map<string, Reading>,
	prefix: FilterPrefix,
	column: string,
	value: string
): void {
	const filter = filters.get(column);
	if (!filter && filters.size === TABLE_LIMITS.filters) return;
	if (prefix === 'has.') {
		if (!filter && !blank(value)) filters.set(column, { column, contains: value });
	} else if (prefix === 'in.') {
		if (value === '' || value.length > TABLE_LIMITS.value) return;
		if (!filter) filters.set(column, { column, values: [value] });
		else if (
			'values' in filter &&
			filter.values.length < TABLE_LIMITS.values &&
			!filter.values.includes(value)
		)
			filter.values.push(value);
	} else {
		const bound = prefix === 'min.' ? 'min' : 'max';
		if (blank(value)) return;
		if (!filter) filters.set(column, bound === 'min' ? { column, min: value } : { column, max: value });
		else if (!('contains' in filter) && !('values' in filter) && filter[bound] === undefined)
			filter[bound] = value;
	}
}

/**
 * A new copy of query parameters `params` with `query` in place of the table parameters it had: the other
 * parameters (the view's and any other) first, in their order, then `query`'s in a fixed order — tab, columns,
 * sort keys, search, filters in their order, show, narrow. What is default (the entities, every column, no sort,
 * search or filter, not shown, narrowed) or empty (a filter with nothing in it) is left out, so the default
 * table adds no parameter.
 */
export function writeTableQuery(query: TableQuery, params: URLSearchParams): URLSearchParams {
	const written = new URLSearchParams();
	for (const [name, value] of params) if (!isTableParam(name)) written.append(name, value);
	if (query.tab !== DEFAULT_TABLE_QUERY.tab) written.append('tab', query.tab);
	for (const column of query.columns ?? []) written.append('col', column);
	for (const { column, descending } of query.sort) written.append('sort', descending ? `-${column}` : column);
	if (query.search !== '') written.append('q', query.search);
	for (const filter of query.filters) {
		if ('contains' in filter) {
			if (!blank(filter.contains)) written.append(`has.${filter.column}`, filter.contains);
		} else if ('values' in filter) {
			for (const value of filter.values) written.append(`in.${filter.column}`, value);
		} else {
			const [min, max] = [boundText(filter.min), boundText(filter.max)];
			if (min !== null) written.append(`min.${filter.column}`, min);
			if (max !== null) written.append(`max.${filter.column}`, max);
		}
	}
	if (query.show) written.append('show', '1');
	if (!query.narrow) written.append('narrow', '0');
	return written;
}

/**
 * The columns of `all` that `chosen` names, in `chosen`'s order (ids it repeats or `all` lacks left out); every
 * column of `all`, in its order, when `chosen` is null or names none of them.
 */
export function tableColumns(all: readonly TableColumn[], chosen: readonly string[] | null): TableColumn[] {
	const byId = new Map(all.map((column) => [column.id, column]));
	const shown = [...new Set(chosen ?? [])].flatMap((id) => byId.get(id) ?? []);
	return shown.length > 0 ? shown : [...all];
}

/**
 * The sort after a click on column `column`'s header, as a new array. A click (`add` false) sorts by that column
 * alone: ascending, then descending if it was the first key ascending, then no sort at all if it was the first key
 * descending. A shift-click (`add` true) keeps the other keys: a column among them turns descending where it was
 * ascending and leaves the keys where it was descending; any other column is added last, ascending, unless there
 * are already TABLE_LIMITS.sortKeys keys.
 */
export function toggleSort(sort: readonly SortKey[], column: string, add: boolean): SortKey[] {
	if (!add) {
		const [head] = sort;
		if (head?.column !== column) return [{ column, descending: false }];
		return head.descending ? [] : [{ column, descending: true }];
	}
	const key = sort.find((candidate) => candidate.column === column);
	if (!key) return sort.length < TABLE_LIMITS.sortKeys ? [...sort, { column, descending: false }] : [...sort];
	if (key.descending) return sort.filter((candidate) => candidate !== key);
	return sort.map((candidate) => (candidate === key ? { column, descending: true } : candidate));
}

/**
 * The filters with `filter` in place of its column's filter (where that one was), or added last, as a new array.
 * A filter with nothing in it — blank text, no value, no bound (a bare `{ column }`) — removes its column's
 * filter instead; blank bounds are left out of a range. A new column's filter beyond TABLE_LIMITS.filters is
 * not added.
 */
export function setFilter(
	filters: readonly ColumnFilter[],
	filter: ColumnFilter | { column: string }
): ColumnFilter[] {
	const set = withContent(filter);
	const at = filters.findIndex((candidate) => candidate.column === filter.column);
	if (at < 0) return set && filters.length < TABLE_LIMITS.filters ? [...filters, set] : [...filters];
	return set
		? filters.map((candidate, i) => (i === at ? set : candidate))
		: filters.filter((_, i) => i !== at);
}

/** `filter` without its blank bounds, or null when it has nothing in it. */
function withContent(filter: ColumnFilter | { column: string }): ColumnFilter | null {
	if ('contains' in filter) return blank(filter.contains) ? null : filter;
	if ('values' in filter) return filter.values.length > 0 ? filter : null;
	const range: { column: string; min?: number | string; max?: number | string } = { column: filter.column };
	if ('min' in filter && boundText(filter.min) !== null) range.min = filter.min;
	if ('max' in filter && boundText(filter.max) !== null) range.max = filter.max;
	return range.min === undefined && range.max === undefined ? null : range;
}
