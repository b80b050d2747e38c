/**
 * The input formats the explorer reads, by file extension. Adding a format is one reader module (see reader.ts)
 * and one line in `READERS`.
 */
import { jsonReader } from './json';
import type { GraphReader } from './reader';

export type { GraphReader, ReadResult } from './reader';

/** Every reader, in the order formats are listed in messages. */
const READERS: readonly GraphReader[] = [jsonReader];

/** Every extension a reader claims, longest first, so that `.ttl.gz` would win over `.gz`. */
const CLAIMS: readonly { extension: string; reader: GraphReader }[] = READERS.flatMap((reader) =>
	reader.extensions.map((extension) => ({ extension, reader }))
).sort((a, b) => b.extension.length - a.extension.length);

/** The readers there are. */
export function graphReaders(): readonly GraphReader[] {
	return READERS;
}

/** The reader of `file` (a name or a path) by its extension, in any case; undefined when no reader claims it. */
export function readerFor(file: string): GraphReader | undefined {
	return claimOf(baseName(file))?.reader;
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
