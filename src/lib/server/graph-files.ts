/**
 * Graph files on disk (node only): where they are, and reading one into a LoadResult without ever throwing.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { readerFor } from '../graph/formats';
import { type LoadResult, loadGraph } from '../graph/load';
import { type ProblemCode, fileProblem } from '../graph/problems';

/**
 * The folders of graph files: `GRAPH_DATA_DIR` when set (one folder, or several separated by `:`, as in
 * `graph-data:tests/fixtures/extra`), else `graph-data/`.
 */
export function graphDataDirs(): string[] {
	return (process.env.GRAPH_DATA_DIR || 'graph-data')
		.split(delimiter)
		.filter(Boolean)
		.map((dir) => resolve(dir));
}

/** Every graph file of the graph data folders. */
export function graphDataFiles(): string[] {
	return graphDataDirs().flatMap(listGraphFiles);
}

/** The graph files of a folder (those a format reader claims, companions left out), sorted by name. */
export function listGraphFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((name) => readerFor(name) !== undefined)
		.sort()
		.map((name) => join(dir, name));
}

/** Reads and loads one graph file; a file that cannot be read is a problem like any other. */
export function readGraphFile(path: string): LoadResult {
	let bytes: Uint8Array;
	try {
		if (statSync(path).isDirectory()) {
			return unreadable(path, 'file.unreadable', 'is a folder, not a graph file');
		}
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return code === 'ENOENT'
			? unreadable(path, 'file.not-found', 'does not exist')
			: unreadable(path, 'file.unreadable', `cannot be read (${code ?? String(error)})`);
	}
	return loadGraph(bytes, path, (name) => readCompanion(dirname(path), name));
}

/** A file that goes with a graph file (`tea.nodes.csv`), from its folder; undefined when there is none. */
function readCompanion(dir: string, name: string): Uint8Array | undefined {
	const path = join(dir, basename(name));
	try {
		return statSync(path).isFile() ? readFileSync(path) : undefined;
	} catch {
		return undefined;
	}
}

function unreadable(file: string, code: ProblemCode, message: string): LoadResult {
	return { ok: false, problems: [fileProblem(file, code, message)] };
}
