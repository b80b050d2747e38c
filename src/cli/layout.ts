/**
 * `npm run layout -- FILE... [--seed N] [--check]`: computes deterministic positions (see src/lib/graph/layout.ts)
 * and writes them into each file's nodes, leaving everything else as it is. With --check it writes nothing and
 * exits 1 when a file's positions differ from what the layout computes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { computeLayout } from '../lib/graph/layout';
import { formatProblems } from '../lib/graph/problems';
import { readGraphFile } from '../lib/server/graph-files';

const args = process.argv.slice(2);
const check = args.includes('--check');
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const files = args.filter((arg, i) => !arg.startsWith('--') && !(seedAt >= 0 && i === seedAt + 1));

if (files.length === 0 || !Number.isInteger(seed)) {
	console.error('usage: npm run layout -- FILE.json... [--seed N] [--check]');
	process.exit(2);
}

let failed = 0;
for (const file of files) {
	const result = readGraphFile(file);
	if (!result.ok) {
		console.error(`✗ ${file}: not laid out, fix these problems first (npm run validate):`);
		for (const line of formatProblems(result.problems)) console.error(`  ${line}`);
		failed++;
		continue;
	}
	const started = performance.now();
	const positions = computeLayout(result.graph, { seed });
	const raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as {
		nodes: { key: string; attributes: { x: number; y: number } }[];
	};
	let moved = 0;
	for (const node of raw.nodes) {
		const position = positions.get(node.key);
		if (!position) continue;
		if (node.attributes.x !== position.x || node.attributes.y !== position.y) moved++;
		node.attributes.x = position.x;
		node.attributes.y = position.y;
	}
	const took = `${Math.round(performance.now() - started)} ms`;
	if (check) {
		if (moved > 0) {
			console.error(
				`✗ ${file}: ${moved} of ${raw.nodes.length} nodes are not where the layout puts them; run npm run layout -- ${file}`
			);
			failed++;
		} else console.log(`✓ ${file}: positions are up to date (${took})`);
	} else {
		writeFileSync(file, `${JSON.stringify(raw, null, 2)}\n`);
		console.log(`✓ ${file}: laid out ${raw.nodes.length} nodes with seed ${seed}, ${moved} moved (${took})`);
	}
}
process.exit(failed > 0 ? 1 : 0);
