/**
 * The validator, table-driven: each fixture in tests/fixtures/invalid is one kind of failure and must produce
 * exactly these problems (code, place and field); the wording of each code is checked once, by the exact line it
 * prints; the fixtures in tests/fixtures/valid and every real graph must load.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadGraph } from '../../../src/lib/graph/load';
import {
	PROBLEM_CODES,
	type Problem,
	type ProblemCode,
	formatProblem
} from '../../../src/lib/graph/problems';
import { LIMITS, isReservedName } from '../../../src/lib/graph/schema';
import { graphDataFiles, readGraphFile } from '../../../src/lib/server/graph-files';

const INVALID = 'tests/fixtures/invalid';
const VALID = 'tests/fixtures/valid';
const TEA_FILE = 'tests/fixtures/graphs/tea-trade.json';
const TEA = readFileSync(TEA_FILE, 'utf8');

/** A problem as the tables below expect it: its code, where it is and in which field (and line and column). */
interface Expected {
	code: ProblemCode;
	where?: string;
	field?: string;
	line?: number;
	column?: number;
}

const at = (code: ProblemCode, where?: string, field?: string): Expected => ({ code, where, field });

/** The parts of a problem that the tables compare (everything but the message and the file). */
const placeOf = ({ code, where, field, line, column }: Problem): Expected => ({
	code,
	where,
	field,
	line,
	column
});

const cases: [string, Expected[]][] = [
	['bad-colour', [at('value.colour', 'graph', 'nodeTypes.country.color')]],
	['bad-date', [at('value.date', 'graph', 'sources[0].date')]],
	['bad-options-type', [at('value.choice', undefined, 'options.type')]],
	['bad-node-key', [at('value.pattern', 'node "kenya/nairobi"', 'key')]],
	['connect-key', [at('key.site-address', 'node connect', 'key')]],
	['dangling-endpoint', [at('ref.unknown-node', 'edge kenya-exports-tea', 'target')]],
	['data-url', [at('value.url', 'graph', 'sources[0].url')]],
	['duplicate-edge-key', [at('key.duplicate', 'edge kenya-exports-tea', 'key')]],
	['duplicate-node-key', [at('key.duplicate', 'node tea', 'key')]],
	['embed', [at('key.site-address', 'graph', 'id')]],
	['empty-evidence', [at('value.too-short', 'edge kenya-exports-tea', 'evidence')]],
	['empty', [at('file.empty')]],
	['huge-coordinate', [at('value.too-big', 'node kenya', 'x')]],
	['id-mismatch', [at('graph.id-mismatch', 'graph', 'id')]],
	['invalid-utf8', [at('file.not-utf8')]],
	['javascript-url', [at('value.url', 'graph', 'sources[0].url')]],
	['missing-claim', [at('value.required', 'edge kenya-exports-tea', 'claim')]],
	[
		'no-sources',
		[
			at('value.too-short', 'graph', 'sources'),
			at('ref.unknown-source', 'edge kenya-exports-tea', 'evidence[0].source')
		]
	],
	['nodes-not-array', [at('value.type', undefined, 'nodes')]],
	['non-finite-position', [at('value.type', 'node kenya', 'x')]],
	// V8 gives no position for this error: no line, no column.
	['not-json', [at('json.syntax')]],
	['proto-attribute-name', [at('field.reserved', 'node tea', '__proto__')]],
	['proto-node-key', [at('key.reserved', 'node "__proto__"', 'key')]],
	[
		'prototype-edge-endpoints',
		[at('key.reserved', 'node toString', 'key'), at('ref.unknown-node', 'edge kenya-exports-tea', 'source')]
	],
	['prototype-type-name', [at('key.reserved', 'graph', 'nodeTypes.constructor')]],
	['size-out-of-range', [at('value.too-big', 'node tea', 'size')]],
	['too-long-label', [at('value.too-long', 'node kenya', 'label')]],
	['top-level-array', [at('value.type')]],
	['truncated', [{ code: 'json.syntax', line: 11, column: 6 }]],
	['undeclared-edge-type', [at('ref.unknown-type', 'edge kenya-exports-tea', 'type')]],
	['undeclared-evidence-source', [at('ref.unknown-source', 'edge kenya-exports-tea', 'evidence[0].source')]],
	['undeclared-node-type', [at('ref.unknown-type', 'node tea', 'type')]],
	['wrong-value-type', [at('value.type', 'node kenya', 'label')]]
];

/** The tea-trade graph with one story of one step naming `entities` and `relationships`. */
function withStory(entities: string[], relationships: string[]): string {
	const data = JSON.parse(TEA) as { attributes: Record<string, unknown> };
	data.attributes.stories = [
		{
			id: 'tour',
			title: 'A tour',
			steps: [{ title: 'One', text: 'The first step.', entities, relationships }]
		}
	];
	return JSON.stringify(data);
}

/** The problems of a fixture of tests/fixtures/invalid, read from disk. */
const fixture = (name: string) => () => problemsOf(readGraphFile(`${INVALID}/${name}.json`));
const loaded = (input: string | Uint8Array, file: string) => () => problemsOf(loadGraph(input, file));

function problemsOf(
	result: { ok: true; warnings: Problem[] } | { ok: false; problems: Problem[] }
): Problem[] {
	return result.ok ? result.warnings : result.problems;
}

/** graph.duplicate-id: the same graph in two folders of GRAPH_DATA_DIR. */
const DUPLICATE_ROOT = mkdtempSync(join(tmpdir(), 'kge-duplicate-'));
async function duplicateGraph(): Promise<Problem[]> {
	for (const dir of ['a', 'b']) {
		mkdirSync(join(DUPLICATE_ROOT, dir), { recursive: true });
		cpSync(TEA_FILE, join(DUPLICATE_ROOT, dir, 'tea-trade.json'));
	}
	vi.resetModules();
	vi.stubEnv('GRAPH_DATA_DIR', ['a', 'b'].map((dir) => join(DUPLICATE_ROOT, dir)).join(delimiter));
	const { allGraphs } = await import('../../../src/lib/server/graphs');
	try {
		allGraphs();
	} catch (error) {
		return [...((error as { problems?: Problem[] }).problems ?? [])];
	}
	return [];
}

const FORMATS = 'tests/fixtures/formats';

/** format.too-many: a table over the limit of rows (lowered to 1 here: the real one is millions). */
async function tooManyRows(): Promise<Problem[]> {
	vi.resetModules();
	vi.doMock('../../../src/lib/graph/rules', async (original) => {
		const rules = await original<typeof import('../../../src/lib/graph/rules')>();
		return { ...rules, LIMITS: { ...rules.LIMITS, elements: 1 } };
	});
	try {
		const { loadGraph: load } = await import('../../../src/lib/graph/load');
		return problemsOf(load('Source,Target\na,b\nb,c\n', 'g.edges.csv'));
	} finally {
		vi.doUnmock('../../../src/lib/graph/rules');
		vi.resetModules();
	}
}

/** internal.bug: the loader's last resort, with a graph builder that throws. */
async function loaderBug(): Promise<Problem[]> {
	vi.resetModules();
	vi.doMock('../../../src/lib/graph/build', () => ({
		buildGraph: () => {
			throw new Error('the builder broke');
		}
	}));
	try {
		const { loadGraph: load } = await import('../../../src/lib/graph/load');
		return problemsOf(load(TEA, 'tea-trade.json'));
	} finally {
		vi.doUnmock('../../../src/lib/graph/build');
		vi.resetModules();
	}
}

/**
 * The wording of every code, checked once: where a problem of that code comes from and the exact line it
 * prints. `value.invalid` is left out: it is the fallback for rules of the schema that have no code of their
 * own, and no rule of today's schema lacks one.
 */
const MESSAGES: Record<
	Exclude<ProblemCode, 'value.invalid'>,
	[() => Problem[] | Promise<Problem[]>, string]
> = {
	'file.not-found': [
		() => problemsOf(readGraphFile('no/such/graph.json')),
		'no/such/graph.json: does not exist'
	],
	'file.unreadable': [() => problemsOf(readGraphFile(VALID)), `${VALID}: is a folder, not a graph file`],
	'file.unknown-format': [
		loaded(TEA, 'tea-trade.yaml'),
		'tea-trade.yaml: is not in a format the explorer reads; graph files end in .json (JSON), .gexf (GEXF), .graphml (GraphML), .edges.csv, .csv (CSV), .ttl, .nt (RDF (Turtle, N-Triples))'
	],
	'file.too-big': [
		loaded(new Uint8Array(LIMITS.fileBytes + 1), 'big.json'),
		`big.json: is ${LIMITS.fileBytes + 1} bytes; a graph file may be at most ${LIMITS.fileBytes} bytes`
	],
	'file.not-utf8': [
		fixture('invalid-utf8'),
		`${INVALID}/invalid-utf8.json: is not valid UTF-8 text (first bad byte at offset 577); save it as UTF-8`
	],
	'file.empty': [
		fixture('empty'),
		`${INVALID}/empty.json: is empty; a graph file is a JSON object {attributes, options, nodes, edges}`
	],
	'json.syntax': [
		fixture('truncated'),
		`${INVALID}/truncated.json: is not valid JSON: Expected ',' or '}' after property value at line 11, column 6`
	],
	'value.required': [
		fixture('missing-claim'),
		`${INVALID}/missing-claim.json › edge kenya-exports-tea › claim: is required`
	],
	'value.type': [
		fixture('wrong-value-type'),
		`${INVALID}/wrong-value-type.json › node kenya › label: must be a string, not the number 42`
	],
	'value.too-short': [
		fixture('empty-evidence'),
		`${INVALID}/empty-evidence.json › edge kenya-exports-tea › evidence: must have at least 1 item`
	],
	'value.too-long': [
		fixture('too-long-label'),
		`${INVALID}/too-long-label.json › node kenya › label: must be at most 200 characters long (it has 201)`
	],
	'value.too-small': [
		loaded(TEA.replace('"size": 12', '"size": 0'), 'tea-trade.json'),
		'tea-trade.json › node tea › size: must be at least 1 (it is 0)'
	],
	'value.too-big': [
		fixture('huge-coordinate'),
		`${INVALID}/huge-coordinate.json › node kenya › x: must be at most 1000000 (it is 12345678)`
	],
	'value.pattern': [
		fixture('bad-node-key'),
		`${INVALID}/bad-node-key.json › node "kenya/nairobi" › key: must be ASCII letters, digits, "-", "_" or ".", starting with a letter or digit`
	],
	'value.colour': [
		fixture('bad-colour'),
		`${INVALID}/bad-colour.json › graph › nodeTypes.country.color: must be a colour written #rgb or #rrggbb`
	],
	'value.url': [
		fixture('data-url'),
		`${INVALID}/data-url.json › graph › sources[0].url: must be an http: or https: URL`
	],
	'value.date': [
		fixture('bad-date'),
		`${INVALID}/bad-date.json › graph › sources[0].date: must be a date written YYYY, YYYY-MM or YYYY-MM-DD`
	],
	'value.choice': [
		fixture('bad-options-type'),
		`${INVALID}/bad-options-type.json › options.type: must be "directed", "undirected" or "mixed"`
	],
	'key.reserved': [
		fixture('proto-node-key'),
		`${INVALID}/proto-node-key.json › node "__proto__" › key: is a name reserved by JavaScript (a property of Object.prototype); rename it`
	],
	'key.site-address': [
		fixture('embed'),
		`${INVALID}/embed.json › graph › id: is an address the site uses itself (api, embed, 404, local, oembed, open); choose another id`
	],
	'key.duplicate': [
		fixture('duplicate-node-key'),
		`${INVALID}/duplicate-node-key.json › node tea › key: duplicate node key: an earlier node has the same key`
	],
	'ref.unknown-node': [
		fixture('dangling-endpoint'),
		`${INVALID}/dangling-endpoint.json › edge kenya-exports-tea › target: no node has the key japan`
	],
	'ref.unknown-type': [
		fixture('undeclared-node-type'),
		`${INVALID}/undeclared-node-type.json › node tea › type: "drink" is not declared in the graph's nodeTypes`
	],
	'ref.unknown-edge': [
		loaded(withStory(['kenya'], ['nope']), 'tea-trade.json'),
		'tea-trade.json › graph › stories[0].steps[0].relationships[0]: no edge has the key "nope"'
	],
	'ref.outside-step': [
		loaded(withStory(['kenya'], ['kenya-exports-tea']), 'tea-trade.json'),
		`tea-trade.json › graph › stories[0].steps[0].relationships[0]: "kenya-exports-tea" links "tea", which the step's entities do not list`
	],
	'ref.unknown-source': [
		fixture('undeclared-evidence-source'),
		`${INVALID}/undeclared-evidence-source.json › edge kenya-exports-tea › evidence[0].source: "encyclopedia" is not the id of any of the graph's sources`
	],
	'graph.id-mismatch': [
		fixture('id-mismatch'),
		`${INVALID}/id-mismatch.json › graph › id: is "tea-trade" but the file is named id-mismatch.json; the id must equal the file name`
	],
	'graph.duplicate-id': [
		duplicateGraph,
		`${join(DUPLICATE_ROOT, 'b', 'tea-trade.json')}: defines graph "tea-trade" again; ${join(DUPLICATE_ROOT, 'a', 'tea-trade.json')} defines it first`
	],
	'field.reserved': [
		fixture('proto-attribute-name'),
		`${INVALID}/proto-attribute-name.json › node tea › __proto__: is a name reserved by JavaScript (a property of Object.prototype); remove or rename it`
	],
	'field.unknown': [
		() => problemsOf(readGraphFile(`${VALID}/unknown-attributes.json`)),
		`warning: ${VALID}/unknown-attributes.json › node kenya › lable: is not part of the format; kept as data (did you mean "label"?)`
	],
	'xml.syntax': [
		() => problemsOf(readGraphFile(`${FORMATS}/hostile/truncated.graphml`)),
		`${FORMATS}/hostile/truncated.graphml: is not well-formed XML: <graphml> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 2, column 1`
	],
	'xml.doctype': [
		() => problemsOf(readGraphFile(`${FORMATS}/hostile/billion-laughs.gexf`)),
		`${FORMATS}/hostile/billion-laughs.gexf: declares a DOCTYPE (<!DOCTYPE …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 1`
	],
	'csv.syntax': [
		loaded('Source,Target,Label\na,b,"open\n', 'g.edges.csv'),
		'g.edges.csv › row 2 › Label: has a quoted value that is never closed (a closing " is missing, so the rest of the file is read into it) at line 2, column 5'
	],
	'rdf.syntax': [
		() => problemsOf(readGraphFile(`${FORMATS}/rdf/vann-undeclared-prefix.ttl`)),
		`${FORMATS}/rdf/vann-undeclared-prefix.ttl: is not valid Turtle: the prefix "foaf:" is not declared (add @prefix foaf: <…> . before its first use) at line 29, column 9`
	],
	'format.structure': [
		() => problemsOf(readGraphFile(`${FORMATS}/csv/pyvis-multigraph.csv`)),
		`${FORMATS}/csv/pyvis-multigraph.csv: has no Source and Target columns (nor From and To) in its header row; its columns are "src", "dst", "type", "details"`
	],
	'format.too-many': [
		tooManyRows,
		'g.edges.csv: has more than 1 rows; the explorer reads at most 1 rows of a table'
	],
	'format.skipped': [
		loaded('Source,Target\na,b\nc,\n', 'g.edges.csv'),
		'warning: g.edges.csv › row 3 › Target: is empty; the row is left out (an edge needs a source and a target) at line 3'
	],
	'import.guessed': [
		loaded(JSON.stringify({ nodes: [{ key: 'a', attributes: { label: 'A' } }] }), 'g.json'),
		'warning: g.json: the file gives no positions; the graph was laid out (ForceAtlas2, then noverlap)'
	],
	'import.added-node': [
		loaded(
			JSON.stringify({
				nodes: [{ key: 'a', attributes: { label: 'A', x: 0, y: 0 } }],
				edges: [{ source: 'a', target: 'b' }]
			}),
			'g.json'
		),
		'warning: g.json: 1 relationship names an entity the file does not have; it was added (first: edge #0 › target "b")'
	],
	'import.value': [
		loaded(
			JSON.stringify({
				nodes: [{ key: 'a', attributes: { label: 'A', x: 0, y: 0, note: 'x'.repeat(LIMITS.dataValue + 1) } }]
			}),
			'g.json'
		),
		`warning: g.json: 1 value was longer than ${LIMITS.dataValue} characters and shortened (first: node a › "note")`
	],
	'internal.bug': [
		loaderBug,
		'tea-trade.json: could not be loaded (this is a bug in the loader, please report it): the builder broke'
	]
};

describe('invalid graph files', () => {
	it('has a table row for every fixture, and a fixture for every row', () => {
		const fixtures = readdirSync(INVALID).map((name) => name.replace(/\.json$/, ''));
		expect(fixtures.sort()).toEqual(cases.map(([name]) => name).sort());
	});

	it.each(cases)('%s.json is rejected with exactly these problems', (name, expected) => {
		const file = `${INVALID}/${name}.json`;
		const result = readGraphFile(file);
		expect(result.ok).toBe(false);
		const problems = problemsOf(result);
		expect(problems.map(placeOf)).toEqual(expected);
		for (const problem of problems) {
			expect(problem.file).toBe(file);
			expect(problem.severity).toBe(PROBLEM_CODES[problem.code]);
		}
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

describe('the wording of each problem code, once', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('has a case for every code but the fallback', () => {
		expect(Object.keys(MESSAGES).sort()).toEqual(
			Object.keys(PROBLEM_CODES)
				.filter((code) => code !== 'value.invalid')
				.sort()
		);
	});

	it.each(Object.entries(MESSAGES))('%s', async (code, [problems, line]) => {
		const lines = (await problems()).filter((problem) => problem.code === code).map(formatProblem);
		expect(lines).toContain(line);
	});
});

describe('loadGraph on odd input', () => {
	it.each([
		[
			'null',
			'value.type',
			'the top level must be a JSON object {attributes, options, nodes, edges}, not null'
		],
		[
			'42',
			'value.type',
			'the top level must be a JSON object {attributes, options, nodes, edges}, not the number 42'
		],
		[
			'"graph"',
			'value.type',
			'the top level must be a JSON object {attributes, options, nodes, edges}, not the string "graph"'
		],
		['   \n', 'file.empty', 'is empty; a graph file is a JSON object {attributes, options, nodes, edges}']
	])('%j is one clear problem', (input, code, message) => {
		const result = loadGraph(input, 'odd.json');
		expect(result).toEqual({ ok: false, problems: [{ severity: 'error', code, file: 'odd.json', message }] });
	});

	it('reports every missing part of an empty object', () => {
		const result = loadGraph('{}', 'empty-object.json');
		expect(problemsOf(result).map(placeOf)).toEqual([
			at('value.required', undefined, 'attributes'),
			at('value.required', undefined, 'nodes'),
			at('value.required', undefined, 'edges')
		]);
	});

	it('takes the graph id from the file name without the extension of its format, in any case', () => {
		expect(loadGraph(TEA, 'some/folder/tea-trade.json').ok).toBe(true);
		expect(loadGraph(TEA, 'C:\\graphs\\tea-trade.JSON').ok).toBe(true);
		expect(problemsOf(loadGraph(TEA, 'tea-trade.json.json')).map(placeOf)).toEqual([
			at('graph.id-mismatch', 'graph', 'id')
		]);
	});

	it('reads no file of a format it does not know, whatever its content', () => {
		for (const file of ['tea-trade', 'tea-trade.txt', 'tea-trade.json.gz', 'tea-trade.jsonl']) {
			expect(problemsOf(loadGraph(TEA, file)).map(placeOf)).toEqual([at('file.unknown-format')]);
		}
	});

	it('answers 100,000 levels of nesting with problems, not a crash', () => {
		const deep = '['.repeat(100_000) + ']'.repeat(100_000);
		const input = TEA.replace('"description": "Dried tea leaves."', `"description": ${deep}`);
		const result = loadGraph(input, 'tea-trade.json');
		expect(result.ok).toBe(false);
		expect(problemsOf(result).map(placeOf)).toEqual([at('value.type', 'node tea', 'description')]);
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

	it('keeps attributes of entities and relationships the format does not name as data; drops the others', () => {
		const file = `${VALID}/unknown-attributes.json`;
		const result = readGraphFile(file);
		if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
		// A warning where the graph's own attribute is dropped, and where a name looks like a typo.
		expect(result.warnings.map(placeOf)).toEqual([
			at('field.unknown', 'graph', 'license'),
			at('field.unknown', 'node kenya', 'lable')
		]);
		expect(result.warnings.every((problem) => problem.severity === 'warning' && problem.file === file)).toBe(
			true
		);
		expect(result.warnings[1]?.message).toContain('kept as data (did you mean "label"?)');
		const kenya = result.graph.getNodeAttributes('kenya');
		expect(Object.keys(kenya).sort()).toEqual(
			['aliases', 'data', 'description', 'label', 'type', 'x', 'y'].sort()
		);
		expect(Object.keys(kenya.data ?? {}).sort()).toEqual(['lable', 'population']);
		expect(result.graph.getEdgeAttributes('kenya-exports-tea').data).toHaveProperty('weight');
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
		const lines = stdout.split('\n');
		for (const [name, expected] of cases) {
			const file = `${INVALID}/${name}.json`;
			const head = lines.indexOf(
				`✗ ${file}: invalid, ${expected.length} problem${expected.length === 1 ? '' : 's'}`
			);
			expect(head, file).toBeGreaterThanOrEqual(0);
			const body = lines.slice(head + 1, head + 1 + expected.length);
			expect(body.every((line) => line.startsWith(`  ${file} › `) || line.startsWith(`  ${file}: `))).toBe(
				true
			);
			expect(lines[head + 1 + expected.length]).not.toMatch(/^ {2}\S/);
		}
		// The exact lines of the fixtures that the table of wordings takes.
		const fixtureLines = Object.values(MESSAGES)
			.map(([, line]) => line)
			.filter((line) => line.startsWith(`${INVALID}/`));
		expect(fixtureLines.length).toBeGreaterThan(20);
		for (const line of fixtureLines) expect(stdout).toContain(`  ${line}\n`);
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
