/**
 * The CSV reader: a spreadsheet table of edges, alone or with a table of nodes beside it, as Gephi, Kumu,
 * spreadsheet programs and scripts (R, igraph, NetworkX, pandas) write them. papaparse splits the text into
 * rows and cells; this module reads the columns.
 *
 * - Files: `<id>.edges.csv` (or a plain `<id>.csv`) is the table of edges; `<id>.nodes.csv` beside it, read
 *   through `companion`, the table of nodes. Kumu's connections and elements sheets are the same two tables.
 * - Header: the first row that is not empty names the columns, trimmed and without regard to case. Edges:
 *   Source and Target (Gephi) or From and To (Kumu, igraph); Id → the edge's key; Label, Weight, Color; Type;
 *   Direction (Kumu); Kind (Gephi's type of a parallel edge). Nodes: Id, or Label when there is no Id (Kumu's
 *   elements); Label; Type (or Category); X, Y, Size, Color. Every other column is an attribute under its name as
 *   the header writes it.
 * - Direction: a Direction column whose values are all directed, undirected or mutual (Kumu) says it, mutual
 *   edges read as undirected; else a Type column whose values are all directed or undirected (Gephi) says it, and
 *   Kind is then the edge's type. Any other Type column is the edge's type. `options.type` says what such a
 *   column holds (directed, undirected or mixed); without one the reader says nothing.
 * - Nodes: the nodes table's rows; without a nodes table, the endpoints of the edges in order of first
 *   appearance. Edges to nodes the nodes table lacks are handed over as they are (import adds the nodes).
 * - Values: cells are trimmed; an empty cell is an absent attribute. A column holds numbers when every value in
 *   it is written plainly (`-1.5`, `2e-3`; `007` stays text: zip codes, ids) or, in a table not split by commas,
 *   every value with a decimal comma (`1,5`); booleans when every value is true or false (any case); else text.
 *   Keys, labels, types and colours stay text.
 * - Text: UTF-8, UTF-16 with or without a byte-order mark, and Windows-1252 (Excel's "ANSI") when the bytes are
 *   not UTF-8 (formats/text.ts). Line ends `\n`, `\r\n` or `\r` (a line end inside a quoted value reads as `\n`).
 *   The delimiter is the one of comma, semicolon, tab and bar that splits the header into known column names,
 *   else papaparse's guess; Excel's `sep=;` first line names it.
 * - Problems name the row as a spreadsheet numbers it (the header of most files is row 1) and the column as the
 *   header writes it, with the line where the row starts; those of a table of nodes carry its own file name. A quote
 *   left open or text after a closing quote (at the quote) is `csv.syntax`; a table without the columns it needs,
 *   or with two columns of one name (which of them is meant would be a guess, so the file is refused rather than
 *   a column renamed), is `format.structure`; more than `LIMITS.elements` rows is `format.too-many`. A row without
 *   a source, a target or a node's key, and values in columns the header does not name, are left out with a
 *   `format.skipped` warning (the first 100 of a table listed, the rest counted).
 */
import Papa from 'papaparse';
import { LIMITS } from '../rules';
import { type Problem, type ProblemCode, fileProblem, quote } from '../problems';
import { FORMATS } from './catalogue';
import type { CompanionFile, GraphReader, ReadGraph, ReadResult } from './reader';
import { decodeText } from './text';

/** Reads `.edges.csv` and `.csv` tables of edges, with the `.nodes.csv` table beside them. */
export const csvReader: GraphReader = {
	...FORMATS.csv,
	read: readCsv
};

/** Reads a table of edges, and the table of nodes that goes with it, into graph data. */
export function readCsv(input: string | Uint8Array, file: string, companion?: CompanionFile): ReadResult {
	const edgesTable = readTable(input, file, 'edges');
	if (!edgesTable.ok) return edgesTable;
	const edgeColumns = edgeColumnsOf(edgesTable.table);
	if (!edgeColumns.ok) return edgeColumns;
	const report = new Report(edgesTable.table);
	const { edges, type } = readEdges(edgesTable.table, edgeColumns.columns, report);
	const warnings = [...edgesTable.problems, ...report.finish()];
	const nodesTable = readNodesTable(file, companion);
	if (nodesTable && !nodesTable.ok) return { ok: false, problems: [...warnings, ...nodesTable.problems] };
	warnings.push(...(nodesTable?.problems ?? []));
	const graph: ReadGraph = { nodes: nodesTable?.nodes ?? endpoints(edges), edges };
	if (type) graph.options = { type };
	return warnings.length > 0 ? { ok: true, value: graph, warnings } : { ok: true, value: graph };
}

/** The nodes of the table of nodes beside `file`, with its warnings; undefined when there is none. */
function readNodesTable(
	file: string,
	companion: CompanionFile | undefined
):
	| { ok: true; nodes: ReadGraph['nodes']; problems: Problem[] }
	| { ok: false; problems: Problem[] }
	| undefined {
	const names = companionName(file);
	if (!names || !companion) return undefined;
	let input: string | Uint8Array | undefined;
	try {
		input = companion(names.name);
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		return { ok: false, problems: [fileProblem(names.path, 'file.unreadable', `could not be read: ${why}`)] };
	}
	if (input === undefined) return undefined;
	const table = readTable(input, names.path, 'nodes');
	if (!table.ok) return table;
	const columns = nodeColumnsOf(table.table);
	if (!columns.ok) return columns;
	const report = new Report(table.table);
	const nodes = readNodes(table.table, columns.columns, report);
	return { ok: true, nodes, problems: [...table.problems, ...report.finish()] };
}

// -------------------------------------------------------------------------------------------------------------
// Tables: text → header and rows of trimmed cells

/** A column the header names. */
interface Column {
	/** As the header writes it, trimmed. */
	name: string;
	/** `name` in lowercase: what the reader matches. */
	key: string;
	index: number;
}

interface Row {
	/** The row's number as a spreadsheet shows it: 1 for the first record of the file, blank ones counted. */
	number: number;
	/** The line where the row starts. */
	line: number;
	cells: string[];
}

interface Table {
	file: string;
	delimiter: string;
	header: Row;
	columns: Column[];
	/** The rows after the header that hold a value. */
	rows: Row[];
}

type TableResult = { ok: true; table: Table; problems: Problem[] } | { ok: false; problems: Problem[] };

const EMPTY = {
	edges:
		'is empty; a table of edges has a header row that names its columns (Source,Target,…) and a row for each edge',
	nodes:
		'is empty; a table of nodes has a header row that names its columns (Id,Label,…) and a row for each node'
} as const;

/** The delimiters the reader tries; of two that fit a file equally well, the first. */
const DELIMITERS = [',', ';', '\t', '|'];

/** Column names the reader knows: the delimiter that splits a header into most of them is the file's. */
const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
	'source',
	'target',
	'from',
	'to',
	'id',
	'label',
	'type',
	'kind',
	'direction',
	'weight',
	'category',
	'x',
	'y',
	'size',
	'color',
	'colour',
	'description',
	'tags'
]);

/** Problems of one kind the reader lists before it only counts them. */
const LISTED = 100;

/** Decodes and splits a file into its header and rows, or says why it cannot. */
function readTable(input: string | Uint8Array, file: string, kind: 'edges' | 'nodes'): TableResult {
	const decoded = decodeText(input, file, { utf16: true, legacy: true });
	if (!decoded.ok) return decoded;
	// One kind of line end, so papaparse cannot mistake a file that mixes them for one long row.
	const text = decoded.text.replace(/\r\n?/g, '\n');
	// A search for the first character that is not blank, not a trimmed copy of the whole text.
	if (!/\S/.test(text)) return { ok: false, problems: [fileProblem(file, 'file.empty', EMPTY[kind])] };
	// Excel's hint line (`sep=;`) names the delimiter and is not a row of the table.
	const hint = /^sep=([^\n"])\n/i.exec(text);
	const base = hint ? hint[0].length : 0;
	const body = text.slice(base);
	const delimiter = hint?.[1] ?? guessDelimiter(body);

	// The whole table at once: papaparse's row-by-row callback costs more than the parse itself on a long table.
	// Rows are numbered by their place in the file (blank ones counted). A record takes a line, and one more for
	// each line end in its values: only a quoted value holds one, and it keeps every one the text has.
	const parsed = Papa.parse<string[]>(body, { delimiter, newline: '\n' });
	let line = hint ? 2 : 1;
	let header: Row | undefined;
	const rows: Row[] = [];
	// The record at which the table was cut short, when it holds more rows than the explorer reads.
	let cut = Infinity;
	const records = parsed.data;
	for (let i = 0; i < records.length; i++) {
		const cells = records[i] as string[];
		const start = line;
		let blank = true;
		for (let j = 0; j < cells.length; j++) {
			const value = cells[j] as string;
			for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) line++;
			const cell = value.trim();
			cells[j] = cell;
			if (cell !== '') blank = false;
		}
		line++;
		if (blank) continue;
		if (!header) {
			header = { number: i + 1, line: start, cells };
		} else if (rows.length === LIMITS.elements) {
			cut = i;
			break;
		} else rows.push({ number: i + 1, line: start, cells });
	}

	// Quote errors by the offset of the quote that opens the value, each with its row.
	const syntax = new Map<number, { code: string; at: number; column: string | undefined }>();
	for (const error of parsed.errors) {
		if (error.type !== 'Quotes' || syntax.size >= LISTED) continue;
		const at = error.row ?? 0;
		// Past the row at which a table was cut short: not reported, as the rows themselves are not.
		if (at > cut) continue;
		const cells = records[at] ?? [];
		// papaparse gives the offset just after the opening quote; an open quote reads the rest of the file into
		// one value, the row's last.
		const offset = base + (error.index ?? 1) - 1;
		// The column is named by the header when the row comes after it (record `at` is row `at + 1`).
		const column = header && header.number <= at ? header.cells[cells.length - 1] : undefined;
		if (syntax.get(offset)?.code !== 'MissingQuotes') syntax.set(offset, { code: error.code, at, column });
	}
	const lines = new Lines(text);
	const problems = [...syntax].map(([offset, { code, at, column }]) =>
		quoteProblem(file, lines, offset, code, at + 1, column)
	);
	if (cut < Infinity) {
		const message = `has more than ${LIMITS.elements} rows; the explorer reads at most ${LIMITS.elements} rows of a table`;
		problems.push(fileProblem(file, 'format.too-many', message));
	}
	if (problems.length > 0) return { ok: false, problems };
	if (!header) return { ok: false, problems: [fileProblem(file, 'file.empty', EMPTY[kind])] };
	return columnsOf({ file, delimiter, header, columns: [], rows });
}

/** Lines the delimiter is guessed from (papaparse looks at the first 10 rows, this at the first 5). */
const GUESS_LINES = 1000;

/**
 * The delimiter that splits the header into the most column names the reader knows (a semicolon file with decimal
 * commas splits into none at commas), else papaparse's guess from the first rows.
 */
function guessDelimiter(body: string): string {
	// The first lines only: papaparse splits all the text it is given into lines before it looks at the first
	// few, which on a long table cost more than the parse itself, once per delimiter tried.
	let end = 0;
	for (let n = 0; n < GUESS_LINES && end !== -1; n++) end = body.indexOf('\n', end + 1);
	const sample = end === -1 ? body : body.slice(0, end + 1);
	const guessed = Papa.parse<string[]>(sample, { preview: 1, delimitersToGuess: DELIMITERS }).meta.delimiter;
	let best = guessed;
	let bestScore = 0;
	for (const delimiter of DELIMITERS) {
		const rows = Papa.parse<string[]>(sample, { delimiter, newline: '\n', preview: 5 }).data;
		const header = rows.find((cells) => cells.some((cell) => cell.trim() !== '')) ?? [];
		const score = new Set(
			header.map((cell) => cell.trim().toLowerCase()).filter((name) => KNOWN_COLUMNS.has(name))
		).size;
		if (score > bestScore || (score === bestScore && score > 0 && delimiter === guessed)) {
			best = delimiter;
			bestScore = score;
		}
	}
	return best;
}

/** The table with its named columns, or the problems of its header: two columns of one name. */
function columnsOf(table: Table): TableResult {
	const problems: Problem[] = [];
	const byKey = new Map<string, number>();
	const unnamed: number[] = [];
	table.header.cells.forEach((name, index) => {
		if (name === '') {
			unnamed.push(index);
			return;
		}
		const key = name.toLowerCase();
		const first = byKey.get(key);
		if (first === undefined) {
			byKey.set(key, index);
			table.columns.push({ name, key, index });
		} else {
			const message = `is the name of columns ${first + 1} and ${index + 1} (names are read without regard to case); give each column its own name`;
			problems.push(rowProblem(table, table.header, 'format.structure', message, name));
		}
	});
	if (problems.length > 0) return { ok: false, problems };

	const warnings: Problem[] = [];
	const lost = unnamed.filter((index) => table.rows.some((row) => (row.cells[index] ?? '') !== ''));
	if (lost.length > 0) {
		const which = lost.map((index) => index + 1).join(', ');
		const message =
			lost.length === 1
				? `column ${which} has no name; its values are left out`
				: `columns ${which} have no name; their values are left out`;
		warnings.push(rowProblem(table, table.header, 'format.skipped', message));
	}
	return { ok: true, table, problems: warnings };
}

/** A quote left open, or text after a closing quote, at the quote that opens the value; `row` is its number. */
function quoteProblem(
	file: string,
	lines: Lines,
	at: number,
	code: string,
	row: number,
	column: string | undefined
): Problem {
	const open = code === 'MissingQuotes';
	const message = open
		? 'has a quoted value that is never closed (a closing " is missing, so the rest of the file is read into it)'
		: 'has text after the closing quote of a quoted value; inside a quoted value, write a " as ""';
	const problem: Problem = {
		...fileProblem(file, 'csv.syntax', message, lines.at(at)),
		where: `row ${row}`
	};
	// Only an open quote is known to be in the row's last value.
	if (open && column) problem.field = fieldName(column);
	return problem;
}

/** A problem with a row (and a column of it), at the line where the row starts. */
function rowProblem(table: Table, row: Row, code: ProblemCode, message: string, column?: string): Problem {
	const problem: Problem = {
		...fileProblem(table.file, code, message, { line: row.line }),
		where: `row ${row.number}`
	};
	if (column !== undefined) problem.field = fieldName(column);
	return problem;
}

/** A column's name as a problem's field: as written, or quoted when it would break the problem's line. */
function fieldName(name: string): string {
	for (const character of name) {
		const code = character.charCodeAt(0);
		const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
		if (control) return quote(name);
	}
	return name;
}

/**
 * The problems of one table's rows, in the order of the rows: the first `LISTED` rows left out are listed, the
 * rest counted.
 */
class Report {
	private readonly problems: Problem[] = [];
	private skipped = 0;

	constructor(private readonly table: Table) {}

	skip(row: Row, message: string, column?: Column): void {
		this.skipped++;
		if (this.skipped > LISTED) return;
		this.problems.push(rowProblem(this.table, row, 'format.skipped', message, column?.name));
	}

	/** The problems, with a count of the rows left out past those listed. */
	finish(): Problem[] {
		if (this.skipped > LISTED) {
			const rest = this.skipped - LISTED;
			const message = `and ${rest} more row${rest === 1 ? '' : 's'} left out or cut short as above`;
			this.problems.push(fileProblem(this.table.file, 'format.skipped', message));
		}
		return this.problems;
	}

	/** Values past the columns the header names are left out, with a warning when one of them is not empty. */
	checkWidth(row: Row): void {
		const width = this.table.header.cells.length;
		if (row.cells.length > width && row.cells.slice(width).some((cell) => cell !== '')) {
			const message = `has ${row.cells.length} values but the header names ${width} columns; the values past column ${width} are left out`;
			this.skip(row, message);
		}
	}
}

/**
 * Lines and columns (formats/text.ts counts them alike) of offsets in a text, counted once through it when the
 * offsets come in order, as quote problems do: a long table with many problems stays linear.
 */
class Lines {
	private offset = 0;
	private line = 1;
	private lineStart = 0;

	constructor(private readonly text: string) {}

	at(offset: number): { line: number; column: number } {
		if (offset < this.offset) [this.offset, this.line, this.lineStart] = [0, 1, 0];
		const text = this.text;
		for (
			let at = text.indexOf('\n', this.offset);
			at !== -1 && at < offset;
			at = text.indexOf('\n', at + 1)
		) {
			this.line++;
			this.lineStart = at + 1;
		}
		this.offset = offset;
		return { line: this.line, column: offset - this.lineStart + 1 };
	}
}

// -------------------------------------------------------------------------------------------------------------
// Columns: what each column of a table is

type Kind = 'number' | 'decimal-comma' | 'boolean' | 'text';

/** A number written plainly: no leading zero (`007` is a code, not 7), no `+`, no bare `.5`. */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A number as a spreadsheet with a decimal comma writes it. */
const DECIMAL_COMMA = /^-?(?:0|[1-9]\d*)(?:,\d+)?$/;
const BOOLEAN = /^(?:true|false)$/i;

/** A column read into an attribute: its name in the graph data and how its values are typed. */
interface Field {
	column: Column;
	name: string;
	kind: Kind;
}

/** What a column's values are: numbers, booleans or text (see the module comment). */
function kindOf(table: Table, column: Column): Kind {
	let number = true;
	let comma = table.delimiter !== ',';
	let boolean = true;
	for (const row of table.rows) {
		const cell = row.cells[column.index] ?? '';
		if (cell === '') continue;
		number &&= NUMBER.test(cell) && Number.isFinite(Number(cell));
		comma &&= DECIMAL_COMMA.test(cell) && Number.isFinite(Number(cell.replace(',', '.')));
		boolean &&= BOOLEAN.test(cell);
		if (!number && !comma && !boolean) return 'text';
	}
	return number ? 'number' : comma ? 'decimal-comma' : boolean ? 'boolean' : 'text';
}

function valueOf(kind: Kind, cell: string): string | number | boolean {
	switch (kind) {
		case 'number':
			return Number(cell);
		case 'decimal-comma':
			return Number(cell.replace(',', '.'));
		case 'boolean':
			return cell.toLowerCase() === 'true';
		case 'text':
			return cell;
	}
}

/** Whether the column has a value and every value is one of `values` (lowercase). */
function holdsOnly(table: Table, column: Column, values: ReadonlySet<string>): boolean {
	let any = false;
	for (const row of table.rows) {
		const cell = row.cells[column.index] ?? '';
		if (cell === '') continue;
		if (!values.has(cell.toLowerCase())) return false;
		any = true;
	}
	return any;
}

function find(table: Table, ...keys: string[]): Column | undefined {
	for (const key of keys) {
		const column = table.columns.find((candidate) => candidate.key === key);
		if (column) return column;
	}
	return undefined;
}

/** The fields of `columns`: those given a name here under it (as text or typed), every other one under its own. */
function fieldsOf(
	table: Table,
	named: readonly { column: Column | undefined; name: string; typed: boolean }[],
	used: ReadonlySet<Column | undefined>
): Field[] {
	const fields: Field[] = [];
	for (const { column, name, typed } of named) {
		if (column) fields.push({ column, name, kind: typed ? kindOf(table, column) : 'text' });
	}
	const taken = new Set(named.map(({ column }) => column));
	for (const column of table.columns) {
		if (!taken.has(column) && !used.has(column)) {
			fields.push({ column, name: column.name, kind: kindOf(table, column) });
		}
	}
	return fields;
}

/** The attributes of one row: every field with a value. */
function attributesOf(row: Row, fields: readonly Field[]): Record<string, unknown> | undefined {
	let attributes: Record<string, unknown> | undefined;
	for (const { column, name, kind } of fields) {
		const cell = row.cells[column.index] ?? '';
		if (cell === '') continue;
		attributes ??= {};
		const value = valueOf(kind, cell);
		// A column named __proto__ is an attribute like any other, not the object's prototype.
		if (name === '__proto__') {
			Object.defineProperty(attributes, name, {
				value,
				enumerable: true,
				writable: true,
				configurable: true
			});
		} else attributes[name] = value;
	}
	return attributes;
}

function columnList(table: Table): string {
	const names = table.columns.slice(0, 20).map((column) => quote(column.name));
	if (table.columns.length > 20) names.push(`… (${table.columns.length} in all)`);
	return names.length === 0 ? 'it names none' : `its columns are ${names.join(', ')}`;
}

// -------------------------------------------------------------------------------------------------------------
// Edges

interface EdgeColumns {
	source: Column;
	target: Column;
	key: Column | undefined;
	/** The column that says which edges are undirected, and the values that say it. */
	direction: { column: Column; undirected: ReadonlySet<string> } | undefined;
	fields: Field[];
}

const GEPHI_DIRECTIONS: ReadonlySet<string> = new Set(['directed', 'undirected']);
const KUMU_DIRECTIONS: ReadonlySet<string> = new Set(['directed', 'undirected', 'mutual']);

function edgeColumnsOf(
	table: Table
): { ok: true; columns: EdgeColumns } | { ok: false; problems: Problem[] } {
	const source = find(table, 'source', 'from');
	const target = find(table, 'target', 'to');
	if (!source || !target) {
		const nodesLike = find(table, 'id', 'label') !== undefined;
		const message =
			`has no Source and Target columns (nor From and To) in its header row; ${columnList(table)}` +
			(nodesLike
				? '. A table of nodes is read with its table of edges, as <id>.nodes.csv beside <id>.edges.csv'
				: '');
		return { ok: false, problems: [fileProblem(table.file, 'format.structure', message)] };
	}
	const key = find(table, 'id');
	const kumu = find(table, 'direction');
	const gephi = find(table, 'type');
	let direction: EdgeColumns['direction'];
	if (kumu && holdsOnly(table, kumu, KUMU_DIRECTIONS)) {
		direction = { column: kumu, undirected: new Set(['undirected', 'mutual']) };
	} else if (gephi && holdsOnly(table, gephi, GEPHI_DIRECTIONS)) {
		direction = { column: gephi, undirected: new Set(['undirected']) };
	}
	// Gephi's Type says the direction and its Kind the edge's type; elsewhere Type is the type.
	const type = gephi && direction?.column !== gephi ? gephi : find(table, 'kind');
	const fields = fieldsOf(
		table,
		[
			{ column: find(table, 'label'), name: 'label', typed: false },
			{ column: type, name: 'type', typed: false },
			{ column: find(table, 'weight'), name: 'weight', typed: true },
			{ column: find(table, 'color', 'colour'), name: 'color', typed: false }
		],
		new Set([source, target, key, direction?.column])
	);
	return { ok: true, columns: { source, target, key, direction, fields } };
}

function readEdges(
	table: Table,
	columns: EdgeColumns,
	report: Report
): { edges: ReadGraph['edges']; type?: 'directed' | 'undirected' | 'mixed' } {
	const edges: ReadGraph['edges'] = [];
	let undirectedCount = 0;
	for (const row of table.rows) {
		report.checkWidth(row);
		const source = row.cells[columns.source.index] ?? '';
		const target = row.cells[columns.target.index] ?? '';
		if (source === '' || target === '') {
			const column = source === '' ? columns.source : columns.target;
			report.skip(row, 'is empty; the row is left out (an edge needs a source and a target)', column);
			continue;
		}
		const edge: ReadGraph['edges'][number] = { source, target };
		const key = columns.key ? (row.cells[columns.key.index] ?? '') : '';
		if (key !== '') edge.key = key;
		const direction = columns.direction;
		if (direction && direction.undirected.has((row.cells[direction.column.index] ?? '').toLowerCase())) {
			edge.undirected = true;
			undirectedCount++;
		}
		const attributes = attributesOf(row, columns.fields);
		if (attributes) edge.attributes = attributes;
		edges.push(edge);
	}
	if (!columns.direction || edges.length === 0) return { edges };
	const type = undirectedCount === edges.length ? 'undirected' : undirectedCount === 0 ? 'directed' : 'mixed';
	return { edges, type };
}

/** The nodes of a table of edges alone: its endpoints, in the order they first appear. */
function endpoints(edges: ReadGraph['edges']): ReadGraph['nodes'] {
	const keys = new Set<string>();
	for (const { source, target } of edges) keys.add(source).add(target);
	return [...keys].map((key) => ({ key }));
}

// -------------------------------------------------------------------------------------------------------------
// Nodes

interface NodeColumns {
	key: Column;
	fields: Field[];
}

function nodeColumnsOf(
	table: Table
): { ok: true; columns: NodeColumns } | { ok: false; problems: Problem[] } {
	// Kumu's elements have no id: their label is their key, and connections name them by it.
	const key = find(table, 'id', 'label');
	if (!key) {
		const message = `has no Id column (nor Label) in its header row; ${columnList(table)}`;
		return { ok: false, problems: [fileProblem(table.file, 'format.structure', message)] };
	}
	const fields = fieldsOf(
		table,
		[
			{ column: find(table, 'label'), name: 'label', typed: false },
			{ column: find(table, 'type', 'category'), name: 'type', typed: false },
			{ column: find(table, 'x'), name: 'x', typed: true },
			{ column: find(table, 'y'), name: 'y', typed: true },
			{ column: find(table, 'size'), name: 'size', typed: true },
			{ column: find(table, 'color', 'colour'), name: 'color', typed: false }
		],
		new Set(key.key === 'id' ? [key] : [])
	);
	return { ok: true, columns: { key, fields } };
}

function readNodes(table: Table, columns: NodeColumns, report: Report): ReadGraph['nodes'] {
	const nodes: ReadGraph['nodes'] = [];
	const what = columns.key.key === 'id' ? 'an id' : 'a label';
	for (const row of table.rows) {
		report.checkWidth(row);
		const key = row.cells[columns.key.index] ?? '';
		if (key === '') {
			report.skip(row, `is empty; the row is left out (a node needs ${what})`, columns.key);
			continue;
		}
		const attributes = attributesOf(row, columns.fields);
		nodes.push(attributes ? { key, attributes } : { key });
	}
	return nodes;
}

// -------------------------------------------------------------------------------------------------------------
// The table of nodes beside a table of edges

/** `tea.nodes.csv` for `data/tea.edges.csv` or `data/tea.csv`, with its path; none for a table of nodes. */
function companionName(file: string): { name: string; path: string } | undefined {
	const base = file.split(/[\\/]/).pop() ?? file;
	const lower = base.toLowerCase();
	if (lower.endsWith('.nodes.csv')) return undefined;
	const stem = lower.endsWith('.edges.csv')
		? base.slice(0, -'.edges.csv'.length)
		: lower.endsWith('.csv')
			? base.slice(0, -'.csv'.length)
			: base;
	const name = `${stem}.nodes.csv`;
	return { name, path: file.slice(0, file.length - base.length) + name };
}
