/**
 * The GEXF reader: Gephi's format, versions 1.1 to 1.3 (gexf.net). xml.ts parses the file; graphology-gexf reads
 * the graph from the DOM: typed attributes with their defaults (named by their id, or by their title when the id
 * is a number, as the library does), labels, `viz:` colour (`color`, a CSS colour), size (`size`) and position
 * (`x`, `y`, `z`), edge weights (`weight`), kinds (`kind`) and types, and the meta (`title`, `description`,
 * `creator`, `keywords`, `lastModifiedDate`).
 *
 * The library trusts its input, so the DOM is made safe for it first. What it cannot place is skipped with a
 * warning (a node without an id, an edge without a source or a target); what it would misread is mended (a
 * `mutual` edge, a hierarchy of nodes, two `<attributes>` of one class, an empty number it would read as 0, a
 * comment in the meta); attribute names of `Object.prototype` are skipped with a warning, and such node ids are
 * renamed while it reads; what it would merge or fail on is an error here (an id used twice, an edge type GEXF
 * does not have). Its graph then becomes a ReadGraph (reader.ts): without the nodes it added for edges that name
 * undeclared ones (import.ts adds them, with a warning), the edge keys it made up, or values that are no finite
 * number.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { type Problem, fileProblem, quote } from '../problems';
import { isReservedName } from '../rules';
import { FORMATS } from './catalogue';
import type { GraphReader, ReadGraph, ReadResult } from './reader';
import { type Value, Tally, childElements, handOver, parseXml, positionOf, readLocated } from './xml';

/** Reads `.gexf` files. */
export const gexfReader: GraphReader = {
	...FORMATS.gexf,
	read: readGexf
};

const EDGE_TYPES = new Set(['directed', 'undirected', 'mutual']);
/** Attribute types graphology-gexf reads as numbers (`+value`, which makes 0 of an empty value). */
const NUMBER_TYPES = /^(list)?(byte|short|integer|long|float|double)$/;

/** Reads a GEXF file into graph data (reader.ts), or says why it cannot. */
export function readGexf(input: string | Uint8Array, file: string): ReadResult {
	return readLocated((locate) => readGexfOnce(input, file, locate));
}

function readGexfOnce(input: string | Uint8Array, file: string, locate: boolean): ReadResult {
	const parsed = parseXml(input, file, { name: 'GEXF', root: 'gexf', locate });
	if (!parsed.ok) return parsed;
	try {
		return readDocument(parsed.document, parsed.root, file);
	} catch (error) {
		// What the checks below did not foresee: the library's message, without its name.
		const message = (error instanceof Error ? error.message : String(error)).replace(
			/^graphology-gexf\/parser: /,
			''
		);
		return {
			ok: false,
			problems: [fileProblem(file, 'format.structure', `could not be read as GEXF: ${message}`)]
		};
	}
}

function readDocument(document: Document, root: Element, file: string): ReadResult {
	const tally = new Tally();
	const errors: Problem[] = [];
	const error = (message: string, at: Node) =>
		errors.push(fileProblem(file, 'format.structure', message, positionOf(at)));

	// One walk of the document for the elements read below (each getElementsByTagName walks all of it: with
	// 60,000 elements and their values that was a large part of reading a 10k/50k file).
	let found = collect(document, ['graph', 'node', 'edge', 'meta', 'attributes']);
	const named = (name: string): Element[] => found.get(name) ?? [];
	// graphology-gexf reads the first <graph> of the document.
	const graphElement = named('graph')[0];
	if (!graphElement) {
		error(
			'has no <graph> element; a GEXF file is <gexf><graph><nodes>…</nodes><edges>…</edges></graph></gexf>',
			root
		);
		return { ok: false, problems: errors };
	}
	const defaultType = edgeType(graphElement, 'defaultedgetype', error) ?? 'undirected';
	// A hierarchy moved to the graph changes the document's order, which graphology-gexf reads in: walk again.
	if (flattenHierarchy(named('node'), graphElement))
		found = collect(document, ['node', 'edge', 'meta', 'attributes']);

	const nodeIds = new Set<string>();
	const nodes = named('node').filter((node) => {
		const id = node.getAttribute('id');
		if (!id) {
			return skip(
				node,
				tally,
				'node-id',
				'skipped a <node> without an id',
				(count) => `skipped ${count} <node> elements without an id`
			);
		}
		if (nodeIds.has(id)) error(`the node id ${quote(id)} is used twice`, node);
		nodeIds.add(id);
		return true;
	});

	const edgeIds = new Set<string>();
	const edges = named('edge').filter((edge) => {
		if (!edge.getAttribute('source') || !edge.getAttribute('target')) {
			return skip(
				edge,
				tally,
				'edge-end',
				'skipped an <edge> without a source or a target',
				(count) => `skipped ${count} <edge> elements without a source or a target`
			);
		}
		edgeType(edge, 'type', error);
		const id = edge.getAttribute('id');
		if (id && edgeIds.has(id)) error(`the edge id ${quote(id)} is used twice`, edge);
		if (id) edgeIds.add(id);
		return true;
	});
	if (errors.length > 0) return { ok: false, problems: errors };

	prepareMeta(named('meta'));
	prepareAttributes(named('attributes'), { node: nodes, edge: edges }, tally);
	prepareViz([...nodes, ...edges]);
	const original = aliasReservedIds(nodes, edges, new Set([...nodeIds, ...edgeIds]));

	const graph = parseGexf(Graph, document, {
		addMissingNodes: true,
		allowUndeclaredAttributes: true
	});
	return { ok: true, ...toReadGraph(graph, { nodeIds, edgeIds, original, defaultType, tally, file }) };
}

/**
 * The type of `element`'s `attribute`, made one that graphology-gexf knows in the DOM (it takes `mutual` for a
 * graph type of its own and fails); undefined when absent, an error when GEXF has no such type.
 */
function edgeType(
	element: Element,
	attribute: string,
	error: (message: string, at: Node) => void
): 'directed' | 'undirected' | undefined {
	const value = element.getAttribute(attribute) ?? '';
	if (value === '') return undefined;
	const type = value.toLowerCase();
	if (!EDGE_TYPES.has(type)) {
		error(`${attribute} ${quote(value)} is not a GEXF edge type (directed, undirected, mutual)`, element);
		return undefined;
	}
	const read = type === 'directed' ? 'directed' : 'undirected';
	element.setAttribute(attribute, read);
	return read;
}

/**
 * Moves the nodes and edges of a hierarchy (`<node><nodes>…</nodes></node>`) to the graph: graphology-gexf
 * finds every node wherever it is, but reads a parent's attributes and `viz:` from its whole subtree.
 */
function flattenHierarchy(nodes: readonly Element[], graphElement: Element): boolean {
	let moved = false;
	for (const node of nodes) {
		for (const inner of childElements(node)) {
			if (inner.localName === 'nodes' || inner.localName === 'edges') {
				graphElement.appendChild(inner);
				moved = true;
			}
		}
	}
	return moved;
}

/** Removes comments and the like from `<meta>`: graphology-gexf takes every child for an element and fails. */
function prepareMeta(metas: readonly Element[]): void {
	for (const meta of metas) {
		for (let child = meta.firstChild; child;) {
			const next = child.nextSibling;
			if (child.nodeType !== 1 && child.nodeType !== 3) meta.removeChild(child);
			child = next;
		}
	}
}

/**
 * Makes attribute declarations and values safe for graphology-gexf: the declarations of a class in one
 * `<attributes>` element (it reads only the last one of each class), no name or id of `Object.prototype` (it
 * keeps its model in plain objects), no value that is absent or empty where a number is declared (it would read
 * 0).
 */
function prepareAttributes(
	attributeBlocks: readonly Element[],
	elements: Record<'node' | 'edge', readonly Element[]>,
	tally: Tally
): void {
	for (const kind of ['node', 'edge'] as const) {
		const blocks = attributeBlocks.filter((block) => block.getAttribute('class') === kind);
		const last = blocks.at(-1);
		for (const block of blocks.slice(0, -1)) {
			for (const declaration of childElements(block, 'attribute')) last?.appendChild(declaration);
		}

		const types = new Map<string, string>();
		const skipped = new Set<string>();
		for (const declaration of last ? elementsNamed(last, 'attribute') : []) {
			const id = declaration.getAttribute('id') || declaration.getAttribute('for') || '';
			// The library's name for an attribute: its title when the id is a number, else the id.
			const name = Number.isNaN(Number(id)) ? id : declaration.getAttribute('title') || id;
			if (isReservedName(id) || isReservedName(name)) {
				skipped.add(id);
				reserved(declaration, name, tally);
				continue;
			}
			const type = declaration.getAttribute('type') || 'string';
			types.set(id, type);
			for (const fallback of elementsNamed(declaration, 'default')) {
				if (NUMBER_TYPES.test(type) && (fallback.textContent ?? '').trim() === '') {
					declaration.removeChild(fallback);
				}
			}
		}

		for (const element of elements[kind]) {
			for (const value of attributeValues(element)) {
				const id = value.getAttribute('for') || value.getAttribute('id') || '';
				const text = value.getAttribute('value');
				if (skipped.has(id)) {
					value.parentNode?.removeChild(value);
				} else if (isReservedName(id)) {
					reserved(value, id, tally);
				} else if (text === null || !value.hasAttribute('value')) {
					value.parentNode?.removeChild(value);
				} else if (NUMBER_TYPES.test(types.get(id) ?? '') && text.trim() === '') {
					value.parentNode?.removeChild(value);
				}
			}
		}
	}
}

/** The `<attvalue>`s of a node or an edge: in its `<attvalues>` or, as some files have them, right in it. */
function attributeValues(element: Element): Element[] {
	return childElements(element).flatMap((child) =>
		child.localName === 'attvalues'
			? childElements(child, 'attvalue')
			: child.localName === 'attvalue'
				? [child]
				: []
	);
}

/** Skips an attribute declaration or value whose name is a property of `Object.prototype`, with a warning. */
function reserved(element: Element, name: string, tally: Tally): void {
	tally.add(
		`reserved ${name}`,
		element,
		`skipped the attribute ${quote(name)}: it is a name JavaScript objects have already; rename it`,
		(count) =>
			`skipped ${count} declarations and values of the attribute ${quote(name)}: it is a name JavaScript objects have already; rename it`
	);
	element.parentNode?.removeChild(element);
}

/**
 * Removes the `viz:` elements graphology-gexf would misread: a size or a thickness without a value (it reads 0),
 * a colour without its channels.
 */
function prepareViz(elements: readonly Element[]): void {
	for (const element of elements) {
		for (const viz of childElements(element)) {
			const name = viz.localName;
			const broken =
				((name === 'size' || name === 'thickness') && (viz.getAttribute('value') ?? '').trim() === '') ||
				(name === 'color' &&
					!viz.getAttribute('hex') &&
					!['r', 'g', 'b'].every((channel) => (viz.getAttribute(channel) ?? '').trim() !== ''));
			if (broken) element.removeChild(viz);
		}
	}
}

/** Removes an element graphology-gexf cannot place, with a warning; false, to filter it out. */
function skip(
	element: Element,
	tally: Tally,
	kind: string,
	one: string,
	many: (count: number) => string
): false {
	tally.add(kind, element, one, many);
	element.parentNode?.removeChild(element);
	return false;
}

/**
 * Gives the nodes and edges whose id is a name of `Object.prototype` another id in the DOM, one no file can have,
 * and returns the way back: graphology keeps a node's neighbours in plain objects, where a node `constructor` is
 * found before it is added. The ids are the file's again in the ReadGraph, for import.ts to judge.
 */
function aliasReservedIds(
	nodes: readonly Element[],
	edges: readonly Element[],
	ids: ReadonlySet<string>
): Map<string, string> {
	const original = new Map<string, string>();
	const aliases = new Map<string, string>();
	const aliasOf = (id: string) => {
		let alias = aliases.get(id);
		for (let n = original.size; alias === undefined; n++) {
			const candidate = `\u0000${n}`;
			if (!ids.has(candidate)) alias = candidate;
		}
		aliases.set(id, alias);
		original.set(alias, id);
		return alias;
	};
	const rename = (element: Element, attribute: string) => {
		const id = element.getAttribute(attribute);
		if (id && isReservedName(id)) element.setAttribute(attribute, aliasOf(id));
	};
	for (const node of nodes) rename(node, 'id');
	for (const edge of edges) {
		for (const attribute of ['id', 'source', 'target']) rename(edge, attribute);
	}
	return original;
}

/** The graph graphology-gexf read, as a ReadGraph with the warnings of the whole reading. */
function toReadGraph(
	graph: Graph,
	reading: {
		/** The ids of the file's nodes and edges. */
		nodeIds: ReadonlySet<string>;
		edgeIds: ReadonlySet<string>;
		/** The ids that stand for reserved ones in the graph (see `aliasReservedIds`). */
		original: ReadonlyMap<string, string>;
		defaultType: 'directed' | 'undirected';
		tally: Tally;
		file: string;
	}
): { value: ReadGraph; warnings?: Problem[] } {
	const { nodeIds, edgeIds, original, defaultType, tally, file } = reading;
	const id = (key: string) => original.get(key) ?? key;
	const attributes: Record<string, Value> = {};
	for (const [name, value] of Object.entries(graph.getAttributes())) {
		// Meta elements keep the white space around their text.
		const kept = handOver(typeof value === 'string' ? value.trim() : value);
		if (kept !== undefined && !isReservedName(name)) attributes[name] = kept;
	}

	const nodes: ReadGraph['nodes'] = [];
	graph.forEachNode((alias, data) => {
		const key = id(alias);
		// Nodes the library added for edges that name undeclared ones: import.ts adds them, with a warning.
		if (!nodeIds.has(key)) return;
		const kept = keptAttributes(data, tally);
		nodes.push(kept ? { key, attributes: kept } : { key });
	});

	const edges: ReadGraph['edges'] = [];
	const seen = { directed: 0, undirected: 0 };
	graph.forEachEdge((alias, data, sourceAlias, targetAlias, _sourceData, _targetData, undirected) => {
		const [key, source, target] = [id(alias), id(sourceAlias), id(targetAlias)];
		const edge: ReadGraph['edges'][number] = edgeIds.has(key) ? { key, source, target } : { source, target };
		if (undirected) edge.undirected = true;
		seen[undirected ? 'undirected' : 'directed']++;
		const kept = keptAttributes(data, tally);
		if (kept) edge.attributes = kept;
		edges.push(edge);
	});

	const type =
		seen.directed > 0 && seen.undirected > 0
			? 'mixed'
			: seen.directed > 0
				? 'directed'
				: seen.undirected > 0
					? 'undirected'
					: defaultType;
	const value: ReadGraph = {
		attributes,
		options: { type, multi: graph.multi, allowSelfLoops: true },
		nodes,
		edges
	};
	const warnings = tally.problems(file);
	return warnings.length > 0 ? { value, warnings } : { value };
}

/** The attributes of a node or an edge as a reader hands them over; undefined when none is left. */
function keptAttributes(data: Record<string, unknown>, tally: Tally): Record<string, Value> | undefined {
	const out: Record<string, Value> = {};
	let any = false;
	for (const [name, value] of Object.entries(data)) {
		const kept = handOver(value);
		if (kept === undefined) {
			if (typeof value === 'number') {
				tally.add(
					`number ${name}`,
					undefined,
					`left out a value of ${quote(name)} that is not a finite number`,
					(count) => `left out ${count} values of ${quote(name)} that are not finite numbers`
				);
			}
			continue;
		}
		out[name] = kept;
		any = true;
	}
	return any ? out : undefined;
}

/**
 * The elements of `document` with each of the tag `names`, in document order, as getElementsByTagName finds them
 * (by tag name, prefix included), in one walk.
 */
function collect(document: Document, names: readonly string[]): Map<string, Element[]> {
	const found = new Map<string, Element[]>(names.map((name) => [name, []]));
	const stack: Node[] = [];
	for (let child = document.lastChild; child; child = child.previousSibling) stack.push(child);
	while (stack.length > 0) {
		const node = stack.pop() as Node;
		if (node.nodeType !== 1) continue;
		found.get((node as Element).tagName)?.push(node as Element);
		for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
	}
	return found;
}

/** The elements under `parent` with the tag name `name`, as graphology-gexf finds them (`getElementsByTagName`). */
function elementsNamed(parent: Document | Element, name: string): Element[] {
	const list = parent.getElementsByTagName(name);
	const out: Element[] = [];
	for (let i = 0; i < list.length; i++) {
		const element = list.item(i);
		if (element) out.push(element);
	}
	return out;
}
