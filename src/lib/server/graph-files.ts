/**
 * Graph files on disk (node only): where they are, and reading one into a LoadResult without ever throwing.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type LoadResult, loadGraph } from '../graph/load';

/** The folder of graph files: `GRAPH_DATA_DIR` when set (tests build with fixture graphs), else `graph-data/`. */
export function graphDataDir(): string {
	return resolve(process.env.GRAPH_DATA_DIR || 'graph-data');
}

/** The `*.json` files of a folder, sorted by name. */
export function listGraphFiles(dir: string): string[] {
	return readdirSync(dir)
		.filter((name) => name.toLowerCase().endsWith('.json'))
		.sort()
		.map((name) => join(dir, name));
}

/** Reads and loads one graph file; a file that cannot be read is a problem like any other. */
export function readGraphFile(path: string): LoadResult {
	let bytes: Uint8Array;
	try {
		if (statSync(path).isDirectory()) return unreadable(path, 'is a folder, not a graph file');
		bytes = readFileSync(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return unreadable(
			path,
			code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`
		);
	}
	return loadGraph(bytes, path);
}

function unreadable(file: string, message: string): LoadResult {
	return { ok: false, problems: [{ severity: 'error', file, message }] };
}
