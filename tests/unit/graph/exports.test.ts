/**
 * The exporters (src/lib/graph/exports.ts): every format reads back with our own readers. JSON gives the same
 * graph; GEXF, GraphML and CSV the same entities (keys, labels, types by label, colours, positions, sizes,
 * descriptions, data), the same relationships (ends, direction, labels, claims, data, and types one to one),
 * with what docs/exporting.md says they lose: aliases and evidence come back as data, XML drops control
 * characters, CSV trims cells and neutralises formulas. Properties on random graphs with tricky text, then the
 * flagship graph and Les Misérables, then the cell rule and the view's subgraph.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { type KnowledgeGraph, buildGraph, exportGraph } from '../../../src/lib/graph/build';
import {
	type ExportFile,
	type ExportFormat,
	exportFiles,
	neutraliseCell,
	tableCsv,
	viewSubgraph
} from '../../../src/lib/graph/exports';
import { loadGraph } from '../../../src/lib/graph/load';
import { formatProblem } from '../../../src/lib/graph/problems';
import { hexColour, isReservedName } from '../../../src/lib/graph/rules';
import { type TableColumn, type TableRow, entityTable } from '../../../src/lib/graph/table';
import type {
	Data,
	DataValue,
	GraphAttributes,
	GraphFile,
	NodeAttributes
} from '../../../src/lib/graph/schema';
import { tinyGraph } from '../helpers';

const RUNS = 150;
const TIMEOUT = 60_000;

/** Reads exported files back as the explorer would: the first file, with the others as its companions. */
function readBack(files: readonly ExportFile[]): KnowledgeGraph {
	const [first] = files;
	if (!first) throw new Error('no file');
	const result = loadGraph(first.text, first.name, (name) => files.find((file) => file.name === name)?.text);
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result.graph;
}

function roundTrip(graph: KnowledgeGraph, format: ExportFormat, name = 'round-trip'): KnowledgeGraph {
	return readBack(exportFiles(graph, format, name));
}

/** Characters XML 1.0 does not allow, which the XML writers drop. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

type LossyFormat = Exclude<ExportFormat, 'json'>;

/** A text as it reads back from each format. */
const AS_READ: Readonly<Record<LossyFormat, (text: string) => string>> = {
	gexf: (text) => text.replace(NOT_XML, ''),
	graphml: (text) => text.replace(NOT_XML, ''),
	// The writer trims and puts an apostrophe before a formula; the reader makes every line end `\n`. (The random
	// texts below always have a letter, so none is a plain number, which would be left as it is.)
	csv: (text) => {
		const trimmed = text.trim();
		return (/^[=+\-@]/.test(trimmed) ? `'${trimmed}` : trimmed).replace(/\r\n?/g, '\n');
	}
};

const colourOf = (node: NodeAttributes, types: GraphAttributes['nodeTypes']): string | undefined =>
	hexColour(node.color ?? types[node.type]?.color);

/** Data as it reads back: text values as `text` reads them, with `extra` (aliases, evidence as text). */
function expectedData(data: Data | undefined, text: (value: string) => string, extra: Data): Data {
	const out: Data = { ...extra };
	for (const [name, value] of Object.entries(data ?? {})) {
		out[name] = typeof value === 'string' ? text(value) : value;
	}
	return out;
}

/** Asserts that `back` is `original` as read back from `format` (see the module comment). */
function expectSameGraph(original: KnowledgeGraph, back: KnowledgeGraph, format: LossyFormat): void {
	const text = AS_READ[format];
	const [aTypes, bTypes] = [original.getAttribute('nodeTypes'), back.getAttribute('nodeTypes')];
	expect(back.nodes().sort()).toEqual(original.nodes().sort());
	original.forEachNode((key, a) => {
		const b = back.getNodeAttributes(key);
		const where = `node ${key}`;
		expect(b.label, where).toBe(text(a.label));
		expect(bTypes[b.type]?.label, where).toBe(text(aTypes[a.type]?.label ?? '').trim());
		expect(colourOf(b, bTypes), where).toBe(colourOf(a, aTypes));
		expect([b.x, b.y, b.size], where).toEqual([a.x, a.y, a.size]);
		expect(b.description, where).toBe(a.description ? text(a.description) : '');
		expect(b.aliases, where).toEqual([]);
		const aliases: Data = a.aliases.length > 0 ? { aliases: text(a.aliases.join('; ')) } : {};
		expect(b.data ?? {}, where).toEqual(expectedData(a.data, text, aliases));
	});

	expect(back.edges().sort()).toEqual(original.edges().sort());
	const [aRelations, bRelations] = [original.getAttribute('edgeTypes'), back.getAttribute('edgeTypes')];
	/** The type each original type became, and the labels of its relationships. */
	const typeOf = new Map<string, string>();
	const labelsOf = new Map<string, string[]>();
	original.forEachEdge((key, a, source, target) => {
		const b = back.getEdgeAttributes(key);
		const where = `edge ${key}`;
		expect([back.source(key), back.target(key), b.undirected === true], where).toEqual([
			source,
			target,
			a.undirected === true
		]);
		expect(b.label, where).toBe(text(a.label));
		expect(b.claim, where).toBe(a.claim === undefined ? undefined : text(a.claim));
		expect(b.evidence, where).toBeUndefined();
		const evidence: Data = a.evidence
			? { evidence: text(a.evidence.map(({ source: id, section }) => `${id}: ${section}`).join(' | ')) }
			: {};
		expect(b.data ?? {}, where).toEqual(expectedData(a.data, text, evidence));
		expect(typeOf.get(a.type) ?? b.type, where).toBe(b.type);
		typeOf.set(a.type, b.type);
		labelsOf.set(b.type, [...(labelsOf.get(b.type) ?? []), b.label]);
	});
	// Relationship types map one to one; a type is named by its label, or (the importer's rule) by the commonest
	// label of its relationships.
	expect(new Set(typeOf.values()).size).toBe(typeOf.size);
	for (const [from, to] of typeOf) {
		const label = text(aRelations[from]?.label ?? '').trim();
		expect([label, ...(labelsOf.get(to) ?? [])]).toContain(bRelations[to]?.label);
	}
}

/** The graph's data without `dataKinds` (inferred when a graph is loaded). */
function withoutKinds(graph: KnowledgeGraph): GraphFile {
	const data = exportGraph(graph);
	const { dataKinds: _dataKinds, ...attributes } = data.attributes;
	return { ...data, attributes };
}

// ---------------------------------------------------------------------------------------------------------------
// Random graphs

const FRAGMENTS = [
	'a',
	'Zed',
	'é',
	'東京',
	'Ωμέγα',
	'🙂',
	'<',
	'>',
	'&',
	'&amp;',
	'"',
	"'",
	',',
	';',
	'|',
	' ',
	'\n',
	'\r\n',
	'\r',
	'\t',
	'=',
	'+',
	'-',
	'@',
	'=HYPERLINK("x")',
	'\u0001',
	'\u0000',
	'\u001f',
	'\uFFFE',
	'7'
];
const WORDS = ['Anna', 'Zoë', 'Łódź', 'São Paulo', 'x', 'Straße'];

/** Text with tricky characters around a word (so that something is left after XML and CSV take theirs). */
const text = fc
	.tuple(
		fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }),
		fc.constantFrom(...WORDS),
		fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 })
	)
	.map(([before, word, after]) => before.join('') + word + after.join(''));

const number = fc
	.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
	.map((value) => value || 0);
const date = fc
	.date({ min: new Date('1000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
	.map((value) => value.toISOString().slice(0, 10));

/** Data attributes of every kind, each of one kind throughout a graph (a mixed one reads back as text). */
function dataOf(kinds: Record<string, fc.Arbitrary<DataValue>>): fc.Arbitrary<Data | undefined> {
	const options = Object.fromEntries(
		Object.entries(kinds).map(([name, value]) => [name, fc.option(value, { nil: undefined })])
	);
	return fc.record(options).map((record) => {
		const data: Data = {};
		for (const [name, value] of Object.entries(record)) if (value !== undefined) data[name] = value;
		return Object.keys(data).length > 0 ? data : undefined;
	});
}
const nodeData = dataOf({
	score: number,
	active: fc.boolean(),
	note: text,
	homepage: fc.webUrl(),
	founded: date,
	'Größe, "m"': number,
	日本語: text
});
const edgeData = dataOf({
	weight: number,
	since: date,
	confirmed: fc.boolean(),
	remark: text,
	'source url': fc.webUrl()
});

const NODE_TYPE_LABELS = ['Person', 'Ort & Stelle', 'Café <b>', '"Quoted"', '=Formula', 'Zahl, Wert'];
const EDGE_TYPE_LABELS = ['knows', 'works with', 'is <part> of', 'owns & runs', '+ adds', 'zählt'];
const colour = fc.stringMatching(/^#[0-9a-fA-F]{6}$/);
const keys = fc
	.uniqueArray(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,8}$/), { minLength: 1, maxLength: 6 })
	.filter((list) => list.every((key) => !isReservedName(key) && key !== 'connect'));

const randomGraph: fc.Arbitrary<KnowledgeGraph> = fc
	.record({
		title: text,
		nodeTypes: fc.uniqueArray(fc.constantFrom(...NODE_TYPE_LABELS), { minLength: 1, maxLength: 3 }),
		typeColours: fc.array(colour, { minLength: 3, maxLength: 3 }),
		edgeTypes: fc.uniqueArray(fc.constantFrom(...EDGE_TYPE_LABELS), { minLength: 1, maxLength: 3 }),
		keys,
		nodes: fc.array(
			fc.record({
				label: text,
				type: fc.nat(),
				description: fc.option(text, { nil: undefined }),
				aliases: fc.array(text, { maxLength: 2 }),
				x: fc.integer({ min: -1e7, max: 1e7 }),
				y: fc.integer({ min: -1e7, max: 1e7 }),
				size: fc.option(fc.integer({ min: 100, max: 2400 }), { nil: undefined }),
				color: fc.option(colour, { nil: undefined }),
				data: nodeData
			}),
			{ minLength: 6, maxLength: 6 }
		),
		edges: fc.array(
			fc.record({
				source: fc.nat(),
				target: fc.nat(),
				type: fc.nat(),
				undirected: fc.boolean(),
				label: fc.option(text, { nil: undefined }),
				claim: fc.option(text, { nil: undefined }),
				evidence: fc.array(text, { maxLength: 2 }),
				data: edgeData
			}),
			{ maxLength: 8 }
		)
	})
	.map((spec): KnowledgeGraph => {
		const nodeTypes = Object.fromEntries(
			spec.nodeTypes.map((label, i) => [`t${i}`, { label, color: spec.typeColours[i] ?? '#000000' }])
		);
		const edgeTypes = Object.fromEntries(spec.edgeTypes.map((label, i) => [`r${i}`, { label }]));
		const nodes: GraphFile['nodes'] = spec.keys.map((key, i) => {
			const node = spec.nodes[i % spec.nodes.length] as (typeof spec.nodes)[number];
			const attributes: NodeAttributes = {
				label: node.label,
				type: `t${node.type % spec.nodeTypes.length}`,
				description: node.description ?? '',
				aliases: node.aliases,
				x: node.x / 100,
				y: node.y / 100
			};
			if (node.size !== undefined) attributes.size = node.size / 100;
			if (node.color !== undefined) attributes.color = node.color;
			if (node.data) attributes.data = node.data;
			return { key, attributes };
		});
		const edges: GraphFile['edges'] = spec.edges.map((edge, i) => {
			const type = edge.type % spec.edgeTypes.length;
			const entry: GraphFile['edges'][number] = {
				key: `rel-${i}`,
				source: spec.keys[edge.source % spec.keys.length] as string,
				target: spec.keys[edge.target % spec.keys.length] as string,
				attributes: { type: `r${type}`, label: edge.label ?? (spec.edgeTypes[type] as string) }
			};
			if (edge.undirected) entry.undirected = true;
			if (edge.claim !== undefined) entry.attributes.claim = edge.claim;
			if (edge.evidence.length > 0) {
				entry.attributes.evidence = edge.evidence.map((section) => ({ source: 'article', section }));
			}
			if (edge.data) entry.attributes.data = edge.data;
			return entry;
		});
		// Our curated profile wants a claim and evidence on every relationship; a graph without is an imported one.
		const curated = edges.every((edge) => edge.attributes.claim && edge.attributes.evidence);
		return buildGraph({
			attributes: {
				id: 'round-trip',
				title: spec.title,
				description: '',
				sources: [{ id: 'article', title: 'An article' }],
				nodeTypes,
				edgeTypes,
				...(curated ? {} : { importedFrom: 'test' })
			},
			nodes,
			edges
		});
	});

describe('property: exported graphs read back with our own readers', () => {
	it('runs on graphs with what makes formats differ', () => {
		const graphs = fc.sample(randomGraph, { numRuns: RUNS, seed: 1 });
		const some = (test: (graph: KnowledgeGraph) => boolean) => graphs.some(test);
		const edges = (graph: KnowledgeGraph) =>
			graph.mapEdges((_key, attributes, source, target) => ({ attributes, source, target }));
		expect(some((graph) => edges(graph).some(({ source, target }) => source === target))).toBe(true);
		expect(
			some((graph) =>
				graph.someEdge((edge) => graph.edges(graph.source(edge), graph.target(edge)).length > 1)
			)
		).toBe(true);
		expect(some((graph) => edges(graph).some(({ attributes }) => attributes.undirected === true))).toBe(true);
		expect(some((graph) => graph.getAttribute('importedFrom') === undefined && graph.size > 0)).toBe(true);
		expect(some((graph) => graph.someNode((_key, node) => /^[=+\-@]/.test(node.label)))).toBe(true);
		// eslint-disable-next-line no-control-regex
		expect(some((graph) => graph.someNode((_key, node) => /[\u0000-\u0008]/.test(node.label)))).toBe(true);
		for (const kind of ['number', 'boolean', 'string']) {
			expect(
				some((graph) =>
					graph.someNode((_key, node) =>
						Object.values(node.data ?? {}).some((value) => typeof value === kind)
					)
				)
			).toBe(true);
		}
	});

	it(
		'JSON: the same graph',
		() => {
			fc.assert(
				fc.property(randomGraph, (graph) => {
					expect(withoutKinds(roundTrip(graph, 'json'))).toEqual(withoutKinds(graph));
				}),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);

	for (const format of ['gexf', 'graphml', 'csv'] as const) {
		it(
			`${format}: the same entities, relationships and data`,
			() => {
				fc.assert(
					fc.property(randomGraph, (graph) => {
						expectSameGraph(graph, roundTrip(graph, format), format);
					}),
					{ numRuns: RUNS }
				);
			},
			TIMEOUT
		);
	}
});

// ---------------------------------------------------------------------------------------------------------------
// Real graphs

function load(path: string): KnowledgeGraph {
	const result = loadGraph(readFileSync(path), path);
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result.graph;
}

const FLAGSHIP = load('graph-data/india-russia.json');
const LES_MISERABLES = load('tests/fixtures/graphs/les-miserables.gexf');

describe.each([
	['india-russia', FLAGSHIP],
	['les-miserables', LES_MISERABLES]
])('%s', (name, graph) => {
	it('reads back from JSON as the same graph', () => {
		const files = exportFiles(graph, 'json', name);
		expect(files.map((file) => file.name)).toEqual([`${name}.json`]);
		expect(files[0]?.text.endsWith('}\n')).toBe(true);
		expect(withoutKinds(readBack(files))).toEqual(withoutKinds(graph));
	});

	it.each(['gexf', 'graphml', 'csv'] as const)('reads back from %s', (format) => {
		expectSameGraph(graph, roundTrip(graph, format, name), format);
	});
});

describe('how the source makes each claim, through every format', () => {
	const hedged = FLAGSHIP.filterEdges(
		(_edge, { modality }) => modality !== undefined && modality !== 'stated'
	);

	it.each(['gexf', 'graphml', 'csv'] as const)('%s keeps each modality and speaker', (format) => {
		expect(hedged.length).toBeGreaterThan(10);
		const back = roundTrip(FLAGSHIP, format, 'india-russia');
		for (const edge of FLAGSHIP.edges()) {
			const { modality, attributedTo } = FLAGSHIP.getEdgeAttributes(edge);
			const read = back.getEdgeAttributes(edge);
			expect([read.modality ?? 'stated', read.attributedTo], edge).toEqual([
				modality ?? 'stated',
				attributedTo
			]);
			expect(read.data?.modality, edge).toBeUndefined();
		}
	});
});

describe('exportFiles', () => {
	const graph = tinyGraph(['a>b:likes', 'b>c:knows']);

	it('names the files after the name, made a graph id when it is not one', () => {
		const names = (format: ExportFormat, name = 'tiny') =>
			exportFiles(graph, format, name).map((file) => [file.name, file.mime]);
		expect(names('json')).toEqual([['tiny.json', 'application/json']]);
		expect(names('gexf')).toEqual([['tiny.gexf', 'application/gexf+xml']]);
		expect(names('graphml')).toEqual([['tiny.graphml', 'application/graphml+xml']]);
		expect(names('csv')).toEqual([
			['tiny.edges.csv', 'text/csv'],
			['tiny.nodes.csv', 'text/csv']
		]);
		expect(names('json', 'My Graph (view)')).toEqual([['my-graph-view.json', 'application/json']]);
		// The JSON's id is its file's name, as our format wants.
		expect(roundTrip(graph, 'json', 'My Graph (view)').getAttribute('id')).toBe('my-graph-view');
	});

	it('writes directions as each format does', () => {
		const mixed = tinyGraph(['a>b:likes', 'b>c:knows']);
		mixed.setEdgeAttribute('e1', 'undirected', true);
		const [gexf] = exportFiles(mixed, 'gexf', 'tiny');
		expect(gexf?.text).toContain('defaultedgetype="directed"');
		expect(gexf?.text).toContain('<edge id="e1" type="undirected" source="b" target="c"');
		const [graphml] = exportFiles(mixed, 'graphml', 'tiny');
		expect(graphml?.text).toContain('<graph id="G" edgedefault="directed">');
		expect(graphml?.text).toContain('<edge id="e1" source="b" target="c" directed="false">');
		const [edges] = exportFiles(mixed, 'csv', 'tiny');
		expect(edges?.text.split('\r\n').slice(0, 3)).toEqual([
			'Source,Target,Type,Id,Label,Kind,claim,evidence',
			'a,b,directed,e0,likes,likes,a likes b.,s: Test',
			'b,c,undirected,e1,knows,knows,b knows c.,s: Test'
		]);
	});

	it('escapes XML, and drops the control characters XML 1.0 forbids', () => {
		const tricky = tinyGraph(['a>b:likes']);
		tricky.setNodeAttribute('a', 'label', `<&"'> Zoë\u0001\u0000 東京\r\n🙂`);
		tricky.setNodeAttribute('a', 'data', { 'a "b" <c>': `x\ty\u0007` });
		for (const format of ['gexf', 'graphml'] as const) {
			const [file] = exportFiles(tricky, format, 'tiny');
			// eslint-disable-next-line no-control-regex
			expect(file?.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
			const back = readBack(file ? [file] : []);
			expect(back.getNodeAttribute('a', 'label')).toBe(`<&"'> Zoë 東京\r\n🙂`);
			expect(back.getNodeAttribute('a', 'data')).toEqual({ 'a "b" <c>': 'x\ty' });
		}
	});

	it('keeps a data attribute named like a field of the format, under another name', () => {
		const named = tinyGraph(['a>b:likes']);
		named.setNodeAttribute('a', 'data', { label: 'data label', Type: 'data type', X: 3, id: 'i' });
		named.setEdgeAttribute('e0', 'data', { kind: 'k', Source: 's', claim: 'c' });
		for (const format of ['gexf', 'graphml', 'csv'] as const) {
			const back = roundTrip(named, format);
			expect(back.getNodeAttributes('a')).toMatchObject({
				label: 'A',
				data: { 'label (data)': 'data label', 'Type (data)': 'data type', 'X (data)': 3, 'id (data)': 'i' }
			});
			expect(back.getEdgeAttributes('e0')).toMatchObject({
				label: 'likes',
				claim: 'a likes b.',
				data: { 'kind (data)': 'k', 'Source (data)': 's', 'claim (data)': 'c', evidence: 's: Test' }
			});
		}
	});

	it('writes a numeric weight as the GEXF edge weight; a graph of undirected edges says so once', () => {
		const [file] = exportFiles(LES_MISERABLES, 'gexf', 'les-miserables');
		expect(file?.text).toContain('<graph defaultedgetype="undirected">');
		expect(file?.text).toContain('<edge id="131" source="55" target="11" weight="19" label="linked with">');
	});
});

describe('CSV and formulas', () => {
	it('neutraliseCell: an apostrophe before what a spreadsheet would run', () => {
		for (const formula of ['=1+1', '=HYPERLINK("x")', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=x\ny']) {
			expect(neutraliseCell(formula)).toBe(`'${formula}`);
		}
		for (const plain of ['plain', '', ' =x', "'=x", 'a=b', '-3', '-1.5e3', '0']) {
			expect(neutraliseCell(plain)).toBe(plain);
		}
	});

	it('neutralises a formula label, which reads back with its apostrophe; numbers stay numbers', () => {
		const graph = tinyGraph(['a>b:likes']);
		graph.setNodeAttribute('a', 'label', '=HYPERLINK("x")');
		graph.setNodeAttribute('a', 'data', { balance: -3, note: '-3', formula: '@x' });
		graph.setEdgeAttribute('e0', 'claim', '+1 says so');
		const files = exportFiles(graph, 'csv', 'tiny');
		const nodes = files[1]?.text ?? '';
		expect(nodes).toContain(`a,"'=HYPERLINK(""x"")",Person,0,0,#0072B2,-3,-3,'@x`);
		expect(files[0]?.text).toContain(`,'+1 says so,`);
		// No cell starts a formula.
		const cells = files.flatMap((file) => file.text.split(/[,\r\n]+/));
		expect(cells.filter((cell) => /^"?[=+@]/.test(cell))).toEqual([]);
		// What the explorer shows when the file is read back: the apostrophe, the accepted trade-off.
		const back = readBack(files);
		expect(back.getNodeAttribute('a', 'label')).toBe(`'=HYPERLINK("x")`);
		expect(back.getNodeAttribute('a', 'data')).toEqual({ balance: -3, note: -3, formula: "'@x" });
		expect(back.getEdgeAttribute('e0', 'claim')).toBe("'+1 says so");
	});
});

describe('tableCsv', () => {
	const columns: TableColumn[] = [
		{ id: 'label', name: 'Label', kind: 'text' },
		{ id: 'relationships', name: 'Relationships', kind: 'number' },
		{ id: 'data:member', name: 'member', kind: 'boolean' },
		{ id: 'data:note', name: 'note', kind: 'text' }
	];
	const row = (key: string, cells: TableRow['cells']): TableRow => ({ key, cells });
	/** The cells of a CSV as the CSV reader splits them (formats/csv.ts): one kind of line end, then papaparse. */
	const cellsOf = (text: string) =>
		Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
			delimiter: ',',
			newline: '\n',
			skipEmptyLines: true
		}).data;

	it('writes a header of the column names, then each row in order: numbers, yes/no, missing as empty', () => {
		const rows = [
			row('b', { label: 'Bea', relationships: 3, 'data:member': true, 'data:note': null }),
			row('a', { label: 'Ada', relationships: 0, 'data:member': false, 'data:note': 'first' })
		];
		expect(tableCsv(columns, rows)).toBe(
			'Label,Relationships,member,note\r\nBea,3,true,\r\nAda,0,false,first\r\n'
		);
	});

	it('writes the cells of its columns only, in their order, and missing ones empty', () => {
		const chosen = [columns[3], columns[0]] as TableColumn[];
		expect(tableCsv(chosen, [row('a', { label: 'Ada', relationships: 1 })])).toBe('note,Label\r\n,Ada\r\n');
	});

	it('writes the header alone for a table without rows, like the graph’s CSV without relationships', () => {
		expect(tableCsv(columns, [])).toBe('Label,Relationships,member,note\r\n');
		const [edges] = exportFiles(tinyGraph([], {}, ['a']), 'csv', 'lonely');
		expect(edges?.text).toBe('Source,Target,Type,Id\r\n');
	});

	it('neutralises what a spreadsheet would run, header names included; numbers stay numbers', () => {
		const formulas = ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '=HYPERLINK("x")'];
		const named: TableColumn[] = [
			{ id: 'label', name: 'Label', kind: 'text' },
			{ id: 'data:=cmd', name: '=cmd', kind: 'number' }
		];
		const rows = [
			...formulas.map((label, i) => row(`f${i}`, { label, 'data:=cmd': -3 })),
			row('n', { label: '-3', 'data:=cmd': -1.5 }),
			row('t', { label: '\tplain', 'data:=cmd': 0 })
		];
		const text = tableCsv(named, rows);
		expect(cellsOf(text)).toEqual([
			['Label', "'=cmd"],
			["'=1+1", '-3'],
			["'+cmd", '-3'],
			["'-2+3", '-3'],
			["'@SUM(A1)", '-3'],
			// Trimmed first, like every CSV the explorer writes (the reader trims anyway), then neutralised.
			["'=1", '-3'],
			["'=1", '-3'],
			[`'=HYPERLINK("x")`, '-3'],
			['-3', '-1.5'],
			['plain', '0']
		]);
		// No cell of the file starts a formula.
		expect(text.split(/[,\r\n]+/).filter((cell) => /^"?[=+@\t]/.test(cell))).toEqual([]);
	});

	it('quotes cells with quotes, commas and line ends, and they read back as they were', () => {
		const tricky = ['say "hi"', 'a, b', 'one\ntwo', 'one\r\ntwo', 'plain', 'Zoë 👩‍💻; x'];
		const text = tableCsv(
			[{ id: 'label', name: 'Name, full', kind: 'text' }],
			tricky.map((label, i) => row(`r${i}`, { label }))
		);
		expect(text).toContain('"Name, full"\r\n"say ""hi"""\r\n"a, b"\r\n"one\ntwo"\r\n');
		// The reader makes every line end `\n`, inside quotes too.
		expect(cellsOf(text)).toEqual([['Name, full'], ...tricky.map((label) => [label.replace(/\r\n/g, '\n')])]);
	});

	it('writes a graph’s entity table', () => {
		const graph = tinyGraph(['a>b:likes', 'b>c:likes']);
		graph.setNodeAttribute('a', 'data', { score: -2, note: '=x' });
		graph.setAttribute('dataKinds', {
			nodes: [
				['score', 'number'],
				['note', 'text']
			],
			edges: []
		});
		const table = entityTable(graph);
		expect(cellsOf(tableCsv(table.columns, table.rows))).toEqual([
			['Label', 'Type', 'Relationships', 'score', 'note'],
			['A', 'Person', '1', '-2', "'=x"],
			['B', 'Thing', '2', '', ''],
			['C', 'Thing', '1', '', '']
		]);
	});
});

describe('viewSubgraph', () => {
	const graph = tinyGraph(['a>b:likes', 'b>c:knows', 'c>a:likes', 'a>a:likes']);
	graph.setEdgeAttribute('e1', 'undirected', true);

	it('takes the speaker of an attributed relationship along, so that the part reads back', () => {
		const speaking = tinyGraph(['a>b:likes', 'b>c:knows']);
		speaking.mergeEdgeAttributes('e0', { modality: 'attributed', attributedTo: 'c' });
		const part = viewSubgraph(speaking, { nodes: new Set(['a', 'b']), edges: new Set(['e0']) });
		expect(part.nodes().sort()).toEqual(['a', 'b', 'c']);
		expect(part.size).toBe(1);
		expect(roundTrip(part, 'json', 'part').getEdgeAttribute('e0', 'attributedTo')).toBe('c');
	});

	it('leaves the graph’s stories out of a part, which may not hold what they name', () => {
		const told = tinyGraph(['a>b:likes', 'b>c:knows']);
		told.setAttribute('stories', [
			{ id: 'tour', title: 'A tour', steps: [{ title: 'One', text: 'From a to c.', entities: ['a', 'c'] }] }
		]);
		const part = viewSubgraph(told, { nodes: new Set(['a', 'b']), edges: new Set(['e0']) });
		expect(part.getAttribute('stories')).toBeUndefined();
		expect(roundTrip(part, 'json', 'part').order).toBe(2);
	});

	it('is the graph itself without a view', () => {
		expect(viewSubgraph(graph, null)).toBe(graph);
	});

	it('keeps only the entities and relationships shown, with their attributes and the graph attributes', () => {
		const part = viewSubgraph(graph, { nodes: new Set(['a', 'b', 'c']), edges: new Set(['e1', 'e3']) });
		expect(part).not.toBe(graph);
		expect(part.nodes()).toEqual(['a', 'b', 'c']);
		expect(part.edges()).toEqual(['e1', 'e3']);
		expect(part.extremities('e3')).toEqual(['a', 'a']);
		expect(part.getEdgeAttributes('e1')).toEqual(graph.getEdgeAttributes('e1'));
		expect(part.getNodeAttributes('b')).toEqual(graph.getNodeAttributes('b'));
		expect(part.getAttributes()).toEqual(graph.getAttributes());
		// A copy: changing the part leaves the graph as it was.
		part.setNodeAttribute('b', 'label', 'changed');
		expect(graph.getNodeAttribute('b', 'label')).toBe('B');
	});

	it('drops a relationship whose entity is not shown, and exports what is left', () => {
		const part = viewSubgraph(graph, { nodes: new Set(['a', 'b']), edges: new Set(['e0', 'e1', 'e2']) });
		expect(part.edges()).toEqual(['e0']);
		const back = roundTrip(part, 'json', 'tiny-view');
		expect(back.nodes()).toEqual(['a', 'b']);
		expect(back.edges()).toEqual(['e0']);
		expect(back.getAttribute('id')).toBe('tiny-view');
	});
});
