/**
 * The files each graph of the site is offered in besides its JSON (/api/graphs/<graph>.json): GEXF, GraphML and
 * CSV, as the Export menu writes them (src/lib/graph/exports.ts), written once per build. The graph page links
 * them and /api/graphs/<graph>/files/<file> serves them. A big graph (no entity pages) offers its JSON only:
 * each export would weigh as much again.
 */
import { type ExportFile, type ExportFormat, exportFiles } from '../graph/exports';
import { findGraph } from './graphs';
import { hasEntityPages } from './prerender';

/** The formats, each with what its files are called on the page. */
const FORMATS: readonly { format: ExportFormat; label: (file: string) => string }[] = [
	{ format: 'gexf', label: () => 'GEXF' },
	{ format: 'graphml', label: () => 'GraphML' },
	{ format: 'csv', label: (file) => (file.endsWith('.nodes.csv') ? 'CSV (entities)' : 'CSV (relationships)') }
];

const written = new Map<string, (ExportFile & { label: string })[]>();

/** The files of graph `id` in other tools' formats, each with its label; none for a big or unknown graph. */
export function graphFiles(id: string): (ExportFile & { label: string })[] {
	let files = written.get(id);
	if (!files) {
		const graph = findGraph(id);
		files =
			graph && hasEntityPages(graph)
				? FORMATS.flatMap(({ format, label }) =>
						exportFiles(graph, format, id).map((file) => ({ ...file, label: label(file.name) }))
					)
				: [];
		written.set(id, files);
	}
	return files;
}
