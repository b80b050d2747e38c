/**
 * The input formats the explorer reads, by file extension. Adding a format is one reader module (see reader.ts)
 * and one line in `READERS`.
 */
import { csvReader } from './csv';
import { gexfReader } from './gexf';
import { graphmlReader } from './graphml';
import { jsonReader } from './json';
import { graphIdSlug } from '../rules';
import { rdfReader } from './rdf';
import type { GraphReader } from './reader';

export type { CompanionFile, GraphReader, ReadGraph, ReadResult } from './reader';

/** Every reader, in the order formats are listed in messages. */
const READERS: readonly GraphReader[] = [jsonReader, gexfReader, graphmlReader, csvReader, rdfReader];

/** Every extension a reader claims, longest first, so that `.ttl.gz` would win over `.gz`. */
const CLAIMS: readonly { extension: string; reader: GraphReader }[] = READERS.flatMap((reader) =>
	reader.extensions.map((extension) => ({ extension, reader }))
).sort((a, b) => b.extension.length - a.extension.length);

/** The readers there are. */
export function graphReaders(): readonly GraphReader[] {
	return READERS;
}

/**
 * The reader of `file` (a name or a path) by its extension, in any case; undefined when no reader claims it, and
 * for a companion file (`tea.nodes.csv`), which is read with the file it goes with.
 */
export function readerFor(file: string): GraphReader | undefined {
	return isCompanionFile(file) ? undefined : claimOf(baseName(file))?.reader;
}

/** Whether `file` goes with another file rather than being a graph (`tea.nodes.csv` with `tea.edges.csv`). */
export function isCompanionFile(file: string): boolean {
	const name = baseName(file).toLowerCase();
	return READERS.some((reader) => reader.companions?.some((ending) => name.endsWith(ending)));
}

/** Every extension of a graph file (`['.json']`), lowercase with its dot. */
export function graphFileExtensions(): string[] {
	return READERS.flatMap((reader) => reader.extensions);
}

/**
 * The graph id a file name stands for: its base name without the extension of its format
 * (`graph-data/tea-trade.json` is `tea-trade`). A name no reader claims is its own id (and fails the id rules).
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
	return READERS.map((reader) => `${reader.extensions.join(', ')} (${reader.name})`).join(', ');
}

function baseName(file: string): string {
	return file.split(/[\\/]/).pop() ?? file;
}

function claimOf(base: string): { extension: string; reader: GraphReader } | undefined {
	const name = base.toLowerCase();
	return CLAIMS.find(({ extension }) => name.endsWith(extension));
}
