/**
 * Opens a graph file a reader chose, off the page's thread: read it (any format of src/lib/graph/formats),
 * check and import it, lay it out when it has no positions, compute its metrics; report each stage as it
 * starts. The page cancels by terminating the worker. The protocol is `OpenRequest` / `OpenMessage`
 * (open-file.ts).
 */
import { z } from 'zod';
import { buildGraph, exportGraph } from '$lib/graph/build';
import { computeMetrics } from '$lib/graph/centrality';
import { readerFor } from '$lib/graph/formats';
import { isImportedGraphData } from '$lib/graph/import';
import { readGraphData, validateGraphData, withDataKinds } from '$lib/graph/load';
import { type Problem, fileProblem } from '$lib/graph/problems';
import type { OpenMessage, OpenRequest } from './open-file';

// zod would probe for `new Function`, which the Content-Security-Policy forbids (src/lib/server/csp.js).
z.config({ jitless: true });

const scope = self as unknown as {
	onmessage: ((event: MessageEvent<OpenRequest>) => void) | null;
	postMessage(message: OpenMessage): void;
};

scope.onmessage = ({ data: request }) => {
	try {
		scope.postMessage(open(request));
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		scope.postMessage({
			type: 'problems',
			problems: [
				fileProblem(
					request.file.name,
					'internal.bug',
					`could not be opened (this is a bug, please report it): ${message}`
				)
			]
		});
	}
};

const stage = (text: string) => scope.postMessage({ type: 'progress', stage: text });

function open({ file, companions }: OpenRequest): OpenMessage {
	stage('Reading the file');
	const companion = (name: string) => {
		const wanted = name.split(/[\\/]/).pop()?.toLowerCase();
		return companions.find((other) => other.name.toLowerCase() === wanted)?.bytes;
	};
	const read = readGraphData(new Uint8Array(file.bytes), file.name, (name) => {
		const bytes = companion(name);
		return bytes && new Uint8Array(bytes);
	});
	if (!read.ok) return { type: 'problems', problems: read.problems };
	const format = readerFor(file.name)?.name ?? 'JSON';

	// Our curated format must carry its file's name as its id; a file the reader renamed (a download's
	// "graph (1).json") is checked under the name its id asks for, and its problems still name the file.
	const id = curatedId(read.value);
	const checkedAs = id ? `${id}.json` : file.name;
	stage(needsLayout(read.value) ? 'Checking it and laying it out' : 'Checking it');
	const checked = validateGraphData(read.value, checkedAs, format);
	const named = (problems: Problem[]) =>
		checkedAs === file.name ? problems : problems.map((problem) => ({ ...problem, file: file.name }));
	if (!checked.ok) return { type: 'problems', problems: named(checked.problems) };

	stage('Measuring it');
	const graph = withDataKinds(buildGraph(checked.data));
	const metrics = computeMetrics(graph);
	return {
		type: 'done',
		data: exportGraph(graph),
		metrics,
		format,
		warnings: named([...(read.warnings ?? []), ...checked.warnings])
	};
}

/** The id a file of our curated format gives itself; null for anything else. */
function curatedId(value: unknown): string | null {
	if (isImportedGraphData(value)) return null;
	const id = (value as { attributes?: { id?: unknown } } | null)?.attributes?.id;
	return typeof id === 'string' ? id : null;
}

/** Whether no node of the read data has a position (the import then lays the graph out, which takes a while). */
function needsLayout(value: unknown): boolean {
	const nodes = (value as { nodes?: unknown } | null)?.nodes;
	if (!Array.isArray(nodes)) return false;
	return !nodes.some(
		(node: { attributes?: { x?: unknown } } | null) => typeof node?.attributes?.x === 'number'
	);
}
