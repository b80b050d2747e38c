/**
 * The GraphML reader (src/lib/graph/formats/graphml.ts): real files from NetworkX, igraph and yEd, each feature
 * from a small fixture (typed keys and defaults, edge directions, yEd's graphics, Gephi's colours, hyperedges and
 * ports), the problems it reports (by their printed lines), and properties: it never throws and leaves
 * Object.prototype alone, whatever the input; a graph written as NetworkX writes it reads back as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphmlReader, readGraphml } from '../../../../src/lib/graph/formats/graphml';
import {
	damaged,
	escapeXml,
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

const read = (path: string) => readValue(readGraphml(fixture(`graphml/${path}`), path));
const node = (graph: ReturnType<typeof read>, key: string) => graph.nodes.find((n) => n.key === key);

describe('graphmlReader', () => {
	it('claims .graphml files', () => {
		expect(graphmlReader.id).toBe('graphml');
		expect(graphmlReader.name).toBe('GraphML');
		expect(graphmlReader.extensions).toEqual(['.graphml']);
		expect(graphmlReader.read).toBe(readGraphml);
	});
});

describe('readGraphml: files from other tools', () => {
	forbidConsoleOutput();

	it('reads a file NetworkX wrote: an undirected path without keys or edge ids', () => {
		expect(read('networkx-fourpath.graphml')).toEqual({
			attributes: {},
			options: { type: 'undirected', multi: false, allowSelfLoops: true },
			nodes: [{ key: '0' }, { key: '1' }, { key: '2' }, { key: '3' }],
			edges: [
				{ source: '0', target: '1', undirected: true },
				{ source: '1', target: '2', undirected: true },
				{ source: '2', target: '3', undirected: true }
			]
		});
	});

	it('reads a file igraph wrote: typed graph, node and edge attributes', () => {
		const graph = read('igraph-subgraph.graphml');
		expect(graph.attributes).toMatchObject({
			support: 78,
			season: 'winter',
			support_season: '32, 12, 17, 17',
			type: 'convg'
		});
		expect(graph.attributes.months).toMatch(/^2, 4, 5, .*, 155$/);
		expect(graph.options.type).toBe('directed');
		expect(graph.nodes[0]).toEqual({
			key: 'n0',
			attributes: { name: 'A499', lon_wmc: 18.375, lat_wmc: 42.0313 }
		});
		expect(graph.edges).toEqual([
			{ source: 'n0', target: 'n1', attributes: { attribute: 'weight', weight: 3 } },
			{ source: 'n2', target: 'n1', attributes: { attribute: 'weight', weight: 3 } }
		]);
	});

	it('reads yFiles’ graphics into label, position (centre, y up), size and colour, and no markup', () => {
		const graph = read('yfiles-2.7.graphml');
		expect(graph.attributes).toEqual({});
		expect(graph.nodes).toEqual([
			{ key: 'n0', attributes: { label: '1', x: 140, y: -115, size: 15, color: '#FFCC00' } },
			{ key: 'n1', attributes: { label: '2', x: 198, y: -220, size: 15, color: '#FFCC00' } },
			{
				key: 'n2',
				attributes: {
					// Written with an edge's key, as yFiles did: read as NetworkX reads it.
					description: 'description\nline1\nline2',
					label: '3',
					x: 990,
					y: -306,
					size: 20,
					color: '#E8EEF7'
				}
			}
		]);
		expect(graph.edges).toEqual([
			{ key: 'e0', source: 'n0', target: 'n1', attributes: { color: '#000000' } }
		]);
	});

	it('reads a yEd file with groups: nested graphs in document order, each group by its open realizer', () => {
		const graph = read('yed-3.17-groups.graphml');
		expect(graph.options.type).toBe('directed');
		expect(graph.nodes.map((n) => [n.key, n.attributes?.label])).toEqual([
			['n0', '2'],
			['n1', 'Group 3'],
			['n1::n0', 'Group 1'],
			['n1::n0::n0', '1'],
			['n1::n0::n1', '3'],
			['n1::n1', 'Group 2'],
			['n1::n1::n0', '5'],
			['n1::n1::n1', '6'],
			['n2', '9']
		]);
		expect(node(graph, 'n1')?.attributes).toEqual({
			CustomProperty: 'CustomPropertyValue',
			label: 'Group 3',
			x: 40,
			y: 330.3833333333333 - 250.38333333333333 / 2,
			size: 70,
			color: '#F5F5F5'
		});
		expect(graph.nodes.every((n) => n.attributes?.CustomProperty === 'CustomPropertyValue')).toBe(true);
		expect(graph.edges.map((e) => [e.key, e.source, e.target])).toEqual([
			['n1::n1::e0', 'n1::n1::n0', 'n1::n1::n1'],
			['n1::n0::e0', 'n1::n0::n1', 'n1::n0::n0'],
			['e0', 'n1::n0::n0', 'n0'],
			['e1', 'n1::n1::n1', 'n2']
		]);
	});

	it('reads a mixed multigraph with defaults', () => {
		const graph = read('mixed-multigraph.graphml');
		expect(graph.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: true });
		expect(graph.nodes.map((n) => n.attributes?.color)).toEqual([
			'green',
			'yellow',
			'blue',
			'red',
			'yellow',
			'turquoise'
		]);
		expect(graph.edges.filter((e) => !e.undirected).map((e) => e.key)).toEqual(['e3', 'e6']);
		expect(graph.edges.find((e) => e.key === 'e6')?.attributes).toEqual({ weight: 1.1 });
	});
});

describe('readGraphml: features', () => {
	forbidConsoleOutput();

	it('types values by their keys, with typed defaults, for="all" keys included', () => {
		const result = readGraphml(fixture('graphml/typed-keys.graphml'), 'typed-keys.graphml');
		const graph = readValue(result);
		expect(graph.attributes).toEqual({
			name: 'Tea gardens',
			note: 'written by hand in the shape of nx.write_graphml'
		});
		expect(graph.nodes).toEqual([
			{
				key: 'assam',
				attributes: { active: true, rank: 1, population: 31169272, share: 0.52, label: 'Assam', score: 0.5 }
			},
			{
				key: 'darjeeling',
				attributes: { active: false, rank: 2, score: 0.75, label: 'Darjeeling', note: 'first flush' }
			},
			{ key: 'nilgiri', attributes: { active: false, score: 0.5 } }
		]);
		expect(graph.edges).toEqual([
			{ source: 'assam', target: 'darjeeling', attributes: { weight: 2.5 } },
			{ source: 'darjeeling', target: 'nilgiri', attributes: { note: 'uphill', weight: 1 } }
		]);
		expect(printedWarnings(result)).toEqual([
			'warning: typed-keys.graphml: left out a value of "rank" that is not a number at line 36, column 7',
			'warning: typed-keys.graphml: left out a value of "share" that is not a number at line 37, column 7'
		]);
	});

	it("follows an edge's own direction over the graph's edgedefault", () => {
		const graph = read('directed-false.graphml');
		expect(graph.options.type).toBe('mixed');
		expect(graph.edges).toEqual([
			{ key: 'ab', source: 'a', target: 'b' },
			{ key: 'bc', source: 'b', target: 'c', undirected: true },
			{ key: 'ca', source: 'c', target: 'a' }
		]);
	});

	it('takes a graph without edgedefault as undirected, as NetworkX does', () => {
		const graph = read('no-edgedefault.graphml');
		expect(graph.options.type).toBe('undirected');
		expect(graph.edges.every((e) => e.undirected)).toBe(true);
	});

	it('keeps edges to nodes the file does not declare, without adding the nodes (import.ts does)', () => {
		const graph = read('no-edgedefault.graphml');
		expect(graph.nodes.map((n) => n.key)).toEqual(['n0', 'n1', 'n2', 'n10']);
		expect(graph.edges[2]).toEqual({ source: 'n2', target: 'n3', undirected: true });
	});

	it('keeps unicode ids and ids with spaces as the file writes them', () => {
		const graph = read('unicode-ids.graphml');
		expect(graph.nodes.map((n) => n.key)).toEqual(['東京', 'café au lait', 'Ελλάδα', '🍵 tea', ' padded ']);
		expect(graph.nodes[0]?.attributes).toEqual({ label: 'Tōkyō' });
		expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
			['東京', 'café au lait'],
			['Ελλάδα', '🍵 tea'],
			[' padded ', '東京']
		]);
	});

	it('reads UTF-16, little endian with a byte-order mark and big endian without', () => {
		const utf8 = read('unicode-ids.graphml');
		expect(read('utf16le-bom.graphml')).toEqual(utf8);
		expect(read('utf16be.graphml')).toEqual(utf8);
	});

	it("reads Gephi's export: r, g, b as a colour, its Edge Label as the label", () => {
		const graph = read('gephi-shape.graphml');
		expect(graph.nodes[0]).toEqual({
			key: '11',
			attributes: {
				label: 'Valjean',
				'Modularity Class': 1,
				size: 100,
				x: -87.93029,
				y: 6.8120565,
				color: '#f55b5b'
			}
		});
		expect(graph.edges[1]).toEqual({
			key: '131',
			source: '55',
			target: '11',
			undirected: true,
			attributes: { weight: 19, label: 'father-in-law' }
		});
	});

	it('reads yEd labels without positions, leaves a transparent fill out, and reads edge labels and colours', () => {
		const graph = read('yed-labels-only.graphml');
		expect(graph.nodes).toEqual([
			{ key: 'n0', attributes: { label: 'start', color: '#FFCC00' } },
			{ key: 'n1', attributes: { label: 'end' } }
		]);
		expect(graph.edges).toEqual([
			{ key: 'e0', source: 'n0', target: 'n1', attributes: { label: 'goes to', color: '#ff0000' } }
		]);
	});

	it("lets the file's own attributes win over yEd's graphics", () => {
		const text =
			'<graphml xmlns:y="http://www.yworks.com/xml/graphml"><key id="l" for="node" attr.name="label"/>' +
			'<key id="g" for="node" yfiles.type="nodegraphics"/><graph edgedefault="directed">' +
			'<node id="a"><data key="l">own</data><data key="g"><y:ShapeNode><y:NodeLabel>drawn</y:NodeLabel>' +
			'<y:Geometry x="0" y="0"/></y:ShapeNode></data></node></graph></graphml>';
		expect(readValue(readGraphml(text, 'x.graphml')).nodes).toEqual([
			{ key: 'a', attributes: { label: 'own', x: 0, y: 0 } }
		]);
	});

	it('skips hyperedges, ports, ids-less nodes, one-ended edges and markup values, one warning for each kind', () => {
		const result = readGraphml(fixture('graphml/hyperedges-ports.graphml'), 'hyperedges-ports.graphml');
		const graph = readValue(result);
		expect(graph.nodes).toEqual([{ key: 'n0' }, { key: 'n1' }, { key: 'n2' }]);
		expect(graph.edges).toEqual([{ source: 'n0', target: 'n1' }]);
		expect(printedWarnings(result)).toEqual([
			'warning: hyperedges-ports.graphml: skipped the <port>s of 2 nodes: edges attach to their nodes, the first at line 6, column 7',
			'warning: hyperedges-ports.graphml: skipped a <data key="d0"> that holds markup, not a value at line 13, column 7',
			'warning: hyperedges-ports.graphml: skipped a <node> without an id at line 15, column 5',
			'warning: hyperedges-ports.graphml: skipped an <edge> without a source or a target at line 17, column 5',
			'warning: hyperedges-ports.graphml: skipped 2 <hyperedge> elements: the explorer reads edges between two nodes, the first at line 18, column 5'
		]);
	});

	it('keeps parallel edges and self-loops', () => {
		const text =
			'<graphml><graph edgedefault="undirected"><node id="a"/><node id="b"/>' +
			'<edge source="a" target="b"/><edge source="b" target="a"/><edge source="a" target="a"/></graph></graphml>';
		const graph = readValue(readGraphml(text, 'x.graphml'));
		expect(graph.options).toEqual({ type: 'undirected', multi: true, allowSelfLoops: true });
		expect(graph.edges).toHaveLength(3);
	});

	it('skips keys and data named like properties of Object.prototype, and keeps such ids for import.ts', () => {
		const text = [
			'<graphml>',
			'  <key id="p" for="node" attr.name="__proto__"/>',
			'  <key id="constructor" for="node" attr.name="c"/>',
			'  <key id="k" for="node" attr.name="kept"/>',
			'  <graph edgedefault="directed">',
			'    <node id="__proto__"><data key="p">x</data><data key="constructor">y</data><data key="k">z</data>',
			'      <data key="toString">undeclared</data></node>',
			'    <node id="constructor"/>',
			'    <edge id="toString" source="__proto__" target="constructor"/>',
			'  </graph>',
			'</graphml>'
		].join('\n');
		const result = readGraphml(text, 'x.graphml');
		expect(readValue(result).nodes).toEqual([
			{ key: '__proto__', attributes: { kept: 'z' } },
			{ key: 'constructor' }
		]);
		expect(readValue(result).edges).toEqual([
			{ key: 'toString', source: '__proto__', target: 'constructor' }
		]);
		expect(printedWarnings(result)).toEqual([
			'warning: x.graphml: skipped the attribute "__proto__": it is a name JavaScript objects have already; rename it at line 2, column 3',
			'warning: x.graphml: skipped the attribute "c": it is a name JavaScript objects have already; rename it at line 3, column 3',
			'warning: x.graphml: skipped the attribute "toString": it is a name JavaScript objects have already; rename it at line 7, column 7'
		]);
		expectPrototypeUntouched();
	});

	it("reads the graph's <desc> as its description, and only the first graph of a file", () => {
		const text =
			'<graphml><graph edgedefault="directed"><desc> Tea </desc><node id="a"/></graph>\n' +
			'<graph edgedefault="directed"><node id="b"/></graph></graphml>';
		const result = readGraphml(text, 'x.graphml');
		expect(readValue(result).attributes).toEqual({ description: 'Tea' });
		expect(readValue(result).nodes).toEqual([{ key: 'a' }]);
		expect(printedWarnings(result)).toEqual([
			'warning: x.graphml: skipped a second <graph>: the explorer reads the first graph of a file at line 2, column 1'
		]);
	});
});

describe('readGraphml: problems', () => {
	forbidConsoleOutput();

	it('refuses a file without <graph>', () => {
		expect(
			printed(readGraphml('<?xml version="1.0"?>\n<graphml>\n  <key id="d0"/>\n</graphml>', 'x.graphml'))
		).toEqual([
			'x.graphml: has no <graph> element; a GraphML file is <graphml><graph edgedefault="directed">…</graph></graphml> at line 2, column 1'
		]);
	});

	it('refuses a file of another format', () => {
		expect(printed(readGraphml(fixture('gexf/graphology-mixed.gexf'), 'x.graphml'))).toEqual([
			'x.graphml: is not a GraphML file: its root element is <gexf>, not <graphml> at line 2, column 1'
		]);
	});

	it('refuses ids used twice and an edgedefault GraphML does not have, each where it is', () => {
		const text = [
			'<graphml>',
			'  <graph edgedefault="both">',
			'    <node id="a"/>',
			'    <node id="a"/>',
			'    <edge id="e" source="a" target="a"/>',
			'    <edge id="e" source="a" target="a"/>',
			'  </graph>',
			'</graphml>'
		].join('\n');
		expect(printed(readGraphml(text, 'x.graphml'))).toEqual([
			'x.graphml: edgedefault "both" is neither directed nor undirected at line 2, column 3',
			'x.graphml: the node id "a" is used twice at line 4, column 5',
			'x.graphml: the edge id "e" is used twice at line 6, column 5'
		]);
	});

	it('locates a syntax error and says a truncated file looks cut short', () => {
		expect(printed(readGraphml(fixture('hostile/truncated.graphml'), 'truncated.graphml'))).toEqual([
			'truncated.graphml: is not well-formed XML: <graphml> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 2, column 1'
		]);
		const text =
			'<graphml>\n  <graph edgedefault="directed">\n    <node id="a"></nod>\n  </graph>\n</graphml>';
		expect(printed(readGraphml(text, 'x.graphml'))).toEqual([
			'x.graphml: is not well-formed XML: <node> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 3, column 5'
		]);
	});

	it('refuses DOCTYPEs and entities quickly, an entity bomb included', () => {
		for (const name of ['billion-laughs.graphml', 'external-entity.graphml']) {
			const started = performance.now();
			expect(printed(readGraphml(fixture(`hostile/${name}`), name))).toEqual([
				`${name}: declares a DOCTYPE (<!DOCTYPE …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 1`
			]);
			expect(performance.now() - started).toBeLessThan(100);
		}
	});
});

describe('readGraphml: properties', () => {
	forbidConsoleOutput();
	const texts = fixtureNames('graphml', '.graphml')
		.filter((name) => !name.startsWith('utf16'))
		.map((name) => fixtureText(`graphml/${name}`));

	it('never throws on any text or bytes, and answers with well-formed problems or graph data', () => {
		fc.assert(
			fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.uint8Array()), (input) => {
				expectWellFormed(readGraphml(input, 'x.graphml'), 'x.graphml');
				expectPrototypeUntouched();
			}),
			{ numRuns: 300 }
		);
	});

	it('never throws on damaged copies of real files', () => {
		fc.assert(
			fc.property(damaged(texts), (text) => {
				expectWellFormed(readGraphml(text, 'x.graphml'), 'x.graphml');
				expectPrototypeUntouched();
			}),
			{ numRuns: 400 }
		);
	});

	it('never throws on well-formed GraphML with hostile keys, ids, types and values', () => {
		const data = fc.array(fc.record({ key: hostileName, value: hostileName }), { maxLength: 3 });
		fc.assert(
			fc.property(
				fc.record({
					edgedefault: fc.option(hostileName),
					keys: fc.array(
						fc.record({
							id: hostileName,
							for: fc.option(fc.constantFrom('node', 'edge', 'graph', 'all', 'port', 'graphml', 'x')),
							name: fc.option(hostileName),
							type: fc.option(
								fc.oneof(fc.constantFrom('int', 'long', 'float', 'double', 'boolean'), hostileName)
							),
							graphics: fc.option(fc.constantFrom('nodegraphics', 'edgegraphics', 'resources')),
							fallback: fc.option(hostileName)
						}),
						{ maxLength: 4 }
					),
					nodes: fc.array(fc.record({ id: fc.option(hostileName), data, nested: fc.boolean() }), {
						maxLength: 5
					}),
					edges: fc.array(
						fc.record({
							id: fc.option(hostileName),
							source: hostileName,
							target: hostileName,
							directed: fc.option(hostileName),
							data
						}),
						{ maxLength: 5 }
					)
				}),
				(spec) => {
					const attr = (name: string, value: string | null) => (value === null ? '' : ` ${name}="${value}"`);
					const values = (d: { key: string; value: string }[]) =>
						d
							.map(
								(v) =>
									`<data key="${v.key}">${v.value}<y:NodeLabel>${v.value}</y:NodeLabel><y:Geometry x="${v.value}" y="1" width="${v.value}" height="2"/></data><data key="${v.key}">${v.value}</data>`
							)
							.join('');
					const text =
						'<graphml xmlns:y="http://www.yworks.com/xml/graphml">' +
						spec.keys
							.map(
								(k) =>
									`<key id="${k.id}"${attr('for', k.for)}${attr('attr.name', k.name)}${attr('attr.type', k.type)}${attr('yfiles.type', k.graphics)}>` +
									`${k.fallback === null ? '' : `<default>${k.fallback}</default>`}</key>`
							)
							.join('') +
						`<graph${attr('edgedefault', spec.edgedefault)}>` +
						spec.nodes
							.map(
								(n) =>
									`<node${attr('id', n.id)}>${values(n.data)}${n.nested ? `<graph><node id="${n.id ?? ''}:inner"/></graph>` : ''}</node>`
							)
							.join('') +
						spec.edges
							.map(
								(e) =>
									`<edge${attr('id', e.id)} source="${e.source}" target="${e.target}"${attr('directed', e.directed)}>${values(e.data)}</edge>`
							)
							.join('') +
						'</graph></graphml>';
					expectWellFormed(readGraphml(text, 'x.graphml'), 'x.graphml');
					expectPrototypeUntouched();
				}
			),
			{ numRuns: 300 }
		);
	});

	it('reads back a graph written as NetworkX writes GraphML: nodes, edges, directions, typed values', () => {
		const text = fc.string({
			unit: fc.constantFrom(...('abcXYZ019 _-.,;:éß東京😀<>&"\'|'.match(/./gu) ?? [])),
			minLength: 1,
			maxLength: 8
		});
		const types = {
			string: text,
			int: fc.integer(),
			double: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => x || 0),
			boolean: fc.boolean()
		};
		type KeyType = keyof typeof types;
		const schema = fc.uniqueArray(
			fc.tuple(
				text.filter(
					(n) => !['__proto__', 'constructor', 'toString', 'label', 'color', 'r', 'g', 'b'].includes(n)
				),
				fc.constantFrom(...(Object.keys(types) as KeyType[]))
			),
			{ selector: ([n]) => n, maxLength: 4 }
		);
		const valuesOf = (keys: [string, KeyType][]) =>
			fc
				.tuple(...keys.map(([, type]) => fc.option(types[type] as fc.Arbitrary<unknown>, { nil: undefined })))
				.map((values) =>
					Object.fromEntries(keys.flatMap(([n], i) => (values[i] === undefined ? [] : [[n, values[i]]])))
				);
		const spec = fc
			.record({
				directed: fc.boolean(),
				ids: fc.uniqueArray(
					text.filter((k) => k !== '__proto__'),
					{ minLength: 1, maxLength: 6 }
				),
				nodeKeys: schema,
				edgeKeys: schema
			})
			.chain((s) =>
				fc.record({
					spec: fc.constant(s),
					nodes: fc.array(valuesOf(s.nodeKeys), { minLength: s.ids.length, maxLength: s.ids.length }),
					edges: fc.array(
						fc.record({
							source: fc.nat({ max: s.ids.length - 1 }),
							target: fc.nat({ max: s.ids.length - 1 }),
							own: fc.option(fc.boolean(), { nil: undefined }),
							attributes: valuesOf(s.edgeKeys)
						}),
						{ maxLength: 8 }
					)
				})
			);
		fc.assert(
			fc.property(spec, ({ spec: s, nodes, edges }) => {
				const keyLines = (keys: [string, KeyType][], domain: string) =>
					keys.map(
						([name, type], i) =>
							`  <key id="${domain}${i}" for="${domain}" attr.name="${escapeXml(name)}" attr.type="${type}" />`
					);
				const dataLines = (keys: [string, KeyType][], domain: string, values: Record<string, unknown>) =>
					keys.flatMap(([name], i) =>
						Object.hasOwn(values, name)
							? [`      <data key="${domain}${i}">${escapeXml(String(values[name]))}</data>`]
							: []
					);
				const xml = [
					"<?xml version='1.0' encoding='utf-8'?>",
					'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
					...keyLines(s.nodeKeys, 'node'),
					...keyLines(s.edgeKeys, 'edge'),
					`  <graph edgedefault="${s.directed ? 'directed' : 'undirected'}">`,
					...s.ids.flatMap((id, i) => [
						`    <node id="${escapeXml(id)}">`,
						...dataLines(s.nodeKeys, 'node', nodes[i] ?? {}),
						'    </node>'
					]),
					...edges.flatMap((e, i) => [
						`    <edge id="e${i}" source="${escapeXml(s.ids[e.source] ?? '')}" target="${escapeXml(s.ids[e.target] ?? '')}"${e.own === undefined ? '' : ` directed="${e.own}"`}>`,
						...dataLines(s.edgeKeys, 'edge', e.attributes),
						'    </edge>'
					]),
					'  </graph>',
					'</graphml>'
				].join('\n');

				const graph = readValue(readGraphml(xml, 'x.graphml'));
				expect(graph.nodes).toEqual(
					s.ids.map((key, i) =>
						Object.keys(nodes[i] ?? {}).length > 0 ? { key, attributes: nodes[i] } : { key }
					)
				);
				expect(graph.edges).toEqual(
					edges.map((e, i) => {
						const edge: Record<string, unknown> = {
							key: `e${i}`,
							source: s.ids[e.source],
							target: s.ids[e.target]
						};
						if (!(e.own ?? s.directed)) edge.undirected = true;
						if (Object.keys(e.attributes).length > 0) edge.attributes = e.attributes;
						return edge;
					})
				);
			}),
			{ numRuns: 200 }
		);
	});
});
