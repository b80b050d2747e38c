/**
 * The explorer's graph as files to download, in formats its own readers read back (formats/):
 * - JSON: our curated format (graph-data/README.md), the whole graph: `exportGraph` (build.ts), without the
 *   `dataKinds` attribute (inferred on load), its `id` the file's name as the format requires.
 * - GEXF 1.3 (Gephi), written by graphology-gexf's `write` from a copy of the graph in which each entity's fields
 *   are flat attributes (`type` as its type's label, `aliases` joined by "; ", `description`, its data), its colour,
 *   size and position are `viz:` elements, an undirected relationship is an undirected edge
 *   (`type="undirected"`), and a relationship's numeric `weight` is the edge's weight. The library writes
 *   `defaultedgetype="directed"` unless every relationship is undirected, then `undirected` with no type on the
 *   edges; both read back the same.
 * - GraphML, written here: no maintained GraphML writer exists for graphology (graphology-graphml only parses).
 *   A `<key>` per attribute (string, double or boolean), `edgedefault="directed"`, `directed="false"` on an
 *   undirected edge.
 * - CSV, Gephi's two tables (papaparse's `unparse`): `<name>.edges.csv` (Source, Target, Type = directed or
 *   undirected, Id, Label, Kind = the relationship's type, claim, evidence, then its data) and `<name>.nodes.csv`
 *   (Id, Label, Type, description, aliases, X, Y, Size, Color, then its data), which the CSV reader reads as the
 *   edges file's companion. Text cells are trimmed (the reader trims them anyway) and passed through
 *   `neutraliseCell`, so that a spreadsheet runs no formula from a label. The data view's table (table.ts), as
 *   filtered and sorted, is one more CSV written the same way (`tableCsv`).
 *
 * What GEXF, GraphML and CSV cannot carry (docs/exporting.md says it for users): the graph's sources and the
 * link from evidence to them (evidence is written as text, "source: section | …", and reads back as a data
 * attribute `evidence`); aliases (read back as a data attribute `aliases`); `originalId`; types without
 * entities; a relationship type's own label where its relationships have labels of their own (the importer
 * names the type after their commonest label); precision of positions beyond 0.01, and sizes when some lie outside
 * 1–24 (the importer rounds and scales them); CSV also loses the graph's title and description. XML 1.0
 * forbids control characters: the XML writers drop them. A data attribute whose name is one the format uses for
 * an entity's or relationship's own fields (`label`, `type`, `x` …, in any case) is written as `<name> (data)`.
 */
import Graph, { MultiDirectedGraph } from 'graphology';
import { write as writeGexf } from 'graphology-gexf';
import Papa from 'papaparse';
import { type KnowledgeGraph, exportGraph } from './build';
import { graphIdSlug } from './rules';
import type { TableColumn, TableRow } from './table';
import { escapeXml, xmlSafe } from './xml-text';
import type { Data, DataValue, Evidence } from './schema';

export type ExportFormat = 'json' | 'gexf' | 'graphml' | 'csv';

/** A file to download: its name, its media type and its text. */
export interface ExportFile {
	name: string;
	mime: string;
	text: string;
}

/**
 * The files of `graph` in `format`, named after `name` (a URL-safe slug; made one with the graph id rule when it
 * is not): json → `<name>.json`, gexf → `<name>.gexf`, graphml → `<name>.graphml`, csv → two files
 * `<name>.edges.csv` and `<name>.nodes.csv` (Gephi's convention our CSV reader reads, with the nodes file as its
 * companion).
 */
export function exportFiles(graph: KnowledgeGraph, format: ExportFormat, name: string): ExportFile[] {
	const id = graphIdSlug(name);
	switch (format) {
		case 'json':
			return [{ name: `${id}.json`, mime: 'application/json', text: toJson(graph, id) }];
		case 'gexf':
			return [{ name: `${id}.gexf`, mime: 'application/gexf+xml', text: toGexf(graph, tablesOf(graph)) }];
		case 'graphml':
			return [
				{ name: `${id}.graphml`, mime: 'application/graphml+xml', text: toGraphml(graph, tablesOf(graph)) }
			];
		case 'csv': {
			const { edges, nodes } = toCsv(tablesOf(graph));
			return [
				{ name: `${id}.edges.csv`, mime: 'text/csv', text: edges },
				{ name: `${id}.nodes.csv`, mime: 'text/csv', text: nodes }
			];
		}
	}
}

/**
 * The part of `graph` a view shows: a new KnowledgeGraph with only `keep.nodes` and `keep.edges` (an edge only
 * when both its ends are kept; graph attributes kept as they are), and the speakers of its attributed relationships
 * (whose view a relationship reports is part of it); `keep` null → `graph` itself.
 */
export function viewSubgraph(
	graph: KnowledgeGraph,
	keep: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> } | null
): KnowledgeGraph {
	if (!keep) return graph;
	const part: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
	// A story walks the whole graph: a part of it leaves its stories out rather than keep ones that name what
	// the part does not hold.
	const { stories: _stories, ...attributes } = graph.getAttributes();
	part.replaceAttributes(attributes);
	graph.forEachNode((key, attributes) => {
		if (keep.nodes.has(key)) part.addNode(key, { ...attributes });
	});
	graph.forEachEdge((key, attributes, source, target) => {
		if (keep.edges.has(key) && part.hasNode(source) && part.hasNode(target)) {
			// The speaker of an attributed relationship goes with it, shown in the view or not.
			const speaker = attributes.attributedTo;
			if (speaker !== undefined && !part.hasNode(speaker) && graph.hasNode(speaker))
				part.addNode(speaker, { ...graph.getNodeAttributes(speaker) });
			part.addDirectedEdgeWithKey(key, source, target, { ...attributes });
		}
	});
	return part;
}

/** What a spreadsheet runs as a formula: a cell that starts with =, +, -, @, a tab or a carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A number as the CSV reader reads one (formats/csv.ts): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A spreadsheet cell that a spreadsheet would run as a formula (starts with =, +, -, @, tab or carriage return)
 * neutralised with a leading apostrophe ('), per OWASP CSV injection guidance. Numbers written as numbers are NOT
 * touched (a negative number -3 stays -3), nor is text that is a plain number (`-3`, `-1.5e3`): no spreadsheet
 * runs it.
 */
export function neutraliseCell(value: string): string {
	return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

// ---------------------------------------------------------------------------------------------------------------
// JSON

function toJson(graph: KnowledgeGraph, id: string): string {
	const data = exportGraph(graph);
	const { dataKinds: _dataKinds, ...attributes } = data.attributes;
	return `${JSON.stringify({ ...data, attributes: { ...attributes, id } }, null, '\t')}\n`;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables: entities and relationships as flat attributes, shared by GEXF, GraphML and CSV

type Cell = string | number | boolean;
type CellKind = 'string' | 'number' | 'boolean';

/** An attribute column of the entities or of the relationships: its name in the file and its values' kind. */
interface Column {
	name: string;
	kind: CellKind;
}

/** An entity or a relationship as the writers write it: its values by column name. */
interface Row {
	key: string;
	cells: Map<string, Cell>;
}

interface EdgeRow extends Row {
	source: string;
	target: string;
	undirected: boolean;
}

interface Tables {
	nodeColumns: Column[];
	nodes: Row[];
	edgeColumns: Column[];
	edges: EdgeRow[];
}

/** An entity's own fields, in the order the files write them. */
const NODE_FIELDS: readonly Column[] = [
	{ name: 'label', kind: 'string' },
	{ name: 'type', kind: 'string' },
	{ name: 'description', kind: 'string' },
	{ name: 'aliases', kind: 'string' },
	{ name: 'x', kind: 'number' },
	{ name: 'y', kind: 'number' },
	{ name: 'size', kind: 'number' },
	{ name: 'color', kind: 'string' }
];
const EDGE_FIELDS: readonly Column[] = [
	{ name: 'label', kind: 'string' },
	{ name: 'type', kind: 'string' },
	{ name: 'claim', kind: 'string' },
	{ name: 'evidence', kind: 'string' },
	// How the source makes the claim, and the speaker's entity key (import.ts reads both back).
	{ name: 'modality', kind: 'string' },
	{ name: 'attributedTo', kind: 'string' }
];
/** Names a data attribute may not have (in any case): the own fields, and the columns CSV gives the element. */
const NODE_TAKEN = [...NODE_FIELDS.map((field) => field.name), 'id'];
const EDGE_TAKEN = [...EDGE_FIELDS.map((field) => field.name), 'id', 'source', 'target', 'kind', 'direction'];

/** Evidence as text: `source: section`, joined by ` | `. */
function evidenceText(evidence: readonly Evidence[]): string {
	return evidence.map(({ source, section }) => `${source}: ${section}`).join(' | ');
}

function tablesOf(graph: KnowledgeGraph): Tables {
	const { nodeTypes, edgeTypes } = graph.getAttributes();
	const nodeData: (Data | undefined)[] = [];
	const nodes = graph.mapNodes((key, attributes): Row => {
		const type = nodeTypes[attributes.type];
		const aliases = attributes.aliases ?? [];
		nodeData.push(attributes.data);
		return {
			key,
			cells: cellsOf({
				label: attributes.label,
				type: type?.label ?? attributes.type,
				description: attributes.description || undefined,
				aliases: aliases.length > 0 ? aliases.join('; ') : undefined,
				x: attributes.x,
				y: attributes.y,
				size: attributes.size,
				// The colour the explorer draws: its own, else its type's.
				color: attributes.color ?? type?.color
			})
		};
	});
	const edgeData: (Data | undefined)[] = [];
	const edges = graph.mapEdges((key, attributes, source, target): EdgeRow => {
		edgeData.push(attributes.data);
		return {
			key,
			source,
			target,
			undirected: attributes.undirected === true,
			cells: cellsOf({
				label: attributes.label,
				type: edgeTypes[attributes.type]?.label ?? attributes.type,
				claim: attributes.claim,
				evidence: attributes.evidence ? evidenceText(attributes.evidence) : undefined,
				modality: attributes.modality,
				attributedTo: attributes.attributedTo
			})
		};
	});
	return {
		nodeColumns: [...present(NODE_FIELDS, nodes), ...addData(nodes, nodeData, NODE_TAKEN)],
		nodes,
		edgeColumns: [...present(EDGE_FIELDS, edges), ...addData(edges, edgeData, EDGE_TAKEN)],
		edges
	};
}

function cellsOf(fields: Record<string, Cell | undefined>): Map<string, Cell> {
	const cells = new Map<string, Cell>();
	for (const [name, value] of Object.entries(fields)) if (value !== undefined) cells.set(name, value);
	return cells;
}

/** The fields some row has a value of. */
function present(fields: readonly Column[], rows: readonly Row[]): Column[] {
	return fields.filter((field) => rows.some((row) => row.cells.has(field.name)));
}

/**
 * Adds each row's data (`records`, in the order of `rows`) to its cells and returns the data columns: in order of
 * first appearance, named as the data names them unless `taken` (or an earlier column) has the name in some case
 * (then `<name> (data)`), and typed number or boolean when every value is, else text (every value as text).
 */
function addData(
	rows: readonly Row[],
	records: readonly (Data | undefined)[],
	taken: readonly string[]
): Column[] {
	const values = new Map<string, DataValue[]>();
	for (const data of records) {
		for (const [name, value] of Object.entries(data ?? {})) {
			const list = values.get(name);
			if (list) list.push(value);
			else values.set(name, [value]);
		}
	}
	const used = new Set(taken);
	const columns = new Map<string, Column>();
	for (const [name, list] of values) {
		const base = xmlSafe(name);
		if (base.trim() === '') continue;
		let written = base;
		for (let n = 1; used.has(written.trim().toLowerCase()); n++) {
			written = `${base} (data${n === 1 ? '' : ` ${n}`})`;
		}
		used.add(written.trim().toLowerCase());
		const kind: CellKind = list.every((value) => typeof value === 'number')
			? 'number'
			: list.every((value) => typeof value === 'boolean')
				? 'boolean'
				: 'string';
		columns.set(name, { name: written, kind });
	}
	rows.forEach((row, i) => {
		for (const [name, value] of Object.entries(records[i] ?? {})) {
			const column = columns.get(name);
			if (column) row.cells.set(column.name, column.kind === 'string' ? String(value) : value);
		}
	});
	return [...columns.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// GEXF

/** A node or an edge as graphology-gexf's writer formats it: label, `viz:` values, weight and attributes. */
type GexfElement = {
	label?: string;
	viz?: { color?: string; size?: number; x?: number; y?: number };
	weight?: number;
	attributes: Record<string, Cell>;
};

function toGexf(graph: KnowledgeGraph, tables: Tables): string {
	const copy = new Graph<GexfElement, GexfElement>({ type: 'mixed', multi: true, allowSelfLoops: true });
	const { title, description } = graph.getAttributes();
	copy.setAttribute('title', xmlSafe(title));
	if (description) copy.setAttribute('description', xmlSafe(description));
	for (const node of tables.nodes) copy.addNode(node.key, gexfNode(node.cells));
	for (const edge of tables.edges) {
		const element = gexfEdge(edge.cells);
		if (edge.undirected) copy.addUndirectedEdgeWithKey(edge.key, edge.source, edge.target, element);
		else copy.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, element);
	}
	return writeGexf(copy, {
		version: '1.3',
		formatNode: (_key, element) => element,
		formatEdge: (_key, element) => element
	});
}

/** The cells with the characters XML forbids dropped from their text. */
function xmlCells(cells: Map<string, Cell>): Record<string, Cell> {
	const out: Record<string, Cell> = {};
	for (const [name, value] of cells) out[name] = typeof value === 'string' ? xmlSafe(value) : value;
	return out;
}

function gexfNode(cells: Map<string, Cell>): GexfElement {
	const { label, color, size, x, y, ...attributes } = xmlCells(cells);
	const viz = {
		color: color as string | undefined,
		size: size as number | undefined,
		x: x as number,
		y: y as number
	};
	return { label: label as string, viz, attributes };
}

/** A numeric weight is the edge's GEXF weight (Gephi draws it), which the reader hands over as `weight` again. */
function gexfEdge(cells: Map<string, Cell>): GexfElement {
	const { label, weight, ...attributes } = xmlCells(cells);
	if (typeof weight === 'number') return { label: label as string, weight, attributes };
	if (weight !== undefined) attributes.weight = weight;
	return { label: label as string, attributes };
}

// ---------------------------------------------------------------------------------------------------------------
// GraphML

const GRAPH_FIELDS: readonly Column[] = [
	{ name: 'title', kind: 'string' },
	{ name: 'description', kind: 'string' }
];

const GRAPHML_TYPES: Readonly<Record<CellKind, string>> = {
	string: 'string',
	number: 'double',
	boolean: 'boolean'
};

/** Text as XML element content: escaped (xml-text.ts), a carriage return kept (a parser would turn it into \n). */
function xmlText(text: string): string {
	return escapeXml(text).replace(/\r/g, '&#13;');
}

/** Text as an XML attribute value: as `xmlText`, with tabs and line ends escaped (else read as spaces). */
function xmlAttribute(text: string): string {
	return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

function toGraphml(graph: KnowledgeGraph, tables: Tables): string {
	const lines = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
	];
	let next = 0;
	const declare = (domain: string, columns: readonly Column[]): Map<string, string> => {
		const ids = new Map<string, string>();
		for (const { name, kind } of columns) {
			const id = `d${next++}`;
			ids.set(name, id);
			lines.push(
				`  <key id="${id}" for="${domain}" attr.name="${xmlAttribute(name)}" attr.type="${GRAPHML_TYPES[kind]}"/>`
			);
		}
		return ids;
	};
	const { title, description } = graph.getAttributes();
	const graphCells = cellsOf({ title, description: description || undefined });
	const graphKeys = declare(
		'graph',
		GRAPH_FIELDS.filter(({ name }) => graphCells.has(name))
	);
	const nodeKeys = declare('node', tables.nodeColumns);
	const edgeKeys = declare('edge', tables.edgeColumns);
	const data = (cells: Map<string, Cell>, keys: Map<string, string>, indent: string) => {
		for (const [name, value] of cells) {
			const text = typeof value === 'string' ? xmlText(value) : String(value);
			lines.push(`${indent}<data key="${keys.get(name)}">${text}</data>`);
		}
	};
	lines.push('  <graph id="G" edgedefault="directed">');
	data(graphCells, graphKeys, '    ');
	for (const node of tables.nodes) {
		lines.push(`    <node id="${xmlAttribute(node.key)}">`);
		data(node.cells, nodeKeys, '      ');
		lines.push('    </node>');
	}
	for (const edge of tables.edges) {
		const ends = `source="${xmlAttribute(edge.source)}" target="${xmlAttribute(edge.target)}"`;
		lines.push(
			`    <edge id="${xmlAttribute(edge.key)}" ${ends}${edge.undirected ? ' directed="false"' : ''}>`
		);
		data(edge.cells, edgeKeys, '      ');
		lines.push('    </edge>');
	}
	lines.push('  </graph>', '</graphml>', '');
	return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// CSV

/** Headers of the own fields as Gephi writes them (the reader reads them in any case). */
const NODE_HEADERS: Readonly<Record<string, string>> = {
	label: 'Label',
	type: 'Type',
	x: 'X',
	y: 'Y',
	size: 'Size',
	color: 'Color'
};
/** An edge's own Type column says its direction (Gephi's convention); its relationship type is its Kind. */
const EDGE_HEADERS: Readonly<Record<string, string>> = { label: 'Label', type: 'Kind' };

function toCsv(tables: Tables): { edges: string; nodes: string } {
	const nodes = csvTable(
		['Id', ...tables.nodeColumns.map(({ name }) => NODE_HEADERS[name] ?? name)],
		tables.nodes.map((row) => [row.key, ...tables.nodeColumns.map(({ name }) => row.cells.get(name))])
	);
	const edges = csvTable(
		['Source', 'Target', 'Type', 'Id', ...tables.edgeColumns.map(({ name }) => EDGE_HEADERS[name] ?? name)],
		tables.edges.map((row) => [
			row.source,
			row.target,
			row.undirected ? 'undirected' : 'directed',
			row.key,
			...tables.edgeColumns.map(({ name }) => row.cells.get(name))
		])
	);
	return { edges, nodes };
}

/**
 * The data view's table (table.ts) as CSV: a header of the column names, then each of `rows`, in order, as its
 * cells of `columns`. Numbers are written as numbers, yes/no as `true`/`false`, a missing value as an empty cell;
 * text, header names included (a data attribute may be named "=cmd"), is trimmed and neutralised like the graph's
 * CSV (`neutraliseCell`).
 */
export function tableCsv(columns: readonly TableColumn[], rows: readonly TableRow[]): string {
	return csvTable(
		columns.map(({ name }) => name),
		rows.map((row) => columns.map(({ id }) => row.cells[id] ?? undefined))
	);
}

function csvTable(header: readonly string[], rows: readonly (Cell | undefined)[][]): string {
	const text = (value: string): string => neutraliseCell(value.trim());
	const cell = (value: Cell | undefined): Cell =>
		value === undefined ? '' : typeof value === 'string' ? text(value) : value;
	// Rows as arrays, the header the first: given `fields` and no row, papaparse writes an empty row after it.
	return `${Papa.unparse([header.map(text), ...rows.map((row) => row.map(cell))])}\r\n`;
}
