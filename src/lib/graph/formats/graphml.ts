/**
 * The GraphML reader (graphml.graphdrawing.org), for the files NetworkX, igraph, Gephi and yEd write. xml.ts
 * parses the file; the graph is read from the DOM here:
 * - `<key>`s name and type the attributes (`attr.name`, `attr.type`: boolean, int, long, float, double, string),
 *   for the graph, nodes, edges or all; their `<default>`s fill the values an element leaves out;
 * - `edgedefault` and an edge's own `directed` say which edges are undirected (`undirected: true`);
 * - yEd's graphics (`yfiles.type="nodegraphics"`, `"edgegraphics"`) become `label`, `x`, `y` (the centre of the
 *   node's box, y pointing up as in Gephi and sigma: yEd's points down), `size` (half the box's smaller side, in
 *   the units of the positions) and `color` (the fill, or the line of an edge); the rest of yEd's markup is not
 *   handed over. Gephi's `r`, `g`, `b` attributes become `color`, and its `Edge Label` an edge's `label`;
 * - nested graphs (yEd's groups) are read as part of the graph; hyperedges and ports are skipped, with a warning.
 *
 * graphology-graphml 0.5.2 is not used: it fails on every file yEd writes (its `<key for="graphml">`), on keys
 * `for="all"` and on unknown types, ignores `directed="false"`, leaves defaults untyped, gives a group node the
 * attributes of its members, and copies the whole graph for each edge of a mixed graph (19 s for 3,000 edges).
 */
import { type Problem, fileProblem, quote } from '../problems';
import { isReservedName } from '../rules';
import { FORMATS } from './catalogue';
import type { GraphReader, ReadGraph, ReadResult } from './reader';
import {
	type Value,
	Tally,
	childElements,
	descendants,
	firstDescendant,
	ownText,
	parseXml,
	positionOf,
	readLocated
} from './xml';

/** Reads `.graphml` files. */
export const graphmlReader: GraphReader = {
	...FORMATS.graphml,
	read: readGraphml
};

type Domain = 'graph' | 'node' | 'edge';
type KeyType = 'string' | 'boolean' | 'number';

/** A `<key>`: what its values are called and how they are read. */
interface Key {
	name: string;
	type: KeyType;
	/** The value of its `<default>`, read as its type. */
	fallback?: Value;
}

/** The `<key>`s of a file, by id. */
interface Keys {
	data: Record<Domain, Map<string, Key>>;
	/** Every key, whatever it is for: a file may use a key on another kind of element (yEd's own files do). */
	any: Map<string, Key>;
	/** yEd's graphics keys, by the kind of element they draw. */
	graphics: Map<string, 'node' | 'edge'>;
	/** Keys whose data is not read: yEd's other extensions, keys for ports, attributes with a reserved name. */
	ignored: Set<string>;
}

/** Sent by `cast` for a value that is not of its key's type. */
const INVALID = Symbol('invalid');

/** Reads a GraphML file into graph data (reader.ts), or says why it cannot. */
export function readGraphml(input: string | Uint8Array, file: string): ReadResult {
	return readLocated((locate) => readGraphmlOnce(input, file, locate));
}

function readGraphmlOnce(input: string | Uint8Array, file: string, locate: boolean): ReadResult {
	const parsed = parseXml(input, file, { name: 'GraphML', root: 'graphml', locate });
	if (!parsed.ok) return parsed;
	try {
		return new GraphmlReading(parsed.root, file).read();
	} catch (error) {
		// Never meant to happen (the property tests look for it): a bug, said as one rather than thrown.
		const message = error instanceof Error ? error.message : String(error);
		return {
			ok: false,
			problems: [
				fileProblem(file, 'internal.bug', `could not be read as GraphML: ${message}; please report it`)
			]
		};
	}
}

/** One reading of a parsed file: the keys, the graph, and the problems found on the way. */
class GraphmlReading {
	readonly #root: Element;
	readonly #file: string;
	readonly #tally = new Tally();
	readonly #errors: Problem[] = [];
	readonly #nodes: ReadGraph['nodes'] = [];
	readonly #edges: ReadGraph['edges'] = [];
	readonly #nodeIds = new Set<string>();
	readonly #edgeIds = new Set<string>();
	/** Edge ends seen, to tell a multigraph. */
	readonly #ends = new Set<string>();
	#multi = false;
	#keys: Keys = emptyKeys();

	constructor(root: Element, file: string) {
		this.#root = root;
		this.#file = file;
	}

	read(): ReadResult {
		const graphs = childElements(this.#root, 'graph');
		const top = graphs[0];
		if (!top) {
			this.#error(
				'has no <graph> element; a GraphML file is <graphml><graph edgedefault="directed">…</graph></graphml>',
				this.#root
			);
			return { ok: false, problems: this.#errors };
		}
		if (graphs.length > 1) {
			this.#tally.add(
				'graphs',
				graphs[1],
				'skipped a second <graph>: the explorer reads the first graph of a file',
				(count) => `skipped ${count} more <graph> elements: the explorer reads the first graph of a file`
			);
		}
		this.#keys = this.#readKeys();
		const directed = this.#edgeDefault(top, false);
		const attributes = this.#graphAttributes(top);
		this.#readGraph(top, directed);
		if (this.#errors.length > 0) return { ok: false, problems: this.#errors };

		const undirected = this.#edges.filter((edge) => edge.undirected).length;
		const type =
			this.#edges.length === 0
				? directed
					? 'directed'
					: 'undirected'
				: undirected === 0
					? 'directed'
					: undirected === this.#edges.length
						? 'undirected'
						: 'mixed';
		const value: ReadGraph = {
			attributes,
			options: { type, multi: this.#multi, allowSelfLoops: true },
			nodes: this.#nodes,
			edges: this.#edges
		};
		const warnings = this.#tally.problems(this.#file);
		return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
	}

	#error(message: string, at: Node): void {
		this.#errors.push(fileProblem(this.#file, 'format.structure', message, positionOf(at)));
	}

	/** The `<key>`s of the file (children of `<graphml>`, as the schema has them). */
	#readKeys(): Keys {
		const keys = emptyKeys();
		for (const element of childElements(this.#root, 'key')) {
			const id = element.getAttribute('id') ?? '';
			const yfiles = element.getAttribute('yfiles.type') ?? '';
			if (yfiles === 'nodegraphics' || yfiles === 'edgegraphics') {
				keys.graphics.set(id, yfiles === 'nodegraphics' ? 'node' : 'edge');
				continue;
			}
			const target = element.getAttribute('for') || 'all';
			const domains: Domain[] =
				target === 'all' ? ['graph', 'node', 'edge'] : isDomain(target) ? [target] : [];
			if (yfiles !== '' || domains.length === 0) {
				keys.ignored.add(id);
				continue;
			}
			const name = element.getAttribute('attr.name') || id;
			if (isReservedName(name) || isReservedName(id)) {
				this.#reserved(name, element);
				keys.ignored.add(id);
				continue;
			}
			const key: Key = { name, type: keyType(element.getAttribute('attr.type') ?? '') };
			const fallback = childElements(element, 'default')[0];
			if (fallback) {
				const value = cast(key.type, fallback.textContent ?? '');
				if (value === INVALID) this.#invalid(key, fallback);
				else if (value !== undefined) key.fallback = value;
			}
			for (const domain of domains) keys.data[domain].set(id, key);
			if (!keys.any.has(id)) keys.any.set(id, key);
		}
		return keys;
	}

	/** Whether edges of `graph` are directed by default: its `edgedefault`, else `inherited`. */
	#edgeDefault(graph: Element, inherited: boolean): boolean {
		const value = graph.getAttribute('edgedefault') ?? '';
		const lower = value.toLowerCase();
		if (lower === 'directed' || lower === 'undirected') return lower === 'directed';
		if (value !== '') {
			this.#error(`edgedefault ${quote(value)} is neither directed nor undirected`, graph);
		}
		// No edgedefault: undirected, as NetworkX and graphology read it.
		return inherited;
	}

	/** The graph's own attributes: its `<data>` and its `<desc>` (as `description`). */
	#graphAttributes(graph: Element): Record<string, Value> {
		const attributes = this.#data(graph, 'graph');
		// yEd calls the graph's description `Description`.
		for (const name of ['title', 'description']) {
			const found = Object.keys(attributes).find((other) => other.toLowerCase() === name);
			if (found && !Object.hasOwn(attributes, name)) {
				attributes[name] = attributes[found] as Value;
				delete attributes[found];
			}
		}
		const desc = childElements(graph, 'desc')[0]?.textContent?.trim();
		if (desc && !Object.hasOwn(attributes, 'description')) attributes.description = desc;
		return attributes;
	}

	/** Reads the nodes and edges of `graph` and of the graphs nested in its nodes, in document order. */
	#readGraph(graph: Element, directed: boolean): void {
		const stack = childElements(graph)
			.reverse()
			.map((element) => ({ element, directed }));
		for (let item = stack.pop(); item; item = stack.pop()) {
			const { element } = item;
			if (element.localName === 'node') {
				this.#readNode(element);
				// A nested graph (a yEd group): its nodes and edges are the graph's, next in order.
				const nested = childElements(element, 'graph').reverse();
				for (const inner of nested) {
					const innerDirected = this.#edgeDefault(inner, item.directed);
					stack.push(
						...childElements(inner)
							.reverse()
							.map((child) => ({ element: child, directed: innerDirected }))
					);
				}
			} else if (element.localName === 'edge') {
				this.#readEdge(element, item.directed);
			} else if (element.localName === 'hyperedge') {
				this.#tally.add(
					'hyperedge',
					element,
					'skipped a <hyperedge>: the explorer reads edges between two nodes',
					(count) => `skipped ${count} <hyperedge> elements: the explorer reads edges between two nodes`
				);
			}
		}
	}

	#readNode(element: Element): void {
		const id = element.getAttribute('id');
		if (!id) {
			this.#tally.add(
				'node-id',
				element,
				'skipped a <node> without an id',
				(count) => `skipped ${count} <node> elements without an id`
			);
			return;
		}
		if (this.#nodeIds.has(id)) {
			this.#error(`the node id ${quote(id)} is used twice`, element);
			return;
		}
		this.#nodeIds.add(id);
		const ports = childElements(element, 'port');
		if (ports.length > 0) {
			this.#tally.add(
				'port',
				ports[0],
				'skipped a <port>: edges attach to their nodes',
				(count) => `skipped the <port>s of ${count} nodes: edges attach to their nodes`
			);
		}
		const attributes = this.#data(element, 'node');
		gephiColour(attributes);
		const graphics = this.#graphicsData(element, 'node');
		if (graphics) fillIn(attributes, nodeGraphics(graphics));
		this.#nodes.push(Object.keys(attributes).length > 0 ? { key: id, attributes } : { key: id });
	}

	#readEdge(element: Element, directedByDefault: boolean): void {
		const source = element.getAttribute('source');
		const target = element.getAttribute('target');
		if (!source || !target) {
			this.#tally.add(
				'edge-end',
				element,
				'skipped an <edge> without a source or a target',
				(count) => `skipped ${count} <edge> elements without a source or a target`
			);
			return;
		}
		const id = element.getAttribute('id');
		if (id && this.#edgeIds.has(id)) {
			this.#error(`the edge id ${quote(id)} is used twice`, element);
			return;
		}
		if (id) this.#edgeIds.add(id);
		const own = (element.getAttribute('directed') ?? '').toLowerCase();
		const directed = own === 'true' ? true : own === 'false' ? false : directedByDefault;

		const ends = JSON.stringify(
			directed || source <= target ? [directed, source, target] : [directed, target, source]
		);
		if (this.#ends.has(ends)) this.#multi = true;
		this.#ends.add(ends);

		const attributes = this.#data(element, 'edge');
		gephiColour(attributes);
		// Gephi's GraphML export calls an edge's label `Edge Label`.
		if (typeof attributes['Edge Label'] === 'string' && !Object.hasOwn(attributes, 'label')) {
			attributes.label = attributes['Edge Label'];
			delete attributes['Edge Label'];
		}
		const graphics = this.#graphicsData(element, 'edge');
		if (graphics) fillIn(attributes, edgeGraphics(graphics));
		const edge: ReadGraph['edges'][number] = id ? { key: id, source, target } : { source, target };
		if (!directed) edge.undirected = true;
		if (Object.keys(attributes).length > 0) edge.attributes = attributes;
		this.#edges.push(edge);
	}

	/** The attributes the `<data>` children of `element` give, with the defaults of the keys they leave out. */
	#data(element: Element, domain: Domain): Record<string, Value> {
		const keys = this.#keys.data[domain];
		const attributes: Record<string, Value> = {};
		for (const data of childElements(element, 'data')) {
			const id = data.getAttribute('key') ?? '';
			if (this.#keys.ignored.has(id) || this.#keys.graphics.has(id)) continue;
			if (childElements(data).length > 0) {
				this.#tally.add(
					`markup ${id}`,
					data,
					`skipped a <data key=${quote(id)}> that holds markup, not a value`,
					(count) => `skipped ${count} <data key=${quote(id)}> elements that hold markup, not a value`
				);
				continue;
			}
			// A key declared for another kind of element is read as NetworkX reads it: as declared.
			const key = keys.get(id) ?? this.#keys.any.get(id);
			if (!key) {
				// A key the file does not declare: its value as text, under the key's id.
				if (isReservedName(id)) this.#reserved(id, data);
				else if (data.textContent) attributes[id] = data.textContent;
				continue;
			}
			const value = cast(key.type, data.textContent ?? '');
			if (value === INVALID) this.#invalid(key, data);
			else if (value !== undefined) attributes[key.name] = value;
		}
		for (const key of keys.values()) {
			if (key.fallback !== undefined && !Object.hasOwn(attributes, key.name)) {
				attributes[key.name] = key.fallback;
			}
		}
		return attributes;
	}

	/** The `<data>` of `element` that holds yEd's graphics of its kind. */
	#graphicsData(element: Element, kind: 'node' | 'edge'): Element | undefined {
		return childElements(element, 'data').find(
			(data) => this.#keys.graphics.get(data.getAttribute('key') ?? '') === kind
		);
	}

	#reserved(name: string, at: Node): void {
		this.#tally.add(
			`reserved ${name}`,
			at,
			`skipped the attribute ${quote(name)}: it is a name JavaScript objects have already; rename it`,
			(count) =>
				`skipped ${count} keys and values of the attribute ${quote(name)}: it is a name JavaScript objects have already; rename it`
		);
	}

	#invalid(key: Key, at: Node): void {
		const what = key.type === 'boolean' ? 'true or false' : 'numbers';
		this.#tally.add(
			`invalid ${key.name}`,
			at,
			`left out a value of ${quote(key.name)} that is not ${key.type === 'boolean' ? 'true or false' : 'a number'}`,
			(count) => `left out ${count} values of ${quote(key.name)} that are not ${what}`
		);
	}
}

function emptyKeys(): Keys {
	return {
		data: { graph: new Map(), node: new Map(), edge: new Map() },
		any: new Map(),
		graphics: new Map(),
		ignored: new Set()
	};
}

function isDomain(value: string): value is Domain {
	return value === 'graph' || value === 'node' || value === 'edge';
}

/** How values of an `attr.type` are read; an unknown type is read as text. */
function keyType(type: string): KeyType {
	const lower = type.toLowerCase();
	if (lower === 'boolean') return 'boolean';
	if (['int', 'integer', 'long', 'float', 'double'].includes(lower)) return 'number';
	return 'string';
}

/**
 * `text` read as a value of `type`: text as it is (an empty text is no value), booleans as XML Schema writes
 * them (`true`, `false`, `1`, `0`, in any case), numbers as JavaScript reads them when finite; INVALID when the
 * text is not of its type.
 */
function cast(type: KeyType, text: string): Value | undefined | typeof INVALID {
	if (type === 'string') return text === '' ? undefined : text;
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	if (type === 'boolean') {
		const lower = trimmed.toLowerCase();
		return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : INVALID;
	}
	const number = Number(trimmed);
	return Number.isFinite(number) ? number : INVALID;
}

/** Gephi's GraphML export writes a node's colour as numbers `r`, `g`, `b`: one `color` instead. */
function gephiColour(attributes: Record<string, Value>): void {
	const channels = [attributes.r, attributes.g, attributes.b];
	if (Object.hasOwn(attributes, 'color')) return;
	if (!channels.every((c) => typeof c === 'number' && Number.isInteger(c) && c >= 0 && c <= 255)) return;
	attributes.color = `#${channels.map((c) => (c as number).toString(16).padStart(2, '0')).join('')}`;
	delete attributes.r;
	delete attributes.g;
	delete attributes.b;
}

/** Sets the attributes of `extra` that `attributes` does not have: the file's own keys win over graphics. */
function fillIn(attributes: Record<string, Value>, extra: Record<string, Value>): void {
	for (const [name, value] of Object.entries(extra)) {
		if (!Object.hasOwn(attributes, name)) attributes[name] = value;
	}
}

/** The label, position, size and colour yEd draws a node with. */
function nodeGraphics(data: Element): Record<string, Value> {
	// A group node has one realizer for each state (open, closed); `active` says which is shown.
	let scope: Element = data;
	const realizers = firstDescendant(data, 'Realizers');
	if (realizers) {
		const options = childElements(realizers);
		scope = options[Number(realizers.getAttribute('active') ?? 0)] ?? options[0] ?? realizers;
	}
	const out: Record<string, Value> = {};
	const label = firstLabel(scope, 'NodeLabel');
	if (label !== undefined) out.label = label;

	const geometry = firstDescendant(scope, 'Geometry');
	if (geometry) {
		const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => {
			const text = geometry.getAttribute(name);
			return text === null || text.trim() === '' ? NaN : Number(text);
		}) as [number, number, number, number];
		const sized = Number.isFinite(width) && Number.isFinite(height) && width >= 0 && height >= 0;
		if (Number.isFinite(x) && Number.isFinite(y)) {
			// yEd places a node's box by its top left corner, on a y axis that points down.
			out.x = sized ? x + width / 2 : x;
			out.y = -(sized ? y + height / 2 : y) || 0;
		}
		if (sized && Math.min(width, height) > 0) out.size = Math.min(width, height) / 2;
	}

	const fill = firstDescendant(scope, 'Fill');
	const colour = fill?.getAttribute('color');
	if (
		fill &&
		colour &&
		fill.getAttribute('transparent') !== 'true' &&
		fill.getAttribute('hasColor') !== 'false'
	) {
		out.color = colour;
	}
	return out;
}

/** The label and colour yEd draws an edge with. */
function edgeGraphics(data: Element): Record<string, Value> {
	const out: Record<string, Value> = {};
	const label = firstLabel(data, 'EdgeLabel');
	if (label !== undefined) out.label = label;
	const colour = firstDescendant(data, 'LineStyle')?.getAttribute('color');
	if (colour) out.color = colour;
	return out;
}

/** The text of the first label element named `name` that has one (a yEd label holds its layout after the text). */
function firstLabel(scope: Element, name: string): string | undefined {
	for (const label of descendants(scope, name)) {
		const text = ownText(label).trim();
		if (text !== '') return text;
	}
	return undefined;
}
