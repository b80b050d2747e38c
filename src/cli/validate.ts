/**
 * `npm run validate [FILE|FOLDER...]`: checks graph files (default: every file in graph-data/) and prints each
 * problem on one line. Exit 0 when every file is valid, 1 when any is not, 2 when there is nothing to check.
 */
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { plural } from '../lib/format';
import { formatProblems } from '../lib/graph/problems';
import { graphDataDirs, graphDataFiles, listGraphFiles, readGraphFile } from '../lib/server/graph-files';

function expand(arg: string): string[] {
	try {
		if (statSync(arg).isDirectory()) return listGraphFiles(arg);
	} catch {
		// A missing path is reported by readGraphFile, with the others.
	}
	return [arg];
}

const args = process.argv.slice(2);
const files = args.length > 0 ? args.flatMap(expand) : graphDataFiles().map((f) => relative('.', f));

if (files.length === 0) {
	console.error(`validate: no graph files found in ${args.join(', ') || graphDataDirs().join(', ')}`);
	process.exit(2);
}

let invalid = 0;
for (const file of files) {
	const result = readGraphFile(file);
	if (result.ok) {
		const { graph, warnings } = result;
		console.log(
			`✓ ${file}: valid, ${plural(graph.order, 'entity', 'entities')} and ${plural(graph.size, 'relationship')}`
		);
		for (const line of formatProblems(warnings)) console.log(`  ${line}`);
	} else {
		invalid++;
		const errors = result.problems.filter((p) => p.severity === 'error').length;
		console.log(`✗ ${file}: invalid, ${plural(errors, 'problem')}`);
		for (const line of formatProblems(result.problems)) console.log(`  ${line}`);
	}
}
if (files.length > 1) console.log(`${files.length - invalid} of ${files.length} files valid`);
process.exit(invalid > 0 ? 1 : 0);
