/**
 * What a reader of one input format is: it turns the bytes or text of a file into graph data, a JS value in
 * graphology's serialized shape (`{attributes, options, nodes, edges}`, graph-data/README.md), or says why it
 * cannot, in the format's own terms (line and column for a text format, row and column name for CSV).
 *
 * A reader knows its format and nothing of the explorer's model: it hands over what the file holds, with the
 * conventions below, and import.ts (one place for every format) turns that into the explorer's graph: types,
 * URL-safe keys, labels, typed data attributes, positions. Then the same validation and building for every format
 * (load.ts).
 */
import type { Problem } from '../problems';
import type { GraphFormat } from './catalogue';

/**
 * The graph data a reader hands over, graphology's serialized graph with these conventions:
 * - `attributes`: the graph's own (`title`, `description` when the file has them, anything else).
 * - `options.type`: `directed`, `undirected` or `mixed` when the file says so.
 * - node attributes: `label`, `x`, `y`, `size`, `color` (a CSS colour: `#rrggbb`, `rgb(r,g,b)`, `rgba(…)`) and
 *   `type` where the format names them, under those names; every other attribute under its own name, its value a
 *   string, a finite number or a boolean (typed when the format types it: GEXF and GraphML keys, CSV columns of
 *   numbers, RDF literals with a datatype). Absent values are left out, not `null`.
 * - edges: `source` and `target` are node keys as the file writes them; `undirected: true` for an undirected
 *   edge; attributes `label`, `type`, `weight`, `color` as above, and any other.
 * Our own format (graph-data/README.md) is a profile of this shape and passes through as it is.
 */
export interface ReadGraph {
	attributes?: Record<string, unknown>;
	options?: { type?: 'directed' | 'undirected' | 'mixed'; multi?: boolean; allowSelfLoops?: boolean };
	nodes: { key: string; attributes?: Record<string, unknown> }[];
	edges: {
		key?: string;
		source: string;
		target: string;
		undirected?: boolean;
		attributes?: Record<string, unknown>;
	}[];
}

/**
 * A reader's answer: the graph data, not yet validated (a `ReadGraph` for every reader but JSON's, which hands
 * over whatever the file holds for the validator to judge), with warnings about what it skipped; or the
 * problems that stop the file from being read.
 */
export type ReadResult =
	{ ok: true; value: unknown; warnings?: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Reads a file that goes with the one being read, from the same folder (or the same drop), by its base name:
 * `tea.nodes.csv` for `tea.edges.csv`. Undefined when there is no such file.
 */
export type CompanionFile = (name: string) => string | Uint8Array | undefined;

/**
 * A reader of one input format. To add a format, write one module that exports a `GraphReader` and list it in
 * formats/index.ts.
 *
 * `read` is synchronous and runs at build time in node (and in `npm run validate`), and in the browser in the
 * worker that opens a reader's file (src/lib/explorer/open-worker.ts): pages themselves load no parser, and tell
 * files apart by the format catalogue (catalogue.ts), where a reader's name and extensions are written.
 */
export interface GraphReader extends GraphFormat {
	/**
	 * Reads one file; `file` names it in problems, `companion` reads the files that go with it. Never throws:
	 * what cannot be read is a problem. The value may be anything the format can hold; import and validation
	 * check it.
	 */
	read(input: string | Uint8Array, file: string, companion?: CompanionFile): ReadResult;
}
