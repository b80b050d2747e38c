/**
 * The validator, table-driven: each fixture in tests/fixtures/invalid is one kind of failure and must produce
 * exactly these problem lines (after the file name); the fixtures in tests/fixtures/valid and every real graph
 * must load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/lib/graph/load';
import { formatProblem } from '../../src/lib/graph/problems';
import { isReservedName } from '../../src/lib/graph/schema';
import { graphDataFiles, readGraphFile } from '../../src/lib/server/graph-files';

const INVALID = 'tests/fixtures/invalid';
const VALID = 'tests/fixtures/valid';
const TEA = readFileSync('tests/fixtures/graphs/tea-trade.json', 'utf8');

const cases: [string, string[]][] = [
	['bad-colour', [' › graph › nodeTypes.country.color: must be a colour written #rgb or #rrggbb']],
	['bad-date', [' › graph › sources[0].date: must be a date written YYYY, YYYY-MM or YYYY-MM-DD']],
	[
		'bad-node-key',
		[
			' › node "kenya/nairobi" › key: must be ASCII letters, digits, "-", "_" or ".", starting with a letter or digit'
		]
	],
	[
		'connect-key',
		[' › node connect › key: is an address the explorer uses itself (/<graph>/connect); choose another key']
	],
	['dangling-endpoint', [' › edge kenya-exports-tea › target: no node has the key japan']],
	['data-url', [' › graph › sources[0].url: must be an http: or https: URL']],
	[
		'duplicate-edge-key',
		[' › edge kenya-exports-tea › key: duplicate edge key: an earlier edge has the same key']
	],
	['duplicate-node-key', [' › node tea › key: duplicate node key: an earlier node has the same key']],
	['embed', [' › graph › id: is an address the site uses itself (api, embed, 404); choose another id']],
	['empty-evidence', [' › edge kenya-exports-tea › evidence: must have at least 1 item']],
	['empty', [': is empty; a graph file is a JSON object {attributes, options, nodes, edges}']],
	['huge-coordinate', [' › node kenya › x: must be at most 1000000 (it is 12345678)']],
	[
		'id-mismatch',
		[' › graph › id: is "tea-trade" but the file is named id-mismatch.json; the id must equal the file name']
	],
	['invalid-utf8', [': is not valid UTF-8 text (first bad byte at offset 577); save it as UTF-8']],
	['javascript-url', [' › graph › sources[0].url: must be an http: or https: URL']],
	['missing-claim', [' › edge kenya-exports-tea › claim: is required']],
	[
		'no-sources',
		[
			' › graph › sources: must have at least 1 item',
			' › edge kenya-exports-tea › evidence[0].source: "notes" is not the id of any of the graph\'s sources'
		]
	],
	['nodes-not-array', [' › nodes: must be an array, not an object']],
	['non-finite-position', [' › node kenya › x: must be a number, not Infinity (not a finite number)']],
	['not-json', [': is not valid JSON: Unexpected token \'i\', "id: not-js"...']],
	[
		'proto-attribute-name',
		[
			' › node tea › __proto__: is a name reserved by JavaScript (a property of Object.prototype); remove or rename it'
		]
	],
	[
		'proto-node-key',
		[
			' › node "__proto__" › key: is a name reserved by JavaScript (a property of Object.prototype); rename it'
		]
	],
	[
		'prototype-edge-endpoints',
		[
			' › node toString › key: is a name reserved by JavaScript (a property of Object.prototype); rename it',
			' › edge kenya-exports-tea › source: no node has the key constructor'
		]
	],
	[
		'prototype-type-name',
		[
			' › graph › nodeTypes.constructor: key is a name reserved by JavaScript (a property of Object.prototype); rename it'
		]
	],
	['size-out-of-range', [' › node tea › size: must be at most 100 (it is 5000)']],
	['too-long-label', [' › node kenya › label: must be at most 200 characters long (it has 201)']],
	[
		'top-level-array',
		[': the top level must be a JSON object {attributes, options, nodes, edges}, not an array']
	],
	['truncated', [": is not valid JSON: Expected ',' or '}' after property value at line 11, column 6"]],
	[
		'undeclared-edge-type',
		[' › edge kenya-exports-tea › type: "grows" is not declared in the graph\'s edgeTypes']
	],
	[
		'undeclared-evidence-source',
		[
			' › edge kenya-exports-tea › evidence[0].source: "encyclopedia" is not the id of any of the graph\'s sources'
		]
	],
	['undeclared-node-type', [' › node tea › type: "drink" is not declared in the graph\'s nodeTypes']],
	[
		'undirected-edge',
		[' › edge kenya-exports-tea › undirected: must be false or absent: relationships are always directed']
	],
	[
		'undirected-options',
		[' › options.type: must be "directed" or "mixed": relationships are always directed']
	],
	['wrong-value-type', [' › node kenya › label: must be a string, not the number 42']]
];

function problemLines(file: string): string[] {
	const result = readGraphFile(file);
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('invalid graph files', () => {
	it('has a table row for every fixture, and a fixture for every row', () => {
		const fixtures = readdirSync(INVALID).map((name) => name.replace(/\.json$/, ''));
		expect(fixtures.sort()).toEqual(cases.map(([name]) => name).sort());
	});

	it.each(cases)('%s.json is rejected with a precise message', (name, expected) => {
		const file = `${INVALID}/${name}.json`;
		expect(problemLines(file)).toEqual(expected.map((rest) => file + rest));
	});

	it('never changes Object.prototype, whatever the keys', () => {
		for (const name of [
			'proto-node-key',
			'proto-attribute-name',
			'prototype-edge-endpoints',
			'prototype-type-name'
		]) {
			readGraphFile(`${INVALID}/${name}.json`);
		}
		expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('loadGraph on odd input', () => {
	it.each([
		['null', 'the top level must be a JSON object {attributes, options, nodes, edges}, not null'],
		['42', 'the top level must be a JSON object {attributes, options, nodes, edges}, not the number 42'],
		[
			'"graph"',
			'the top level must be a JSON object {attributes, options, nodes, edges}, not the string "graph"'
		],
		['   \n', 'is empty; a graph file is a JSON object {attributes, options, nodes, edges}']
	])('%j is one clear problem', (input, message) => {
		const result = loadGraph(input, 'odd.json');
		expect(result).toEqual({ ok: false, problems: [{ severity: 'error', file: 'odd.json', message }] });
	});

	it('reports every missing part of an empty object', () => {
		const result = loadGraph('{}', 'empty-object.json');
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'empty-object.json › attributes: is required',
			'empty-object.json › nodes: is required',
			'empty-object.json › edges: is required'
		]);
	});

	it('answers 100,000 levels of nesting with problems, not a crash', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const input = TEA.replace('"description": "Dried tea leaves."', `"description": ${deep}`);
		const result = loadGraph(input, 'tea-trade.json');
		expect(result.ok).toBe(false);
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'tea-trade.json › node tea › description: must be a string, not an array'
		]);
	});

	it('reads bytes and text alike', () => {
		const fromText = loadGraph(TEA, 'tea-trade.json');
		const fromBytes = loadGraph(new TextEncoder().encode(TEA), 'tea-trade.json');
		expect(fromText.ok && fromBytes.ok).toBe(true);
		if (fromText.ok && fromBytes.ok) expect(fromBytes.graph.export()).toEqual(fromText.graph.export());
	});
});

describe('valid graph files', () => {
	it('accepts a leading byte-order mark', () => {
		const result = readGraphFile(`${VALID}/byte-order-mark.json`);
		expect(result.ok && result.graph.order).toBe(2);
	});

	it('keeps parallel edges and self-loops, and keys edges that have no key', () => {
		const result = readGraphFile(`${VALID}/parallel-edges-and-self-loop.json`);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		expect(result.graph.size).toBe(4);
		expect(result.graph.edges('kenya', 'tea')).toHaveLength(3);
		expect(result.graph.edges('tea', 'tea')).toEqual(['tea-loop']);
	});

	it('drops attributes the format does not name, with a warning for each', () => {
		const file = `${VALID}/unknown-attributes.json`;
		const result = readGraphFile(file);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		expect(result.warnings.map(formatProblem)).toEqual([
			`warning: ${file} › graph › license: is not part of the format and is dropped`,
			`warning: ${file} › node kenya › lable: is not part of the format and is dropped (did you mean "label"?)`,
			`warning: ${file} › node kenya › population: is not part of the format and is dropped`,
			`warning: ${file} › edge kenya-exports-tea › weight: is not part of the format and is dropped`
		]);
		expect(Object.keys(result.graph.getNodeAttributes('kenya')).sort()).toEqual(
			['aliases', 'description', 'label', 'type', 'x', 'y'].sort()
		);
		expect(result.graph.getEdgeAttributes('kenya-exports-tea')).not.toHaveProperty('weight');
		expect(result.graph.getAttributes()).not.toHaveProperty('license');
	});

	it('fills in the defaults of optional attributes', () => {
		const result = loadGraph(TEA, 'tea-trade.json');
		if (!result.ok) throw new Error('tea-trade.json should load');
		expect(result.graph.getNodeAttribute('tea', 'aliases')).toEqual([]);
		expect(result.graph.getNodeAttribute('kenya', 'aliases')).toEqual(['Nairobi']);
	});

	const realFiles = graphDataFiles();
	it('finds the real graphs in graph-data/', () => expect(realFiles.length).toBeGreaterThan(0));
	it.each(realFiles)('%s is valid and has no warnings', (file) => {
		const result = readGraphFile(file);
		expect(result.ok ? result.warnings.map(formatProblem) : result.problems.map(formatProblem)).toEqual([]);
		expect(result.ok).toBe(true);
	});
});

describe('isReservedName', () => {
	it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
		'%s is reserved',
		(name) => expect(isReservedName(name)).toBe(true)
	);
	it.each(['india', 'proto', 'Constructor', 'to-string'])('%s is not', (name) =>
		expect(isReservedName(name)).toBe(false)
	);
});

describe('npm run validate', () => {
	const run = (...files: string[]) =>
		spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/validate.ts', ...files], {
			encoding: 'utf8'
		});

	it('exits 0 on graph-data/ and says each file is valid', () => {
		const { status, stdout } = run();
		expect(stdout).toMatch(/^✓ graph-data\/.+\.json: valid, \d+ entities and \d+ relationships$/m);
		expect(status).toBe(0);
	});

	it('exits 1 on the invalid fixtures, one line a problem, no stack trace', () => {
		const { status, stdout, stderr } = run(INVALID);
		expect(status).toBe(1);
		for (const [name, expected] of cases) {
			const file = `${INVALID}/${name}.json`;
			expect(stdout).toContain(`✗ ${file}: invalid`);
			for (const rest of expected) expect(stdout).toContain(`  ${file}${rest}\n`);
		}
		expect(`${stdout}${stderr}`).not.toMatch(/^\s+at /m);
		expect(stdout).toContain(`0 of ${cases.length} files valid`);
	});

	it('prints at most 50 problems a file, then a count of the rest', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kge-validate-'));
		const graph = JSON.parse(TEA);
		graph.attributes.id = 'many';
		for (let i = 0; i < 70; i++)
			graph.nodes.push({ key: `n${i}`, attributes: { label: `N${i}`, type: 'country', x: 0 } });
		writeFileSync(join(dir, 'many.json'), JSON.stringify(graph));
		const { status, stdout } = run(join(dir, 'many.json'));
		expect(status).toBe(1);
		const lines = stdout.trim().split('\n');
		expect(lines[0]).toBe(`✗ ${join(dir, 'many.json')}: invalid, 70 problems`);
		expect(
			lines.slice(1, 51).every((line) => line.includes(' › node n') && line.endsWith('y: is required'))
		).toBe(true);
		expect(lines[51]).toBe(`  … and 20 more problems in ${join(dir, 'many.json')}`);
		expect(lines).toHaveLength(52);
	});

	it('reports a file that does not exist', () => {
		const { status, stdout } = run('no/such/graph.json');
		expect(status).toBe(1);
		expect(stdout).toContain('  no/such/graph.json: does not exist');
	});
});
