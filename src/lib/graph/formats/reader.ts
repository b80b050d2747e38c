/**
 * What a reader of one input format is: it turns the bytes or text of a file into graph data, a JS value in
 * graphology's serialized shape (`{attributes, options, nodes, edges}`, graph-data/README.md), or says why it
 * cannot, in the format's own terms (line and column for a text format). Everything after it, the validation
 * and the building of the graph, is the same for every format (load.ts).
 */
import type { Problem } from '../problems';

/** A reader's answer: the graph data, not yet validated, or the problems that stop it from being read. */
export type ReadResult = { ok: true; value: unknown } | { ok: false; problems: Problem[] };

/**
 * A reader of one input format. To add a format, write one module that exports a `GraphReader` and list it in
 * formats/index.ts.
 *
 * `read` is synchronous: every reader today is small and always loaded. A reader whose parser is big (an XML or
 * RDF parser) should be loaded only when a file of its format turns up. It will fit as an entry in the registry
 * with the same `id` and `extensions` and a `load(): Promise<GraphReader>` that imports the parser with
 * `import()`; `loadGraph` stays synchronous for readers already loaded, and an async `loadGraphFile` awaits
 * `load()` first. Nothing after the reader changes.
 */
export interface GraphReader {
	/** Short name of the format: `json`. */
	readonly id: string;
	/** Name of the format in messages: `JSON`. */
	readonly name: string;
	/** The file name endings it reads, lowercase with their dot: `['.json']`. */
	readonly extensions: readonly string[];
	/**
	 * Reads one file; `file` names it in problems. Never throws: what cannot be read is a problem. The value may
	 * be anything the format can hold; the validator checks its shape.
	 */
	read(input: string | Uint8Array, file: string): ReadResult;
}
