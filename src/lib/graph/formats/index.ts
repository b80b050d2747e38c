/**
 * The input formats the explorer reads, by file extension. Adding a format is one reader module (see reader.ts)
 * and one line in `READERS`.
 */
import { formatOf } from './catalogue';
import { csvReader } from './csv';
import { gexfReader } from './gexf';
import { graphmlReader } from './graphml';
import { jsonReader } from './json';
import { rdfReader } from './rdf';
import type { GraphReader } from './reader';

export type { CompanionFile, GraphReader, ReadGraph, ReadResult } from './reader';
export {
	describeFormats,
	expectedGraphId,
	graphFileExtensions,
	graphIdFromFileName,
	isCompanionFile
} from './catalogue';

/** Every reader, in the order formats are listed in messages. */
const READERS: readonly GraphReader[] = [jsonReader, gexfReader, graphmlReader, csvReader, rdfReader];

/** The readers there are. */
export function graphReaders(): readonly GraphReader[] {
	return READERS;
}

/**
 * The reader of `file` (a name or a path) by its extension, in any case; undefined when no reader claims it, and
 * for a companion file (`tea.nodes.csv`), which is read with the file it goes with.
 */
export function readerFor(file: string): GraphReader | undefined {
	const format = formatOf(file);
	return format && READERS.find((reader) => reader.id === format.id);
}
