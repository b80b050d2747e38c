/**
 * Reads a graph file: a format reader (formats/) turns bytes or text into graph data, then the same schema and
 * referential checks for every format, then a graphology MultiDirectedGraph. Never throws and never returns a
 * half-built graph: the result is a graph (with warnings) or every problem found, each with its code.
 */
import { withDataKinds } from './attributes';
import { type KnowledgeGraph, buildGraph } from './build';
import { type CompanionFile, type ReadResult, readerFor } from './formats';
import { describeFormats, graphIdFromFileName } from './formats/catalogue';
import { type Problem, fileProblem } from './problems';
import { validateGraphData } from './validate';

export type { KnowledgeGraph };
export { graphIdFromFileName, withDataKinds };
export { type ValidateResult, validateGraphData, validateGraphDataInFull } from './validate';

export type LoadResult =
	{ ok: true; graph: KnowledgeGraph; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Loads a graph file. `file` names it in problems; its extension picks the format (formats/index.ts) and its
 * base name without that extension must be the graph's id (`<graph id>.json`, in any folder).
 * Returns the graph and the warnings, or every problem; never throws.
 */
export function loadGraph(input: string | Uint8Array, file: string, companion?: CompanionFile): LoadResult {
	try {
		const read = readGraphData(input, file, companion);
		if (!read.ok) return read;
		const checked = validateGraphData(read.value, file, readerFor(file)?.name);
		if (!checked.ok) return checked;
		const warnings = read.warnings ? [...read.warnings, ...checked.warnings] : checked.warnings;
		return { ok: true, graph: withDataKinds(buildGraph(checked.data)), warnings };
	} catch (error) {
		// The checks above should make this unreachable; report it rather than crash if it is not.
		const message = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			problems: [
				fileProblem(
					file,
					'internal.bug',
					`could not be loaded (this is a bug in the loader, please report it): ${message}`
				)
			]
		};
	}
}

/**
 * The graph data of a file, not yet validated, as the reader of its format reads it; or why it cannot be read
 * (a format no reader claims, bytes that are not text, a syntax error located by line and column).
 */
export function readGraphData(
	input: string | Uint8Array,
	file: string,
	companion?: CompanionFile
): ReadResult {
	const reader = readerFor(file);
	if (!reader) {
		const message = `is not in a format the explorer reads; graph files end in ${describeFormats()}`;
		return { ok: false, problems: [fileProblem(file, 'file.unknown-format', message)] };
	}
	return reader.read(input, file, companion);
}
