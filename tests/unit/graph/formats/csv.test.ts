/**
 * The CSV reader (src/lib/graph/formats/csv.ts): tables of edges, with or without a table of nodes, as Gephi,
 * Kumu, spreadsheets and scripts write them. First real files from public repositories and small files written
 * for one feature each (tests/fixtures/formats/csv, README.md there says where each comes from), then each
 * convention on a few lines, the problems as printed lines, and properties: any input gives a graph or
 * well-formed problems without touching Object.prototype, and graphs written with papaparse read back the same.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { csvReader, readCsv } from '../../../../src/lib/graph/formats/csv';
import type { ReadGraph, ReadResult } from '../../../../src/lib/graph/formats/reader';
import { loadGraph } from '../../../../src/lib/graph/load';
import {
	PROBLEM_CODES,
	type Problem,
	formatProblem,
	isProblemCode
} from '../../../../src/lib/graph/problems';

const FIXTURES = 'tests/fixtures/formats/csv';
const RUNS = 300;
const TIMEOUT = 60_000;

/** Reads a fixture the way the loader does: bytes, with the files beside it as companions. */
function readFixture(name: string): ReadResult {
	return readCsv(readFileSync(`${FIXTURES}/${name}`), `csv/${name}`, (companion) => {
		const path = `${FIXTURES}/${companion}`;
		return existsSync(path) ? readFileSync(path) : undefined;
	});
}

/** Reads text, with the given files as companions. */
function read(
	input: string | Uint8Array,
	file = 'g.edges.csv',
	companions: Record<string, string | Uint8Array> = {}
) {
	return readCsv(input, file, (name) => (Object.hasOwn(companions, name) ? companions[name] : undefined));
}

function graphOf(result: ReadResult): ReadGraph {
	if (!result.ok) throw new Error(`expected a graph, got:\n${result.problems.map(formatProblem).join('\n')}`);
	return result.value as ReadGraph;
}

/** The problems of a result as printed lines: errors of a refused file, warnings of a read one. */
function lines(result: ReadResult): string[] {
	return (result.ok ? (result.warnings ?? []) : result.problems).map(formatProblem);
}

describe('csvReader', () => {
	it('claims tables of edges, and tables of nodes as their companions', () => {
		expect(csvReader.id).toBe('csv');
		expect(csvReader.name).toBe('CSV');
		expect(csvReader.extensions).toEqual(['.edges.csv', '.csv']);
		expect(csvReader.companions).toEqual(['.nodes.csv']);
		expect(csvReader.read).toBe(readCsv);
	});
});

describe('real files', () => {
	it('a Gephi table of edges alone: nodes are its endpoints, in order of first appearance', () => {
		const result = readFixture('social-network.edges.csv');
		expect(lines(result)).toEqual([]);
		const graph = graphOf(result);
		expect(graph.options).toBeUndefined();
		expect(graph.nodes).toEqual(
			[
				'Barack_Obama',
				'Donald_Trump',
				'White_Nationalists',
				'Kamala_Harris',
				'Nick_Fuentes',
				'JB_Pritzker',
				'Adolf_Hitler',
				'John_Kelly',
				'Tim_Walz'
			].map((key) => ({ key }))
		);
		expect(graph.edges).toHaveLength(10);
		expect(graph.edges[0]).toEqual({
			source: 'Barack_Obama',
			target: 'Donald_Trump',
			attributes: { weight: 1 }
		});
	});

	it("igraph's tutorial pair: lowercase from/to and id, a Type of relationships, typed columns, a self-loop", () => {
		const graph = graphOf(readFixture('media.csv'));
		expect(graph.nodes).toHaveLength(17);
		expect(graph.nodes[0]).toEqual({
			key: 's01',
			attributes: { media: 'NY Times', 'media.type': 1, 'type.label': 'Newspaper', 'audience.size': 20 }
		});
		expect(graph.edges).toHaveLength(52);
		expect(graph.edges.slice(0, 2)).toEqual([
			{ source: 's01', target: 's02', attributes: { weight: 10, type: 'hyperlink' } },
			{ source: 's01', target: 's02', attributes: { weight: 12, type: 'hyperlink' } }
		]);
		expect(graph.edges).toContainEqual({
			source: 's06',
			target: 's06',
			attributes: { weight: 1, type: 'hyperlink' }
		});
		// A Type of other values than directed/undirected says nothing of direction.
		expect(graph.options).toBeUndefined();
		expect(graph.edges.every((edge) => edge.undirected === undefined)).toBe(true);
	});

	it('Kumu-style sheets saved as CSV: From/To connections, elements keyed by Label with a Type', () => {
		const graph = graphOf(readFixture('ukpn-ecosystem.csv'));
		expect(graph.nodes).toHaveLength(24);
		expect(graph.nodes.slice(0, 3)).toEqual([
			{ key: 'Asset', attributes: { label: 'Asset', type: 'Domain' } },
			{ key: 'Network', attributes: { label: 'Network', type: 'Domain' } },
			{ key: 'Asset Register', attributes: { label: 'Asset Register', type: 'Data Class' } }
		]);
		expect(graph.edges).toHaveLength(22);
		expect(graph.edges[0]).toEqual({ source: 'Asset', target: 'Asset Register' });
	});

	it('a semicolon pair from a Gephi workshop: quoted semicolons, numbers, empty cells, unknown endpoints kept', () => {
		const result = readFixture('letters.edges.csv');
		expect(lines(result)).toEqual([]);
		const graph = graphOf(result);
		expect(graph.nodes).toHaveLength(32);
		expect(graph.nodes[2]).toEqual({
			key: 'skp000233',
			attributes: {
				label: 'Adrien Auzout',
				'Type of Name': 'namedPerson',
				'Date of Birth': 1622,
				'Date of Death': 1691,
				Bio: 'French astronomer; mathematician; FRS',
				Languages: 'fra'
			}
		});
		expect(graph.nodes.at(-1)).toEqual({
			key: 'skp001653',
			attributes: {
				label: 'Académie des Sciences; Parijs',
				'Type of Name': 'organization-group',
				'Date of Birth': 0,
				'Date of Death': 0,
				Places: 'null|Londen',
				Languages: 'fra'
			}
		});
		expect(graph.edges).toHaveLength(54);
		expect(graph.edges[6]).toEqual({
			source: 'skp004781',
			target: 'skp006847',
			attributes: { 'Place of sending': 'Köln (de)' }
		});
		// The nodes file is a part of the original: edges to the others stay, for import to add their nodes.
		const keys = new Set(graph.nodes.map((node) => node.key));
		expect(keys.has('skp006847')).toBe(false);
		expect(graph.edges.filter((edge) => keys.has(edge.target)).map((edge) => edge.target)).toEqual([
			'skp000288',
			'skp001448'
		]);
	});

	it('names from a novel: ids with spaces, accents and apostrophes, parallel edges kept', () => {
		const graph = graphOf(readFixture('bovary.edges.csv'));
		expect(graph.edges).toHaveLength(71);
		expect(graph.nodes.slice(0, 4).map((node) => node.key)).toEqual([
			'Gustave',
			'Flaubert',
			'Madame Bovary',
			'Marie-Antoine-Jules Senard'
		]);
		expect(graph.nodes.map((node) => node.key)).toEqual(
			expect.arrayContaining(['Béranger', "Quoiqu'", 'M.'])
		);
		expect(graph.edges.filter((edge) => edge.source === 'Charles Bovary')).toEqual([
			{ source: 'Charles Bovary', target: 'Charbovari' },
			{ source: 'Charles Bovary', target: 'Charbovari' }
		]);
	});

	it('a table whose columns are src and dst is refused, naming the columns it has', () => {
		expect(lines(readFixture('pyvis-multigraph.csv'))).toEqual([
			'csv/pyvis-multigraph.csv: has no Source and Target columns (nor From and To) in its header row; its columns are "src", "dst", "type", "details"'
		]);
	});
});

describe('files written for one feature each', () => {
	it("Gephi's export: Type Undirected, edge ids, an empty timeset column, a numeric class", () => {
		const graph = graphOf(readFixture('lesmis.edges.csv'));
		expect(graph.options).toEqual({ type: 'undirected' });
		expect(graph.nodes[1]).toEqual({ key: '11', attributes: { label: 'Valjean', modularity_class: 1 } });
		expect(graph.edges[0]).toEqual({
			key: '0',
			source: '11',
			target: '0',
			undirected: true,
			attributes: { weight: 5 }
		});
	});

	it("Kumu's sheets: Direction directed/mutual/undirected, Type the relationship's, elements by Label", () => {
		const graph = graphOf(readFixture('kumu.edges.csv'));
		expect(graph.options).toEqual({ type: 'mixed' });
		expect(graph.nodes).toEqual([
			{
				key: 'Tea Board',
				attributes: {
					label: 'Tea Board',
					type: 'Organisation',
					Description: 'Regulates the trade, sets the reserve prices',
					Tags: 'regulator|public'
				}
			},
			{
				key: 'Smallholders',
				attributes: {
					label: 'Smallholders',
					type: 'Group',
					Description: 'Farmers with under 2 ha',
					Tags: 'farmers'
				}
			},
			{
				key: 'Auction',
				attributes: {
					label: 'Auction',
					type: 'Event',
					Description: 'The weekly auction in "Mombasa"',
					Tags: 'market'
				}
			},
			{
				key: 'Exporters',
				attributes: { label: 'Exporters', type: 'Organisation', Tags: 'traders|private' }
			}
		]);
		expect(graph.edges).toEqual([
			{ source: 'Tea Board', target: 'Auction', attributes: { type: 'regulates', Strength: 3 } },
			{
				source: 'Smallholders',
				target: 'Auction',
				attributes: { label: 'via brokers', type: 'sells at', Strength: 2 }
			},
			{ source: 'Auction', target: 'Exporters', attributes: { type: 'supplies', Strength: 1.5 } },
			{ source: 'Exporters', target: 'Tea Board', undirected: true, attributes: { type: 'negotiates with' } },
			{
				source: 'Smallholders',
				target: 'Exporters',
				undirected: true,
				attributes: { type: 'trust', Strength: 0.5 }
			}
		]);
	});

	it('a European Excel file: byte-order mark, \\r\\n, semicolons, decimal commas; 007 stays text', () => {
		const graph = graphOf(readFixture('decimal-commas.edges.csv'));
		expect(graph.nodes).toEqual([{ key: 'Zürich' }, { key: 'Genève' }, { key: 'Lyon' }]);
		expect(graph.edges.map((edge) => edge.attributes)).toEqual([
			{ weight: 1.5, Share: 0.25, Code: '007', Year: 2019 },
			{ weight: 2, Share: 1.125, Code: '010', Year: 2020 },
			{ weight: 12.75, Share: 0, Code: '100', Year: 2021 }
		]);
	});

	it('Excel\'s "Unicode text": UTF-16 LE with a byte-order mark, split by tabs', () => {
		const graph = graphOf(readFixture('utf16.edges.csv'));
		expect(graph.edges).toEqual([
			{ source: 'Łódź', target: 'Kraków', attributes: { label: 'pociąg' } },
			{ source: 'Kraków', target: 'Żabka', attributes: { label: 'sklep, mały' } },
			{ source: '東京', target: '大阪', attributes: { label: '新幹線' } }
		]);
	});

	it('Excel\'s "ANSI" (Windows-1252): accented names in both tables', () => {
		const graph = graphOf(readFixture('ansi.edges.csv'));
		expect(graph.nodes.slice(0, 2)).toEqual([
			{ key: 'Café Zürich', attributes: { label: 'Café in Zürich' } },
			{ key: 'Señor Müller', attributes: { label: 'Señor Müller' } }
		]);
		expect(graph.edges[0]?.source).toBe('Café Zürich');
	});

	// The letters Windows-1252 has where Latin-1 has control characters (€, “ ”, Œ): text.ts maps them itself,
	// since node 20.18.3 and later decode `windows-1252` as Latin-1 (nodejs/node#56542).
	it('Windows-1252: €, curly quotes and Œ', () => {
		const graph = graphOf(readFixture('ansi.edges.csv'));
		expect(graph.edges).toEqual([
			{ source: 'Café Zürich', target: 'Señor Müller', attributes: { label: '“friends”' } },
			{ source: 'Señor Müller', target: 'Œuvre à Paris', attributes: { label: 'costs 5 €' } }
		]);
	});

	it('quoted values with line breaks, commas and doubled quotes; an empty line skipped', () => {
		const graph = graphOf(readFixture('multiline.edges.csv'));
		expect(graph.edges).toEqual([
			{
				source: 'a',
				target: 'b',
				attributes: { label: 'first line\nsecond line', Note: 'she said "hi", then left' }
			},
			{ source: 'b, the second', target: 'a', attributes: { label: 'plain' } },
			{ source: 'c', target: 'd\ne', attributes: { label: 'x', Note: 'trailing, comma' } }
		]);
	});

	it('unicode ids and ids with spaces and commas, matched between the two tables', () => {
		const graph = graphOf(readFixture('unicode.edges.csv'));
		expect(graph.nodes).toEqual([
			{ key: 'São Paulo', attributes: { label: 'São Paulo', Country: 'Brasil' } },
			{ key: '東京', attributes: { label: 'Tōkyō', Country: '日本' } },
			{ key: 'Zürich HB', attributes: { label: 'Zürich Hauptbahnhof', Country: 'Schweiz' } },
			{ key: 'Saint-Étienne, Loire', attributes: { label: 'Saint-Étienne', Country: 'France' } },
			{ key: '🚂 depot', attributes: { label: 'Engine depot' } }
		]);
		expect(graph.edges).toEqual([
			{ source: 'São Paulo', target: '東京', attributes: { label: '✈ 18 h' } },
			{ source: '東京', target: 'Zürich HB' },
			{ source: 'Zürich HB', target: 'Saint-Étienne, Loire', attributes: { label: 'TGV' } },
			{ source: '🚂 depot', target: 'Zürich HB' }
		]);
	});
});

describe('columns', () => {
	it('are named without regard to case or surrounding spaces', () => {
		const graph = graphOf(read(' SOURCE ,target,  WeIgHt ,LABEL\na,b,2,x\n'));
		expect(graph.edges).toEqual([{ source: 'a', target: 'b', attributes: { weight: 2, label: 'x' } }]);
	});

	it('other columns keep their names as the header writes them, trimmed', () => {
		const graph = graphOf(read('Source,Target, Trade Volume (t) ,année\na,b,12,2020\n'));
		expect(graph.edges[0]?.attributes).toEqual({ 'Trade Volume (t)': 12, année: 2020 });
	});

	it('of the edges: Id is the key; Label, Weight, Colour; Source and Target win over From and To', () => {
		const graph = graphOf(read('Id,Source,Target,From,Label,Weight,Colour\ne1,a,b,x,rel,0.5,#ff0000\n'));
		expect(graph.edges).toEqual([
			{
				key: 'e1',
				source: 'a',
				target: 'b',
				attributes: { label: 'rel', weight: 0.5, color: '#ff0000', From: 'x' }
			}
		]);
	});

	it('of the nodes: Id, Label, Type or Category, X, Y, Size, Color', () => {
		const nodes = 'Id,Label,Category,X,Y,Size,Color,Population\n' + 'a,Alpha,city,-1.5,2,10,#123456,1200\n';
		const graph = graphOf(read('Source,Target\na,a\n', 'g.edges.csv', { 'g.nodes.csv': nodes }));
		expect(graph.nodes).toEqual([
			{
				key: 'a',
				attributes: {
					label: 'Alpha',
					type: 'city',
					x: -1.5,
					y: 2,
					size: 10,
					color: '#123456',
					Population: 1200
				}
			}
		]);
		const both = 'Id,Type,Category\na,city,capital\n';
		const typed = graphOf(read('Source,Target\na,a\n', 'g.edges.csv', { 'g.nodes.csv': both }));
		expect(typed.nodes[0]?.attributes).toEqual({ type: 'city', Category: 'capital' });
	});

	it('keys, labels, types and colours stay text even when every value is a number', () => {
		const nodes = 'Id,Label,Type,Color\n1,2,3,4\n';
		const graph = graphOf(
			read('Source,Target,Id,Label,Type\n1,1,5,6,7\n', 'g.edges.csv', { 'g.nodes.csv': nodes })
		);
		expect(graph.nodes).toEqual([{ key: '1', attributes: { label: '2', type: '3', color: '4' } }]);
		expect(graph.edges).toEqual([
			{ key: '5', source: '1', target: '1', attributes: { label: '6', type: '7' } }
		]);
	});
});

describe('direction', () => {
	it.each([
		['directed,DIRECTED,Directed', 'directed', [false, false, false]],
		['undirected,UNDIRECTED,Undirected', 'undirected', [true, true, true]],
		['Directed,undirected,', 'mixed', [false, true, false]]
	])("Gephi's Type %s says the graph is %s", (values, type, undirected) => {
		const rows = values.split(',').map((value, i) => `n${i},m${i},${value}`);
		const graph = graphOf(read(['Source,Target,Type', ...rows].join('\n')));
		expect(graph.options).toEqual({ type });
		expect(graph.edges.map((edge) => edge.undirected === true)).toEqual(undirected);
		expect(graph.edges.every((edge) => edge.attributes === undefined)).toBe(true);
	});

	it("with Gephi's Type saying the direction, Kind is the edge's type", () => {
		const graph = graphOf(read('Source,Target,Type,Kind\na,b,Undirected,friend\n'));
		expect(graph.edges).toEqual([
			{ source: 'a', target: 'b', undirected: true, attributes: { type: 'friend' } }
		]);
	});

	it('a Type of other values is the type, and a Kind beside it an attribute', () => {
		const graph = graphOf(read('Source,Target,Type,Kind\na,b,directed,x\nb,c,supplies,y\n'));
		expect(graph.options).toBeUndefined();
		expect(graph.edges.map((edge) => edge.attributes)).toEqual([
			{ type: 'directed', Kind: 'x' },
			{ type: 'supplies', Kind: 'y' }
		]);
	});

	it("Kumu's Direction: mutual and undirected are undirected, empty is directed", () => {
		const graph = graphOf(read('From,To,Direction\na,b,Mutual\nb,c,\nc,a,UNDIRECTED\n'));
		expect(graph.options).toEqual({ type: 'mixed' });
		expect(graph.edges.map((edge) => edge.undirected ?? false)).toEqual([true, false, true]);
	});

	it('a Direction of other values is an attribute, and Type may then say the direction', () => {
		const graph = graphOf(read('Source,Target,Direction,Type\na,b,north,undirected\n'));
		expect(graph.edges).toEqual([
			{ source: 'a', target: 'b', undirected: true, attributes: { Direction: 'north' } }
		]);
	});

	it('an empty Type column says nothing', () => {
		const graph = graphOf(read('Source,Target,Type\na,b,\n'));
		expect(graph.options).toBeUndefined();
		expect(graph.edges).toEqual([{ source: 'a', target: 'b' }]);
	});
});

describe('values', () => {
	const column = (values: string[], delimiter = ',') =>
		graphOf(
			read(
				['Source', 'Target', 'V'].join(delimiter) +
					'\n' +
					values.map((v, i) => [`s${i}`, `t${i}`, v].join(delimiter)).join('\n')
			)
		).edges.map((edge) => edge.attributes?.V);

	it.each([
		[
			['1', '-2.5', '3e2', '0', '-0.125', '1E-3'],
			[1, -2.5, 300, 0, -0.125, 0.001]
		],
		[
			['007', '12'],
			['007', '12']
		],
		[
			['+1', '2'],
			['+1', '2']
		],
		[
			['.5', '1'],
			['.5', '1']
		],
		[
			['1.', '1'],
			['1.', '1']
		],
		[
			['1e999', '1'],
			['1e999', '1']
		],
		[
			['1 000', '2'],
			['1 000', '2']
		],
		[
			['true', 'FALSE', 'True'],
			[true, false, true]
		],
		[
			['true', '1'],
			['true', '1']
		],
		[
			['yes', 'no'],
			['yes', 'no']
		],
		[
			['1', '', '2'],
			[1, undefined, 2]
		],
		[
			['', ''],
			[undefined, undefined]
		]
	])('a column of %j reads as %j', (values, expected) => expect(column(values)).toEqual(expected));

	it('decimal commas are numbers in a table split by semicolons, tabs or bars, text in one split by commas', () => {
		expect(column(['1,5', '2', '-0,25'], ';')).toEqual([1.5, 2, -0.25]);
		expect(column(['1,5', '2'], '\t')).toEqual([1.5, 2]);
		expect(column(['1,5', '2'], '|')).toEqual([1.5, 2]);
		expect(column(['"1,5"', '2'])).toEqual(['1,5', '2']);
		// One way of writing per column: 1.500 could be a thousand and a half.
		expect(column(['1,5', '1.5'], ';')).toEqual(['1,5', '1.5']);
		expect(column(['1.234,5'], ';')).toEqual(['1.234,5']);
	});

	it('cells are trimmed, quoted or not; an empty cell is an absent attribute', () => {
		const graph = graphOf(read('Source,Target,Label,Note\n  a ,"  b  " ,   ,"  "\n'));
		expect(graph.edges).toEqual([{ source: 'a', target: 'b' }]);
	});

	it('a quote opens a quoted value only at the very start of a cell (papaparse, as RFC 4180)', () => {
		const result = read('Source,Target\na, "b, c"\n');
		expect(graphOf(result).edges).toEqual([{ source: 'a', target: '"b' }]);
		expect(lines(result)).toEqual([
			'warning: g.edges.csv › row 2 › has 3 values but the header names 2 columns; the values past column 2 are left out at line 2'
		]);
	});
});

describe('text', () => {
	const utf8 = (text: string) => new TextEncoder().encode(text);
	const expected = [{ source: 'a', target: 'b', attributes: { label: 'é' } }];

	it.each([
		['a byte-order mark', '\uFEFFSource,Target,Label\na,b,é\n'],
		['\\r\\n line ends', 'Source,Target,Label\r\na,b,é\r\n'],
		['\\r line ends', 'Source,Target,Label\ra,b,é\r'],
		['mixed line ends', 'Source,Target,Label\r\na,b,é\n'],
		['no line end at the end', 'Source,Target,Label\na,b,é'],
		['empty lines and rows of empty cells', '\n\nSource,Target,Label\n\n,,\na,b,é\n , \n\n']
	])('reads %s', (_, text) => {
		expect(graphOf(read(text)).edges).toEqual(expected);
		expect(graphOf(read(utf8(text))).edges).toEqual(expected);
	});

	it.each([
		['commas', 'Source,Target,Label\na,b,"x;y"\n'],
		['semicolons', 'Source;Target;Label\na;b;x,y\n'],
		['tabs', 'Source\tTarget\tLabel\na\tb\tx;y\n'],
		['bars', 'Source|Target|Label\na|b|x,y\n'],
		["Excel's sep= line", 'sep=|\nSource|Target|Label\na|b|x,y\n']
	])('finds the delimiter: %s', (_, text) => {
		const label = graphOf(read(text)).edges[0]?.attributes?.label;
		expect(['x;y', 'x,y']).toContain(label);
	});

	it('takes the delimiter that splits the header into known columns, whatever the rows hold', () => {
		// A comma in a column name, a decimal comma in each row, rows of unequal length: papaparse, which looks for
		// the delimiter that splits every row alike, guesses the comma.
		const text = 'Source;Target;Weight, kg;Note\na;b;1,5\nc;d;2,5;late';
		expect(Papa.parse(text, { preview: 1 }).meta.delimiter).toBe(',');
		expect(graphOf(read(text)).edges).toEqual([
			{ source: 'a', target: 'b', attributes: { 'Weight, kg': 1.5 } },
			{ source: 'c', target: 'd', attributes: { 'Weight, kg': 2.5, Note: 'late' } }
		]);
	});

	it('reads UTF-16 big endian, and UTF-16 without a byte-order mark', () => {
		const text = 'Source\tTarget\nŁ\tb\n';
		const le = new Uint8Array([...text].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]));
		const be = new Uint8Array([
			0xfe,
			0xff,
			...[...text].flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])
		]);
		for (const bytes of [le, be]) {
			expect(graphOf(readCsv(bytes, 'g.csv')).edges).toEqual([{ source: 'Ł', target: 'b' }]);
		}
	});

	it('numbers rows as a spreadsheet does and gives the line where each row starts', () => {
		const text = 'Source,Target,Note\na,b,"two\nlines"\n\nc,,x\n"d\ne",,y\n';
		expect(lines(read(text))).toEqual([
			'warning: g.edges.csv › row 4 › Target: is empty; the row is left out (an edge needs a source and a target) at line 5',
			'warning: g.edges.csv › row 5 › Target: is empty; the row is left out (an edge needs a source and a target) at line 6'
		]);
		// Excel's hint line is a line of the file but no row of the table; a value's own line ends count, even
		// at its ends, which the value loses when it is trimmed.
		expect(lines(read('sep=;\r\nSource;Target;Note\r\na;b;"\r\nx\r\n"\r\nc;;y\r\n'))).toEqual([
			'warning: g.edges.csv › row 3 › Target: is empty; the row is left out (an edge needs a source and a target) at line 6'
		]);
	});
});

describe('nodes', () => {
	it('of a table of edges alone are its endpoints, in order of first appearance, without attributes', () => {
		const graph = graphOf(read('Source,Target\nc,a\na,b\nb,c\n'));
		expect(graph.nodes).toEqual([{ key: 'c' }, { key: 'a' }, { key: 'b' }]);
	});

	it('come from the table of nodes; edges to nodes it lacks are left for import to add', () => {
		const graph = graphOf(
			read('Source,Target\na,b\nb,z\n', 'g.edges.csv', { 'g.nodes.csv': 'Id\na\nb\nunused\n' })
		);
		expect(graph.nodes).toEqual([{ key: 'a' }, { key: 'b' }, { key: 'unused' }]);
		expect(graph.edges).toEqual([
			{ source: 'a', target: 'b' },
			{ source: 'b', target: 'z' }
		]);
	});

	it.each([
		['tea.edges.csv', 'tea.nodes.csv'],
		['tea.csv', 'tea.nodes.csv'],
		['graph-data/tea.edges.csv', 'tea.nodes.csv'],
		['C:\\graphs\\Tea.EDGES.CSV', 'Tea.nodes.csv'],
		['tea.trade.csv', 'tea.trade.nodes.csv']
	])('of %s are read from %s', (file, companion) => {
		const asked: string[] = [];
		readCsv('Source,Target\na,b\n', file, (name) => {
			asked.push(name);
			return undefined;
		});
		expect(asked).toEqual([companion]);
	});

	it('a table of nodes read on its own has no table of nodes beside it', () => {
		const asked: string[] = [];
		const result = readCsv('Id,Label\na,A\n', 'tea.nodes.csv', (name) => {
			asked.push(name);
			return undefined;
		});
		expect(asked).toEqual([]);
		expect(result.ok).toBe(false);
	});
});

describe('problems', () => {
	it('an empty file', () => {
		expect(lines(read(''))).toEqual([
			'g.edges.csv: is empty; a table of edges has a header row that names its columns (Source,Target,…) and a row for each edge'
		]);
		expect(lines(read(' ,, \n\n'))).toEqual(lines(read('')));
	});

	it('no Source and Target (nor From and To): the columns found, and a hint for a table of nodes', () => {
		expect(lines(read('Origin,Destination\na,b\n'))).toEqual([
			'g.edges.csv: has no Source and Target columns (nor From and To) in its header row; its columns are "Origin", "Destination"'
		]);
		expect(lines(read('Id,Label\na,A\n', 'g.csv'))).toEqual([
			'g.csv: has no Source and Target columns (nor From and To) in its header row; its columns are "Id", "Label". A table of nodes is read with its table of edges, as <id>.nodes.csv beside <id>.edges.csv'
		]);
		// A headerless edge list: its first edge is read as the header.
		expect(lines(read('a,b\nb,c\n'))).toEqual([
			'g.edges.csv: has no Source and Target columns (nor From and To) in its header row; its columns are "a", "b"'
		]);
	});

	it('a row without a source or a target is left out with a warning; the rest loads', () => {
		const result = read('Source,Target\na,b\n,c\nd,\n');
		expect(lines(result)).toEqual([
			'warning: g.edges.csv › row 3 › Source: is empty; the row is left out (an edge needs a source and a target) at line 3',
			'warning: g.edges.csv › row 4 › Target: is empty; the row is left out (an edge needs a source and a target) at line 4'
		]);
		expect(graphOf(result).edges).toEqual([{ source: 'a', target: 'b' }]);
	});

	it('past 100 rows left out, the rest are counted', () => {
		const rows = Array.from({ length: 150 }, (_, i) => `n${i},`);
		const result = read(['Source,Target', 'a,b', ...rows].join('\n'));
		const printed = lines(result);
		expect(printed).toHaveLength(101);
		expect(printed[99]).toBe(
			'warning: g.edges.csv › row 102 › Target: is empty; the row is left out (an edge needs a source and a target) at line 102'
		);
		expect(printed[100]).toBe('warning: g.edges.csv: and 50 more rows left out or cut short as above');
	});

	it('a quote never closed: the row, its column and where the quote opens', () => {
		expect(lines(read('Source,Target,Label\na,b,x\nc,d,"never\nclosed\n'))).toEqual([
			'g.edges.csv › row 3 › Label: has a quoted value that is never closed (a closing " is missing, so the rest of the file is read into it) at line 3, column 5'
		]);
	});

	it('text after a closing quote', () => {
		expect(lines(read('Source,Target,Label\na,b,"x"y"\n'))).toEqual([
			'g.edges.csv › row 2 › has text after the closing quote of a quoted value; inside a quoted value, write a " as "" at line 2, column 5'
		]);
	});

	it('two columns of one name, in any case', () => {
		expect(lines(read('Source,Target,Weight,weight\na,b,1,2\n'))).toEqual([
			'g.edges.csv › row 1 › weight: is the name of columns 3 and 4 (names are read without regard to case); give each column its own name at line 1'
		]);
	});

	it('values in a column without a name, or past the columns the header names, are left out', () => {
		const result = read('Source,Target,,Note,\na,b,x,n,\nc,d,,,,extra\n');
		expect(lines(result)).toEqual([
			'warning: g.edges.csv › row 1 › column 3 has no name; its values are left out at line 1',
			'warning: g.edges.csv › row 3 › has 6 values but the header names 5 columns; the values past column 5 are left out at line 3'
		]);
		expect(graphOf(result).edges.map((edge) => edge.attributes)).toEqual([{ Note: 'n' }, undefined]);
		// Spreadsheets pad rows with empty cells: no warning for those.
		expect(lines(read('Source,Target,,\na,b,,\nc,d,,,,\n'))).toEqual([]);
	});

	it('a column name that would break the printed line is quoted', () => {
		expect(lines(read('Source,Target,"a\nb","A\nB"\nx,y,1,2\n'))).toEqual([
			'g.edges.csv › row 1 › "A\\nB": is the name of columns 3 and 4 (names are read without regard to case); give each column its own name at line 1'
		]);
	});

	it('a table of nodes is reported under its own name, with its path', () => {
		const edges = 'Source,Target\na,b\n';
		const file = 'data/g.edges.csv';
		expect(lines(read(edges, file, { 'g.nodes.csv': 'Name,Kind\nx,y\n' }))).toEqual([
			'data/g.nodes.csv: has no Id column (nor Label) in its header row; its columns are "Name", "Kind"'
		]);
		expect(lines(read(edges, file, { 'g.nodes.csv': 'Id,Label\n"x,y\n' }))).toEqual([
			'data/g.nodes.csv › row 2 › Id: has a quoted value that is never closed (a closing " is missing, so the rest of the file is read into it) at line 2, column 1'
		]);
		expect(lines(read(edges, file, { 'g.nodes.csv': 'Id,Label\n,y\nb,B\n' }))).toEqual([
			'warning: data/g.nodes.csv › row 2 › Id: is empty; the row is left out (a node needs an id) at line 2'
		]);
		expect(lines(read('From,To\na,b\n', file, { 'g.nodes.csv': 'Label,Type\n,y\n' }))).toEqual([
			'warning: data/g.nodes.csv › row 2 › Label: is empty; the row is left out (a node needs a label) at line 2'
		]);
		expect(lines(read(edges, file, { 'g.nodes.csv': '  \n' }))).toEqual([
			'data/g.nodes.csv: is empty; a table of nodes has a header row that names its columns (Id,Label,…) and a row for each node'
		]);
		const unreadable = readCsv(edges, file, () => {
			throw new Error('EACCES: permission denied');
		});
		expect(lines(unreadable)).toEqual(['data/g.nodes.csv: could not be read: EACCES: permission denied']);
	});

	it('the problems of both tables come together', () => {
		const result = read('Source,Target\na,\nb,c\n', 'g.edges.csv', { 'g.nodes.csv': 'Id,id\nb,b\n' });
		expect(lines(result)).toEqual([
			'warning: g.edges.csv › row 2 › Target: is empty; the row is left out (an edge needs a source and a target) at line 2',
			'g.nodes.csv › row 1 › id: is the name of columns 1 and 2 (names are read without regard to case); give each column its own name at line 1'
		]);
		const warned = read('Source,Target,\na,,1\nb,c\n', 'g.edges.csv', {
			'g.nodes.csv': 'Id,Label\n\n,x\nb,B\n,\n'
		});
		expect(lines(warned)).toEqual([
			'warning: g.edges.csv › row 1 › column 3 has no name; its values are left out at line 1',
			'warning: g.edges.csv › row 2 › Target: is empty; the row is left out (an edge needs a source and a target) at line 2',
			'warning: g.nodes.csv › row 3 › Id: is empty; the row is left out (a node needs an id) at line 3'
		]);
		expect(graphOf(warned).nodes).toEqual([{ key: 'b', attributes: { label: 'B' } }]);
	});

	it('bytes that are not UTF-8 are read as Windows-1252', () => {
		const result = readCsv(
			new Uint8Array([
				0x53, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x2c, 0x54, 0x61, 0x72, 0x67, 0x65, 0x74, 0x0a, 0xff, 0x2c, 0x62
			]),
			'g.csv'
		);
		expect(graphOf(result).edges).toEqual([{ source: 'ÿ', target: 'b' }]);
	});

	it('a header and no rows is an empty graph', () => {
		expect(read('Source,Target,Weight\n')).toEqual({ ok: true, value: { nodes: [], edges: [] } });
	});
});

describe('a table longer than the explorer reads', () => {
	it('is refused as too many rows, the nodes table too', async () => {
		vi.resetModules();
		vi.doMock('../../../../src/lib/graph/rules', async (importOriginal) => {
			const rules = await importOriginal<typeof import('../../../../src/lib/graph/rules')>();
			return { ...rules, LIMITS: { ...rules.LIMITS, elements: 3 } };
		});
		try {
			const csv = await import('../../../../src/lib/graph/formats/csv');
			const edges = 'Source,Target\na,b\nb,c\n\nc,d\n';
			expect(lines(csv.readCsv(edges, 'g.edges.csv'))).toEqual([]);
			expect(lines(csv.readCsv(`${edges}d,e\n`, 'g.edges.csv'))).toEqual([
				'g.edges.csv: has more than 3 rows; the explorer reads at most 3 rows of a table'
			]);
			// The row at which the table is cut is read, with its quote problems; rows after it are not.
			expect(lines(csv.readCsv(`${edges}d,"e\n`, 'g.edges.csv'))).toEqual([
				'g.edges.csv › row 6 › Target: has a quoted value that is never closed (a closing " is missing, so the rest of the file is read into it) at line 6, column 3',
				'g.edges.csv: has more than 3 rows; the explorer reads at most 3 rows of a table'
			]);
			expect(lines(csv.readCsv(`${edges}d,e\ne,"f\n`, 'g.edges.csv'))).toEqual([
				'g.edges.csv: has more than 3 rows; the explorer reads at most 3 rows of a table'
			]);
			const nodes = () => 'Id\na\nb\nc\nd\n';
			expect(lines(csv.readCsv(edges, 'g.edges.csv', nodes))).toEqual([
				'g.nodes.csv: has more than 3 rows; the explorer reads at most 3 rows of a table'
			]);
		} finally {
			vi.doUnmock('../../../../src/lib/graph/rules');
			vi.resetModules();
		}
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

/** Checks that a result is a graph in the reader's shape with warnings, or problems: never anything else. */
function expectWellFormed(result: ReadResult, files: readonly string[]): void {
	const problems: Problem[] = result.ok ? (result.warnings ?? []) : result.problems;
	if (!result.ok) expect(problems.some((problem) => problem.severity === 'error')).toBe(true);
	for (const problem of problems) {
		expect(isProblemCode(problem.code)).toBe(true);
		expect(problem.severity).toBe(PROBLEM_CODES[problem.code]);
		if (result.ok) expect(problem.severity).toBe('warning');
		expect(files).toContain(problem.file);
		if (problem.where !== undefined) expect(problem.where).toMatch(/^row [1-9]\d*$/);
		if (problem.line !== undefined) expect(Number.isInteger(problem.line) && problem.line >= 1).toBe(true);
		expect(formatProblem(problem)).not.toMatch(/[\n\r\u2028\u2029]/);
	}
	if (!result.ok) return;
	const graph = result.value as ReadGraph;
	expect(Object.keys(graph).sort()).toEqual(
		graph.options ? ['edges', 'nodes', 'options'] : ['edges', 'nodes']
	);
	if (graph.options) expect(['directed', 'undirected', 'mixed']).toContain(graph.options.type);
	const expectValues = (attributes: Record<string, unknown> | undefined) => {
		if (attributes === undefined) return;
		expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
		expect(Object.keys(attributes).length).toBeGreaterThan(0);
		for (const value of Object.values(attributes)) {
			const ok =
				(typeof value === 'string' && value !== '') ||
				typeof value === 'boolean' ||
				(typeof value === 'number' && Number.isFinite(value));
			expect(ok).toBe(true);
		}
	};
	for (const node of graph.nodes) {
		expect(typeof node.key === 'string' && node.key !== '').toBe(true);
		expectValues(node.attributes);
	}
	for (const edge of graph.edges) {
		expect(typeof edge.source === 'string' && edge.source !== '').toBe(true);
		expect(typeof edge.target === 'string' && edge.target !== '').toBe(true);
		if (edge.key !== undefined) expect(edge.key).not.toBe('');
		if (edge.undirected !== undefined) expect(edge.undirected).toBe(true);
		expectValues(edge.attributes);
	}
}

function expectPrototypesUntouched(): void {
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_NAMES);
	expect(Object.getPrototypeOf({})).toBe(Object.prototype);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort();

/** The characters that make CSV what it is, and some that make text hard. */
const CSV_CHARACTERS = [
	',',
	';',
	'\t',
	'|',
	'"',
	'\n',
	'\r',
	'\r\n',
	' ',
	'a',
	'b',
	'1',
	'.',
	'-',
	'é',
	'東',
	'🚂',
	'\uFEFF'
];
const csvText = fc.string({ unit: fc.constantFrom(...CSV_CHARACTERS), maxLength: 200 });
const header = fc.constantFrom(
	'Source,Target',
	'From;To',
	'Id,Label',
	'Source\tTarget\tType',
	'sep=|\nSource|Target'
);

describe('any input', () => {
	const [edgesFile, nodesFile] = ['hostile.edges.csv', 'hostile.nodes.csv'];
	const files = [edgesFile, nodesFile];

	it(
		'gives a graph with warnings or well-formed problems, and never throws',
		() => {
			fc.assert(
				fc.property(
					fc.oneof(
						fc.string({ maxLength: 200 }),
						fc.string({ unit: 'binary', maxLength: 200 }),
						csvText,
						fc.tuple(header, csvText).map(([head, body]) => `${head}\n${body}`),
						fc.uint8Array({ maxLength: 200 })
					),
					fc.option(
						fc.oneof(
							csvText,
							fc.tuple(header, csvText).map(([head, body]) => `${head}\n${body}`)
						),
						{
							nil: undefined
						}
					),
					(input, nodes) => {
						const result = readCsv(input, edgesFile, (name) => (name === nodesFile ? nodes : undefined));
						expectWellFormed(result, files);
						expectPrototypesUntouched();
					}
				),
				{ numRuns: RUNS * 3 }
			);
		},
		TIMEOUT
	);

	const fixtures = [
		'kumu.edges.csv',
		'kumu.nodes.csv',
		'multiline.edges.csv',
		'letters.nodes.csv',
		'media.csv'
	].map((name) => readFileSync(`${FIXTURES}/${name}`, 'utf8'));
	const mutation = fc.record({
		at: fc.nat(),
		remove: fc.nat({ max: 8 }),
		insert: fc.string({ unit: fc.constantFrom(...CSV_CHARACTERS), maxLength: 4 })
	});

	it(
		'mutated real files: a graph or well-formed problems, never a throw',
		() => {
			fc.assert(
				fc.property(
					fc.constantFrom(...fixtures),
					fc.constantFrom(...fixtures),
					fc.array(mutation, { minLength: 1, maxLength: 6 }),
					(edges, nodes, mutations) => {
						let text = edges;
						for (const { at, remove, insert } of mutations) {
							const i = text.length === 0 ? 0 : at % text.length;
							text = text.slice(0, i) + insert + text.slice(i + remove);
						}
						const result = readCsv(text, edgesFile, (name) => (name === nodesFile ? nodes : undefined));
						expectWellFormed(result, files);
					}
				),
				{ numRuns: RUNS * 3 }
			);
		},
		TIMEOUT
	);

	it('columns named after Object.prototype are attributes like any other', () => {
		const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
		const edges = `Source,Target,${names.join(',')}\na,b,1,x,true,{},"[object]"\n`;
		const nodes = `Id,${names.join(',')}\n__proto__,{"polluted":1},c,d,e,f\nconstructor,,,,,\n`;
		const result = read(edges, 'g.edges.csv', { 'g.nodes.csv': nodes });
		expectPrototypesUntouched();
		const graph = graphOf(result);
		const [edge] = graph.edges;
		expect(Object.getPrototypeOf(edge?.attributes)).toBe(Object.prototype);
		expect(Object.getOwnPropertyNames(edge?.attributes)).toEqual(names);
		expect(Object.getOwnPropertyDescriptor(edge?.attributes, '__proto__')?.value).toBe(1);
		expect(edge?.attributes?.constructor).toBe('x');
		expect(graph.nodes.map((node) => node.key)).toEqual(['__proto__', 'constructor']);
		expect(Object.getOwnPropertyDescriptor(graph.nodes[0]?.attributes, '__proto__')?.value).toBe(
			'{"polluted":1}'
		);
		expect(graph.nodes[1]?.attributes).toBeUndefined();
		expectWellFormed(result, ['g.edges.csv', 'g.nodes.csv']);
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip: graphs written with papaparse's writer read back the same

type Value = string | number | boolean;
type ColumnKind = 'number' | 'boolean' | 'text';

/** Names the reader gives a meaning to: generated columns stay clear of them. */
const ROLES = new Set([
	'source',
	'target',
	'from',
	'to',
	'id',
	'label',
	'type',
	'kind',
	'direction',
	'weight',
	'color',
	'colour'
]);
const NODE_ROLES = new Set(['id', 'label', 'type', 'category', 'x', 'y', 'size', 'color', 'colour']);

/** Text the reader keeps as it is: trimmed already, no \r (line ends read as \n). */
const cellText = fc
	.string({
		unit: fc.oneof(
			fc.constantFrom(
				',',
				';',
				'"',
				'\n',
				'\t',
				'|',
				' ',
				"'",
				'é',
				'Ω',
				'東',
				'🚂',
				'a',
				'B',
				'0',
				'7',
				'.'
			),
			fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
		),
		minLength: 1,
		maxLength: 12
	})
	.filter((text) => text === text.trim() && !text.includes('\r'));
/** Text that no column typing takes for a number or a boolean. */
const plainText = cellText.filter((text) => !/^[-+\d.,eE]*$/.test(text) && !/^(?:true|false)$/i.test(text));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0));

interface GenColumn {
	name: string;
	kind: ColumnKind;
}

const columnsArb = (roles: ReadonlySet<string>) =>
	fc.uniqueArray(
		fc.record({
			name: plainText.filter((name) => !roles.has(name.toLowerCase()) && !/[,;\t|]/.test(name)),
			kind: fc.constantFrom<ColumnKind>('number', 'boolean', 'text')
		}),
		{ maxLength: 4, selector: (column) => column.name.toLowerCase() }
	);

function valueArb(kind: ColumnKind): fc.Arbitrary<Value | undefined> {
	const value: fc.Arbitrary<Value> =
		kind === 'number' ? finite : kind === 'boolean' ? fc.boolean() : plainText;
	return fc.option(value, { nil: undefined });
}

const valuesArb = (columns: readonly GenColumn[]) =>
	fc.tuple(...columns.map((column) => valueArb(column.kind)));

const graphArb = fc
	.record({
		nodeColumns: columnsArb(new Set([...ROLES, ...NODE_ROLES])),
		edgeColumns: columnsArb(ROLES),
		keys: fc.uniqueArray(cellText, { minLength: 1, maxLength: 8 })
	})
	.chain(({ nodeColumns, edgeColumns, keys }) =>
		fc.record({
			nodeColumns: fc.constant(nodeColumns),
			edgeColumns: fc.constant(edgeColumns),
			nodes: fc.tuple(
				...keys.map((key) =>
					fc.record({
						key: fc.constant(key),
						label: fc.option(cellText, { nil: undefined }),
						values: valuesArb(nodeColumns)
					})
				)
			),
			edges: fc.array(
				fc.record({
					source: fc.constantFrom(...keys),
					target: fc.constantFrom(...keys),
					key: fc.option(cellText, { nil: undefined }),
					undirected: fc.boolean(),
					direction: fc.constantFrom('Directed', 'directed', 'DIRECTED'),
					undirection: fc.constantFrom('Undirected', 'undirected', 'UNDIRECTED'),
					label: fc.option(cellText, { nil: undefined }),
					weight: fc.option(finite, { nil: undefined }),
					values: valuesArb(edgeColumns)
				}),
				{ maxLength: 10 }
			),
			delimiter: fc.constantFrom(',', ';', '\t', '|'),
			newline: fc.constantFrom('\n', '\r\n'),
			quotes: fc.boolean(),
			booleans: fc.constantFrom(
				{ yes: 'true', no: 'false' },
				{ yes: 'TRUE', no: 'FALSE' },
				{ yes: 'True', no: 'False' }
			)
		})
	);

function put(attributes: Record<string, unknown>, name: string, value: unknown): void {
	if (value === undefined) return;
	Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
}

describe('round trip', () => {
	it(
		'writing the tables with Papa.unparse and reading them back keeps nodes, edges, directions and values',
		() => {
			fc.assert(
				fc.property(graphArb, (generated) => {
					const { nodeColumns, edgeColumns, delimiter, newline, quotes, booleans } = generated;
					const cell = (value: Value | undefined): string =>
						value === undefined
							? ''
							: typeof value === 'boolean'
								? value
									? booleans.yes
									: booleans.no
								: String(value);
					const nodesCsv = Papa.unparse(
						{
							fields: ['Id', 'Label', ...nodeColumns.map((column) => column.name)],
							data: generated.nodes.map((node) => [node.key, cell(node.label), ...node.values.map(cell)])
						},
						{ delimiter, newline, quotes }
					);
					const edgesCsv = Papa.unparse(
						{
							fields: [
								'Source',
								'Target',
								'Type',
								'Id',
								'Label',
								'Weight',
								...edgeColumns.map((column) => column.name)
							],
							data: generated.edges.map((edge) => [
								edge.source,
								edge.target,
								edge.undirected ? edge.undirection : edge.direction,
								cell(edge.key),
								cell(edge.label),
								cell(edge.weight),
								...edge.values.map(cell)
							])
						},
						{ delimiter, newline, quotes }
					);

					const expected: ReadGraph = {
						nodes: generated.nodes.map((node) => {
							const attributes: Record<string, unknown> = {};
							put(attributes, 'label', node.label);
							nodeColumns.forEach((column, i) => put(attributes, column.name, node.values[i]));
							return Object.keys(attributes).length > 0 ? { key: node.key, attributes } : { key: node.key };
						}),
						edges: generated.edges.map((edge) => {
							const attributes: Record<string, unknown> = {};
							put(attributes, 'label', edge.label);
							put(attributes, 'weight', edge.weight);
							edgeColumns.forEach((column, i) => put(attributes, column.name, edge.values[i]));
							return {
								source: edge.source,
								target: edge.target,
								...(edge.key === undefined ? {} : { key: edge.key }),
								...(edge.undirected ? { undirected: true } : {}),
								...(Object.keys(attributes).length > 0 ? { attributes } : {})
							};
						})
					};
					const undirected = generated.edges.filter((edge) => edge.undirected).length;
					if (generated.edges.length > 0) {
						expected.options = {
							type:
								undirected === 0 ? 'directed' : undirected === generated.edges.length ? 'undirected' : 'mixed'
						};
					}

					const result = read(edgesCsv, 'g.edges.csv', { 'g.nodes.csv': nodesCsv });
					expect(lines(result)).toEqual([]);
					expect(graphOf(result)).toEqual(expected);
				}),
				{ numRuns: RUNS }
			);
		},
		TIMEOUT
	);
});

describe('a CSV with a million empty rows', () => {
	it('reads the one edge it has, quietly, whatever the empty rows hold', () => {
		for (const empty of [',\n', '\n', ' , \n']) {
			const result = loadGraph(`Source,Target\na,b\n${empty.repeat(1_000_000)}`, 'million.edges.csv');
			expect(result.ok && result.graph.size, JSON.stringify(empty)).toBe(1);
		}
	});
});
