/**
 * The input formats by name and file extension, without their parsers: what a page needs to tell which files it
 * can open (and which go with another) without loading any reader. Each reader module takes its entry from here
 * (`...FORMATS.gexf`), so a format's extensions are written once.
 */
import { graphIdSlug } from '../rules';

/** A format as files name it. */
export interface GraphFormat {
	/** Short name of the format: `json`. */
	readonly id: string;
	/** Name of the format in messages: `JSON`. */
	readonly name: string;
	/** The file name endings it reads, lowercase with their dot: `['.json']`. */
	readonly extensions: readonly string[];
	/**
	 * The file name endings of companion files it may read with a file (`['.nodes.csv']`): they are not graphs
	 * of their own, so folder listings skip them.
	 */
	readonly companions?: readonly string[];
}

export const FORMATS = {
	json: { id: 'json', name: 'JSON', extensions: ['.json'] },
	gexf: { id: 'gexf', name: 'GEXF', extensions: ['.gexf'] },
	graphml: { id: 'graphml', name: 'GraphML', extensions: ['.graphml'] },
	csv: { id: 'csv', name: 'CSV', extensions: ['.edges.csv', '.csv'], companions: ['.nodes.csv'] },
	rdf: { id: 'rdf', name: 'RDF (Turtle, N-Triples)', extensions: ['.ttl', '.nt'] }
} as const satisfies Record<string, GraphFormat>;

/** Every format, in the order formats are listed in messages. */
const LIST: readonly GraphFormat[] = Object.values(FORMATS);

/** Every extension a format claims, longest first, so that `.edges.csv` wins over `.csv`. */
const CLAIMS: readonly { extension: string; format: GraphFormat }[] = LIST.flatMap((format) =>
	format.extensions.map((extension) => ({ extension, format }))
).sort((a, b) => b.extension.length - a.extension.length);

/**
 * The format of `file` (a name or a path) by its extension, in any case; undefined when none claims it, and for
 * a companion file (`tea.nodes.csv`), which is read with the file it goes with.
 */
export function formatOf(file: string): GraphFormat | undefined {
	return isCompanionFile(file) ? undefined : claimOf(baseName(file))?.format;
}

/** Whether `file` goes with another file rather than being a graph (`tea.nodes.csv` with `tea.edges.csv`). */
export function isCompanionFile(file: string): boolean {
	const name = baseName(file).toLowerCase();
	return LIST.some((format) => format.companions?.some((ending) => name.endsWith(ending)));
}

/** Every extension of a graph file (`['.json']`), lowercase with its dot. */
export function graphFileExtensions(): string[] {
	return LIST.flatMap((format) => [...format.extensions]);
}

/**
 * The graph id a file name stands for: its base name without the extension of its format
 * (`graph-data/tea-trade.json` is `tea-trade`). A name no format claims is its own id (and fails the id rules).
 */
export function graphIdFromFileName(file: string): string {
	const base = baseName(file);
	const claim = claimOf(base);
	return claim ? base.slice(0, base.length - claim.extension.length) : base;
}

/**
 * The graph id the data of `file` must have: the file's name for our curated format, a slug of it for a graph
 * imported from another tool (`imported`), whose file name is whatever that tool wrote.
 */
export function expectedGraphId(file: string, imported: boolean): string {
	const id = graphIdFromFileName(file);
	return imported ? graphIdSlug(id) : id;
}

/** The formats there are, for a message: `.json (JSON)`, or `.json (JSON), .gexf (GEXF)`. */
export function describeFormats(): string {
	return LIST.map((format) => `${format.extensions.join(', ')} (${format.name})`).join(', ');
}

function baseName(file: string): string {
	return file.split(/[\\/]/).pop() ?? file;
}

function claimOf(base: string): { extension: string; format: GraphFormat } | undefined {
	const name = base.toLowerCase();
	return CLAIMS.find(({ extension }) => name.endsWith(extension));
}
