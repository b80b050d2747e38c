/**
 * The GEXF reader (src/lib/graph/formats/gexf.ts): real files from Gephi, NetworkX and others, each feature of
 * GEXF 1.1 to 1.3 from a small fixture, the problems it reports (by their printed lines), and properties: it never
 * throws and leaves Object.prototype alone, whatever the input; what graphology-gexf writes, it reads back.
 */
import fc from 'fast-check';
import Graph from 'graphology';
import { write } from 'graphology-gexf';
import { describe, expect, it, vi } from 'vitest';
import { gexfReader, readGexf } from '../../../../src/lib/graph/formats/gexf';
import { isReservedName } from '../../../../src/lib/graph/rules';
import {
	damaged,
	expectPrototypeUntouched,
	expectWellFormed,
	fixture,
	fixtureNames,
	fixtureText,
	forbidConsoleOutput,
	hostileName,
	printed,
	printedWarnings,
	readValue
} from './xml-readers';

const read = (path: string) => readValue(readGexf(fixture(`gexf/${path}`), path));
const node = (graph: ReturnType<typeof read>, key: string) => graph.nodes.find((n) => n.key === key);

describe('gexfReader', () => {
	it('claims .gexf files', () => {
		expect(gexfReader.id).toBe('gexf');
		expect(gexfReader.name).toBe('GEXF');
		expect(gexfReader.extensions).toEqual(['.gexf']);
		expect(gexfReader.read).toBe(readGexf);
	});
});

describe('readGexf: files from other tools', () => {
	forbidConsoleOutput();

	it('reads a Gephi 0.9 export (GEXF 1.3): typed attributes, viz colour, size and position, weights', () => {
		const graph = read('gephi-0.9-les-miserables-excerpt.gexf');
		expect(graph.attributes).toEqual({ creator: 'Gephi 0.9', lastModifiedDate: '2016-11-09' });
		expect(graph.options).toEqual({ type: 'undirected', multi: false, allowSelfLoops: true });
		expect(graph.nodes).toHaveLength(14);
		expect(graph.edges).toHaveLength(73);
		expect(graph.nodes[0]).toEqual({
			key: '11',
			attributes: {
				label: 'Valjean',
				modularity_class: 1,
				color: 'rgb(245,91,91)',
				size: 100,
				x: -87.93029,
				y: 6.8120565
			}
		});
		expect(graph.edges[0]).toEqual({ key: '112', source: '48', target: '11', undirected: true });
		expect(graph.edges[1]).toEqual({
			key: '131',
			source: '55',
			target: '11',
			undirected: true,
			attributes: { weight: 19 }
		});
	});

	it('reads a GEXF 1.1 file: capitalised meta, ids that look like numbers, edge viz', () => {
		const graph = read('graphology-1.1-edge-viz.gexf');
		expect(graph.attributes).toEqual({
			creator: 'Yomguithereal',
			title: 'An edge viz test graph',
			lastModifiedDate: '2010-05-29+01:27'
		});
		expect(graph.options.type).toBe('directed');
		expect(node(graph, '0.0')?.attributes).toEqual({
			label: 'Myriel',
			authority: 0.01880342,
			hub: 0.01880342,
			color: 'rgb(216,72,45)',
			size: 22.714287,
			x: 268.72385,
			y: 91.18155,
			z: 0
		});
		expect(graph.edges).toEqual([
			{
				key: '0',
				source: '1.0',
				target: '0.0',
				attributes: { color: 'rgba(179,0,0,0.5)', thickness: 2, shape: 'dotted' }
			}
		]);
	});

	it('reads a NetworkX 2.4 export: numbered attributes by their titles, booleans', () => {
		const graph = read('networkx-2.4.gexf');
		expect(graph.attributes).toEqual({ creator: 'NetworkX 2.4', lastModifiedDate: '2020-03-30' });
		expect(graph.options.type).toBe('directed');
		expect(graph.nodes).toHaveLength(9);
		expect(graph.edges).toHaveLength(9);
		expect(node(graph, '2')?.attributes).toEqual({
			label: '2',
			type: 'answer',
			color: 'g',
			text: 'Tacke svakih 10m',
			positive: true
		});
		expect(node(graph, '0')?.attributes?.positive).toBeUndefined();
	});

	it('reads a polinode.com export: string attributes on nodes and edges', () => {
		const graph = read('polinode-survey.gexf');
		expect(graph.attributes).toEqual({
			creator: 'polinode.com',
			description: 'Survey One',
			lastModifiedDate: '02-05-2014'
		});
		expect(graph.nodes).toHaveLength(10);
		expect(graph.edges).toHaveLength(20);
		expect(graph.nodes[0]?.attributes).toEqual({
			label: '1',
			name: 'Britta Witzel',
			status: 'Submitted',
			list: 'Respondent',
			Gender: 'Female',
			Position: 'VP'
		});
		expect(graph.edges[0]?.attributes).toEqual({ Q1: 'true' });
	});

	it('reads a mixed graph: directed by default, one edge undirected; edge labels and weights', () => {
		const graph = read('graphology-mixed.gexf');
		expect(graph.attributes).toEqual({
			creator: 'Yomguithereal',
			description: 'A mixed graph',
			lastModifiedDate: '2009-03-20'
		});
		expect(graph.options.type).toBe('mixed');
		expect(graph.edges).toEqual([
			{ key: '1', source: '1', target: '2' },
			{ key: '2', source: '2', target: '3', attributes: { label: 'Nice edge', weight: 4.56 } },
			{ key: '3', source: '3', target: '1', undirected: true }
		]);
	});

	it('reads GEXF 1.3 lists (joined), hex colours and edge kinds', () => {
		const graph = read('graphology-v1_3.gexf');
		expect(node(graph, 'Suzy')?.attributes).toEqual({
			label: 'Suzy',
			pipe: 'a; b; c',
			comma: 'a; b; c',
			raw: 'a; b; c',
			single: "a; 'b'; c",
			double: 'a; b; c',
			mixed: 'a; b; c',
			booleans: 'true; false; false',
			numbers: '1; 1.5; 2',
			color: '#ff00ff'
		});
		expect(graph.edges).toEqual([
			{ source: 'John', target: 'Suzy', undirected: true, attributes: { kind: 'likes' } }
		]);
	});

	it('applies typed defaults where a node leaves a value out', () => {
		const graph = read('graphology-liststring.gexf');
		expect(graph.nodes.map((n) => n.attributes?.frog)).toEqual([true, true, true, false]);
		expect(node(graph, '3')?.attributes?.types).toBe('wines; idea; cooking');
	});
});

describe('readGexf: features', () => {
	forbidConsoleOutput();

	it('takes edges as undirected when the graph does not say (GEXF’s default), with the meta', () => {
		const graph = read('undirected-default.gexf');
		expect(graph.attributes).toEqual({
			creator: 'written by hand',
			title: 'Tea routes',
			description: "No defaultedgetype: GEXF's default is undirected.",
			keywords: 'tea, routes',
			lastModifiedDate: '2026-12-01'
		});
		expect(graph.options.type).toBe('undirected');
		expect(graph.edges).toEqual([
			{ key: 'e1', source: 'canton', target: 'london', undirected: true, attributes: { weight: 3 } },
			{
				key: 'e2',
				source: 'london',
				target: 'boston',
				undirected: true,
				attributes: { label: 'shipped to', weight: 1.5 }
			}
		]);
	});

	it('reads mutual edges, by default or their own, as undirected', () => {
		const graph = read('mutual.gexf');
		expect(graph.options.type).toBe('mixed');
		expect(graph.edges).toEqual([
			{ key: 'ab', source: 'a', target: 'b', undirected: true },
			{ key: 'bc', source: 'b', target: 'c' },
			{ key: 'ca', source: 'c', target: 'a', undirected: true }
		]);
	});

	it('keeps parallel edges and self-loops, and gives no key to an edge without an id', () => {
		const graph = read('multi.gexf');
		expect(graph.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
		expect(graph.edges.map((e) => [e.key, e.source, e.target, e.attributes?.label])).toEqual([
			['1', 'a', 'b', 'sells to'],
			['2', 'a', 'b', 'buys from'],
			['3', 'b', 'a', undefined],
			['4', 'a', 'a', 'itself'],
			[undefined, 'b', 'b', undefined]
		]);
		expect(graph.edges[4]).not.toHaveProperty('key');
	});

	it('types attribute values as declared, with defaults, across several <attributes> of a class', () => {
		const result = readGexf(fixture('gexf/typed-attributes.gexf'), 'typed-attributes.gexf');
		const graph = readValue(result);
		expect(node(graph, 'assam')?.attributes).toEqual({
			label: 'Assam',
			count: 12,
			population: 31169272,
			share: 0.52,
			score: 4.5,
			organic: true,
			region: 'India',
			harvests: '3; 5; 7',
			founded: '1839-01-01',
			homepage: 'https://example.org/assam',
			price: 3.25
		});
		// An empty number is no value (its default applies), not 0; a value that is not a number is left out.
		expect(node(graph, 'yunnan')?.attributes).toEqual({
			label: 'Yunnan',
			count: 0,
			organic: false,
			region: 'unknown'
		});
		// graphology-gexf names an attribute by its id unless the id is a number (then by its title).
		expect(graph.edges[0]?.attributes).toEqual({ q: 'fine', t: 2.5 });
		expect(printedWarnings(result)).toEqual([
			'warning: typed-attributes.gexf: left out a value of "share" that is not a finite number'
		]);
	});

	it('keeps unicode ids and ids with spaces as the file writes them', () => {
		const graph = read('unicode-ids.gexf');
		expect(graph.nodes.map((n) => n.key)).toEqual(['東京', 'café au lait', 'Ελλάδα', '🍵 tea', ' padded ']);
		expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
			['東京', 'café au lait'],
			['Ελλάδα', '🍵 tea'],
			[' padded ', '東京']
		]);
	});

	it('reads UTF-16, little endian with a byte-order mark and big endian without', () => {
		const utf8 = read('unicode-ids.gexf');
		expect(read('utf16le-bom.gexf')).toEqual(utf8);
		expect(read('utf16be.gexf')).toEqual(utf8);
	});

	it('hands over the positions, sizes and colours a file has, and leaves out broken ones', () => {
		const graph = read('missing-positions.gexf');
		expect(graph.nodes).toEqual([
			{ key: 'a', attributes: { label: 'placed', color: 'rgb(255,0,0)', size: 4, x: 10.5, y: -3 } },
			{ key: 'b', attributes: { label: 'unplaced' } },
			{ key: 'c', attributes: { label: 'half placed', x: 7 } }
		]);
	});

	it('keeps edges to nodes the file does not declare, without adding the nodes (import.ts does)', () => {
		const graph = read('missing-positions.gexf');
		expect(graph.nodes.map((n) => n.key)).toEqual(['a', 'b', 'c']);
		expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
			['a', 'b'],
			['b', 'ghost'],
			['ghost', 'phantom']
		]);
	});

	it('reads a hierarchy of nodes as one graph, each node with its own attributes', () => {
		const graph = read('hierarchy.gexf');
		expect(graph.nodes).toEqual([
			{ key: 'asia', attributes: { label: 'Asia', level: 'continent' } },
			{ key: 'china', attributes: { label: 'China', level: 'country', color: 'rgb(200,0,0)' } },
			{ key: 'india', attributes: { label: 'India' } }
		]);
		expect(graph.edges).toEqual([{ source: 'china', target: 'india' }]);
	});

	it('skips attributes named like properties of Object.prototype, and keeps such ids for import.ts to judge', () => {
		const result = readGexf(fixture('gexf/reserved-names.gexf'), 'reserved-names.gexf');
		const graph = readValue(result);
		expect(graph.nodes).toEqual([
			{ key: '__proto__', attributes: { label: 'Prototype', kept: 'yes' } },
			{ key: 'constructor' }
		]);
		expect(graph.edges).toEqual([{ key: '__proto__', source: '__proto__', target: 'constructor' }]);
		expect(printedWarnings(result)).toEqual([
			'warning: reserved-names.gexf: skipped the attribute "__proto__": it is a name JavaScript objects have already; rename it at line 5, column 7',
			'warning: reserved-names.gexf: skipped the attribute "constructor": it is a name JavaScript objects have already; rename it at line 6, column 7',
			'warning: reserved-names.gexf: skipped the attribute "hasOwnProperty": it is a name JavaScript objects have already; rename it at line 8, column 7',
			'warning: reserved-names.gexf: skipped the attribute "toString": it is a name JavaScript objects have already; rename it at line 17, column 11'
		]);
		expectPrototypeUntouched();
	});

	it('skips nodes without an id and edges without both ends, with one warning for each kind', () => {
		const text = [
			'<gexf version="1.3">',
			'  <graph defaultedgetype="directed">',
			'    <nodes><node id="a"/><node label="no id"/><node id=""/></nodes>',
			'    <edges>',
			'      <edge source="a"/>',
			'      <edge source="a" target="a"/>',
			'    </edges>',
			'  </graph>',
			'</gexf>'
		].join('\n');
		const result = readGexf(text, 'x.gexf');
		expect(readValue(result).nodes).toEqual([{ key: 'a' }]);
		expect(readValue(result).edges).toEqual([{ source: 'a', target: 'a' }]);
		expect(printedWarnings(result)).toEqual([
			'warning: x.gexf: skipped 2 <node> elements without an id, the first at line 3, column 26',
			'warning: x.gexf: skipped an <edge> without a source or a target at line 5, column 7'
		]);
	});

	it('reads a meta with a comment in it (graphology-gexf alone fails on it)', () => {
		const graph = readValue(
			readGexf('<gexf><meta><!-- by hand --><creator> me </creator></meta><graph/></gexf>', 'x.gexf')
		);
		expect(graph.attributes).toEqual({ creator: 'me' });
		expect(graph.options.type).toBe('undirected');
	});

	it('reads attribute values written right in a node, as some files have them', () => {
		const text =
			'<gexf><graph><attributes class="node"><attribute id="0" title="group" type="integer"/></attributes>' +
			'<nodes><node id="a"><attvalue for="0" value="3"/></node></nodes></graph></gexf>';
		expect(readValue(readGexf(text, 'x.gexf')).nodes).toEqual([{ key: 'a', attributes: { group: 3 } }]);
	});
});

describe('readGexf: problems', () => {
	forbidConsoleOutput();

	it('refuses a file without <graph>', () => {
		expect(printed(readGexf('<?xml version="1.0"?>\n<gexf version="1.3">\n</gexf>', 'x.gexf'))).toEqual([
			'x.gexf: has no <graph> element; a GEXF file is <gexf><graph><nodes>…</nodes><edges>…</edges></graph></gexf> at line 2, column 1'
		]);
	});

	it('refuses a file of another format', () => {
		expect(printed(readGexf(fixture('graphml/networkx-fourpath.graphml'), 'x.gexf'))).toEqual([
			'x.gexf: is not a GEXF file: its root element is <graphml>, not <gexf> at line 2, column 1'
		]);
	});

	it('refuses ids used twice and edge types GEXF does not have, each where it is', () => {
		const text = [
			'<gexf>',
			'  <graph defaultedgetype="sideways">',
			'    <nodes><node id="a"/><node id="a"/></nodes>',
			'    <edges>',
			'      <edge id="e" source="a" target="a"/>',
			'      <edge id="e" source="a" target="a" type="bidirected"/>',
			'    </edges>',
			'  </graph>',
			'</gexf>'
		].join('\n');
		expect(printed(readGexf(text, 'x.gexf'))).toEqual([
			'x.gexf: defaultedgetype "sideways" is not a GEXF edge type (directed, undirected, mutual) at line 2, column 3',
			'x.gexf: the node id "a" is used twice at line 3, column 26',
			'x.gexf: type "bidirected" is not a GEXF edge type (directed, undirected, mutual) at line 6, column 7',
			'x.gexf: the edge id "e" is used twice at line 6, column 7'
		]);
	});

	it('locates a syntax error and says a truncated file looks cut short', () => {
		expect(printed(readGexf(fixture('hostile/truncated.gexf'), 'truncated.gexf'))).toEqual([
			'truncated.gexf: is not well-formed XML: <gexf> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 2, column 1'
		]);
		const text =
			'<gexf>\n  <graph>\n    <nodes>\n      <node id="a" label="x>\n    </nodes>\n  </graph>\n</gexf>';
		expect(printed(readGexf(text, 'x.gexf'))).toEqual([
			'x.gexf: is not well-formed XML: an attribute value has no closing quote at line 4, column 7'
		]);
	});

	it('refuses DOCTYPEs and entities quickly, an entity bomb included', () => {
		for (const name of ['billion-laughs.gexf', 'external-entity.gexf']) {
			const started = performance.now();
			expect(printed(readGexf(fixture(`hostile/${name}`), name))).toEqual([
				`${name}: declares a DOCTYPE (<!DOCTYPE …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 1`
			]);
			expect(performance.now() - started).toBeLessThan(100);
		}
	});

	it('turns an exception of graphology-gexf into a problem', async () => {
		vi.resetModules();
		vi.doMock('graphology-gexf', () => ({
			parse: () => {
				throw new Error('graphology-gexf/parser: something unforeseen');
			}
		}));
		try {
			const { readGexf: mocked } = await import('../../../../src/lib/graph/formats/gexf');
			expect(printed(mocked('<gexf><graph/></gexf>', 'x.gexf'))).toEqual([
				'x.gexf: could not be read as GEXF: something unforeseen'
			]);
		} finally {
			vi.doUnmock('graphology-gexf');
			vi.resetModules();
		}
	});
});

describe('readGexf: properties', () => {
	forbidConsoleOutput();
	const texts = fixtureNames('gexf', '.gexf')
		.filter((name) => !name.startsWith('utf16'))
		.map((name) => fixtureText(`gexf/${name}`));

	it('never throws on any text or bytes, and answers with well-formed problems or graph data', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array()), (input) => {
				expectWellFormed(readGexf(input, 'x.gexf'), 'x.gexf');
				expectPrototypeUntouched();
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on damaged copies of real files', () => {
		fc.assert(
			fc.property(damaged(texts), (text) => {
				expectWellFormed(readGexf(text, 'x.gexf'), 'x.gexf');
				expectPrototypeUntouched();
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on well-formed GEXF with hostile ids, names, types and values', () => {
		const attribute = fc.record({ id: hostileName, title: hostileName, type: hostileName });
		const element = fc.record({
			id: fc.option(hostileName),
			source: hostileName,
			target: hostileName,
			type: fc.option(hostileName),
			values: fc.array(fc.record({ for: hostileName, value: fc.option(hostileName) }), { maxLength: 3 }),
			viz: fc.array(fc.record({ name: fc.constantFrom('color', 'size', 'position'), value: hostileName }), {
				maxLength: 2
			})
		});
		fc.assert(
			fc.property(
				fc.record({
					defaultType: fc.option(hostileName),
					meta: fc.array(
						fc.tuple(fc.constantFrom('title', 'creator', 'constructor', '__proto__'), hostileName),
						{
							maxLength: 2
						}
					),
					attributes: fc.array(attribute, { maxLength: 3 }),
					nodes: fc.array(element, { maxLength: 5 }),
					edges: fc.array(element, { maxLength: 5 })
				}),
				(spec) => {
					const values = (e: {
						values: { for: string; value: string | null }[];
						viz: { name: string; value: string }[];
					}) =>
						`<attvalues>${e.values.map((v) => `<attvalue for="${v.for}"${v.value === null ? '' : ` value="${v.value}"`}/>`).join('')}</attvalues>` +
						e.viz.map((v) => `<viz:${v.name} value="${v.value}" r="${v.value}" x="${v.value}"/>`).join('');
					const text =
						`<gexf xmlns:viz="http://gexf.net/1.3/viz"><meta>${spec.meta.map(([t, v]) => `<${t}>${v}</${t}>`).join('')}</meta>` +
						`<graph${spec.defaultType === null ? '' : ` defaultedgetype="${spec.defaultType}"`}>` +
						`<attributes class="node">${spec.attributes.map((a) => `<attribute id="${a.id}" title="${a.title}" type="${a.type}"><default>${a.title}</default></attribute>`).join('')}</attributes>` +
						`<nodes>${spec.nodes.map((n) => `<node${n.id === null ? '' : ` id="${n.id}"`} label="${n.source}">${values(n)}</node>`).join('')}</nodes>` +
						`<edges>${spec.edges.map((e) => `<edge${e.id === null ? '' : ` id="${e.id}"`} source="${e.source}" target="${e.target}"${e.type === null ? '' : ` type="${e.type}"`} weight="${e.target}">${values(e)}</edge>`).join('')}</edges>` +
						'</graph></gexf>';
					expectWellFormed(readGexf(text, 'x.gexf'), 'x.gexf');
					expectPrototypeUntouched();
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reads back what graphology-gexf writes: nodes, edges, directions and typed attribute values', () => {
		const text = fc.string({
			unit: fc.constantFrom(...('abcXYZ019 _-.,;:éß東京😀<>&"\'|[]'.match(/./gu) ?? [])),
			minLength: 1,
			maxLength: 8
		});
		const name = text.filter(
			(n) =>
				!isReservedName(n) &&
				!['label', 'weight', 'kind', 'color', 'size', 'x', 'y', 'z', 'shape', 'thickness'].includes(n)
		);
		const valueOf = {
			string: text,
			integer: fc.integer(),
			double: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0),
			boolean: fc.boolean()
		};
		const attributes = (schema: [string, keyof typeof valueOf][]) =>
			fc
				.tuple(
					...schema.map(([, type]) => fc.option(valueOf[type] as fc.Arbitrary<unknown>, { nil: undefined }))
				)
				.map((values) =>
					Object.fromEntries(schema.flatMap(([n], i) => (values[i] === undefined ? [] : [[n, values[i]]])))
				);
		const schema = fc.uniqueArray(
			fc.tuple(name, fc.constantFrom(...(Object.keys(valueOf) as (keyof typeof valueOf)[]))),
			{
				selector: ([n]) => n,
				maxLength: 4
			}
		);
		const spec = fc
			.record({
				type: fc.constantFrom('directed', 'undirected', 'mixed'),
				version: fc.constantFrom('1.2', '1.3'),
				keys: fc.uniqueArray(
					text.filter((k) => !isReservedName(k)),
					{ minLength: 1, maxLength: 6 }
				),
				nodeSchema: schema,
				edgeSchema: schema
			})
			.chain((s) =>
				fc.record({
					spec: fc.constant(s),
					nodes: fc.array(
						fc.record({
							label: fc.option(text, { nil: undefined }),
							x: fc.option(
								fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((x) => x || 0),
								{
									nil: undefined
								}
							),
							color: fc.option(fc.constantFrom('#ff0000', '#00ccff', '#123456'), { nil: undefined }),
							attributes: attributes(s.nodeSchema)
						}),
						{ minLength: s.keys.length, maxLength: s.keys.length }
					),
					edges: fc.array(
						fc.record({
							source: fc.nat({ max: s.keys.length - 1 }),
							target: fc.nat({ max: s.keys.length - 1 }),
							undirected:
								s.type === 'directed'
									? fc.constant(false)
									: s.type === 'undirected'
										? fc.constant(true)
										: fc.boolean(),
							weight: fc.option(
								fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0),
								{ nil: undefined }
							),
							label: fc.option(text, { nil: undefined }),
							attributes: attributes(s.edgeSchema)
						}),
						{ maxLength: 8 }
					)
				})
			);
		fc.assert(
			fc.property(spec, ({ spec: s, nodes, edges }) => {
				const graph = new Graph({ type: s.type as 'mixed', multi: true });
				s.keys.forEach((key, i) => {
					const n = nodes[i];
					graph.addNode(key, {
						...n?.attributes,
						...(n?.label === undefined ? {} : { label: n.label }),
						...(n?.x === undefined ? {} : { x: n.x, y: -n.x || 0, size: Math.abs(n.x) }),
						...(n?.color === undefined ? {} : { color: n.color })
					});
				});
				edges.forEach((e, i) => {
					const data = {
						...e.attributes,
						...(e.weight === undefined ? {} : { weight: e.weight }),
						...(e.label === undefined ? {} : { label: e.label })
					};
					const [source, target] = [s.keys[e.source] as string, s.keys[e.target] as string];
					if (e.undirected) graph.addUndirectedEdgeWithKey(`e${i}`, source, target, data);
					else graph.addDirectedEdgeWithKey(`e${i}`, source, target, data);
				});

				const back = readValue(readGexf(write(graph, { version: s.version as '1.3' }), 'x.gexf'));

				expect(back.nodes.map((n) => n.key)).toEqual(graph.nodes());
				for (const n of back.nodes) {
					expect({ ...n.attributes, color: rgb(n.attributes?.color) }).toEqual({
						...graph.getNodeAttributes(n.key),
						color: rgb(graph.getNodeAttribute(n.key, 'color'))
					});
				}
				expect(back.edges).toEqual(
					graph.mapEdges((key, attributes, source, target, _s, _t, undirected) => {
						const edge: Record<string, unknown> = { key, source, target };
						if (undirected) edge.undirected = true;
						if (Object.keys(attributes).length > 0) edge.attributes = attributes;
						return edge;
					})
				);
				const directed = graph.directedSize > 0;
				const undirected = graph.undirectedSize > 0;
				expect(back.options.type).toBe(
					directed && undirected
						? 'mixed'
						: directed
							? 'directed'
							: undirected
								? 'undirected'
								: s.type === 'undirected'
									? 'undirected'
									: 'directed'
				);
			}),
			{ numRuns: 200 }
		);
	});
});

/** A colour as `rgb(r,g,b)`, however written (GEXF 1.2 writes channels, 1.3 a hex code). */
function rgb(colour: unknown): unknown {
	if (typeof colour !== 'string' || !colour.startsWith('#')) return colour;
	const [r, g, b] = [1, 3, 5].map((at) => parseInt(colour.slice(at, at + 2), 16));
	return `rgb(${r},${g},${b})`;
}
