/**
 * The registry of input formats (src/lib/graph/formats/index.ts): which reader reads a file, and what a file
 * name says about its graph id.
 */
import { describe, expect, it } from 'vitest';
import {
	describeFormats,
	graphFileExtensions,
	graphIdFromFileName,
	graphReaders,
	isCompanionFile,
	readerFor
} from '../../../../src/lib/graph/formats';
import { jsonReader } from '../../../../src/lib/graph/formats/json';
import { loadGraph } from '../../../../src/lib/graph/load';

describe('the readers', () => {
	it('have unique ids and claim lowercase extensions, each claimed once', () => {
		const readers = graphReaders();
		expect(readers.length).toBeGreaterThan(0);
		expect(new Set(readers.map((reader) => reader.id)).size).toBe(readers.length);
		const extensions = graphFileExtensions();
		expect(new Set(extensions).size).toBe(extensions.length);
		for (const extension of extensions) expect(extension).toMatch(/^(\.[a-z0-9]+)+$/);
	});

	it('are JSON, GEXF, GraphML, CSV and RDF, in that order', () => {
		expect(graphReaders().map((reader) => reader.id)).toEqual(['json', 'gexf', 'graphml', 'csv', 'rdf']);
		expect(graphReaders()[0]).toBe(jsonReader);
		expect(graphFileExtensions()).toEqual([
			'.json',
			'.gexf',
			'.graphml',
			'.edges.csv',
			'.csv',
			'.ttl',
			'.nt'
		]);
		expect(describeFormats()).toBe(
			'.json (JSON), .gexf (GEXF), .graphml (GraphML), .edges.csv, .csv (CSV), .ttl, .nt (RDF (Turtle, N-Triples))'
		);
	});

	it('leave companion files to the file they go with', () => {
		expect(readerFor('tea.nodes.csv')).toBeUndefined();
		expect(isCompanionFile('graph-data/TEA.NODES.CSV')).toBe(true);
		expect(readerFor('tea.edges.csv')?.id).toBe('csv');
		expect(graphIdFromFileName('tea.edges.csv')).toBe('tea');
	});
});

describe('readerFor', () => {
	it.each(['tea.json', 'TEA.JSON', 'graph-data/tea.json', 'C:\\graphs\\tea.Json', '.json'])(
		'%s is read as JSON',
		(file) => expect(readerFor(file)).toBe(jsonReader)
	);
	it.each(['tea', 'tea.txt', 'tea.json.gz', 'tea.jsonl', 'json', 'tea.json/'])('%j has no reader', (file) =>
		expect(readerFor(file)).toBeUndefined()
	);
});

describe('graphIdFromFileName', () => {
	it.each([
		['tea-trade.json', 'tea-trade'],
		['graph-data/tea-trade.json', 'tea-trade'],
		['C:\\graphs\\tea-trade.JSON', 'tea-trade'],
		['/api/graphs/tea-trade.json', 'tea-trade'],
		['tea.trade.json', 'tea.trade'],
		['tea-trade.txt', 'tea-trade.txt'],
		['tea-trade', 'tea-trade']
	])('%s is %s', (file, id) => expect(graphIdFromFileName(file)).toBe(id));
});

describe('loadGraph and the registry', () => {
	it('names the formats there are when no reader claims a file', () => {
		const result = loadGraph('{}', 'tea-trade.yaml');
		expect(result.ok ? [] : result.problems).toEqual([
			{
				severity: 'error',
				code: 'file.unknown-format',
				file: 'tea-trade.yaml',
				message: `is not in a format the explorer reads; graph files end in ${describeFormats()}`
			}
		]);
	});
});
