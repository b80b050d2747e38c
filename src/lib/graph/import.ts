/**
 * Graphs from other tools into the explorer's model, one place for every format: what a reader hands over
 * (formats/reader.ts, graphology's serialized shape with any attributes) becomes data of graph-data/README.md's
 * format, which the validator then checks like any file. Here the explorer guesses, and says so in warnings:
 * - keys: an id that cannot be part of an address gets a stable, URL-safe key made from it (the id is kept as
 *   `originalId`); collisions get `-2`, `-3` in file order;
 * - labels from `label`, `name` or `title`, else the id; types from the first of `type`, `category`, `kind`,
 *   `group`, `class` that looks like a category (at most `LIMITS.categories` values), else one type;
 * - colours from the file (the type's when all its entities share one), else the palette;
 * - sizes scaled into the range the explorer draws when the file's are out of it; positions laid out when the
 *   file has none (layout.ts), and placed beside their neighbours when only some entities lack them;
 * - every other attribute kept as data (text, finite numbers, booleans; lists joined, objects as JSON text);
 * - relationships to entities the file does not have: the entity is added, as Gephi does;
 * - undirected relationships stay undirected; claims and evidence are optional (our curated profile, which
 *   requires them, is for files in our own format: load.ts).
 * Warnings are grouped: one per kind of guess, with a count and the first case.
 */
import Graph from 'graphology';
import { COMMUNITY_PALETTE } from './appearance';
import { expectedGraphId } from './formats/catalogue';
import { computeLayout } from './layout';
import { type Problem, type ProblemCode, PROBLEM_CODES, quote, showKey } from './problems';
import {
	ENTITY_KEY_PATTERN,
	asciiSlug,
	hexColour,
	iriSegment,
	LIMITS,
	RESERVED_ENTITY_KEYS,
	TYPE_KEY_PATTERN,
	isModality,
	isReservedName,
	needsSpeaker
} from './rules';
import type { Data, DataValue, GraphFile } from './schema';

/** The most types a graph gets from an attribute; an attribute with more values is data, not a type. */

/** Attribute names read as an entity's label, type, or a relationship's type, in order of preference. */
const LABEL_NAMES = ['label', 'name', 'title'];
const NODE_TYPE_NAMES = ['type', 'category', 'kind', 'group', 'class'];
const EDGE_TYPE_NAMES = ['type', 'kind', 'relation', 'relationship', 'predicate', 'category'];
/**
 * Node attributes the model reads itself (besides the label and type found above), each when its value is of a
 * use to it; a value that is not (a size written as text, an unreadable colour) stays among the data.
 */
const NODE_OWN: Readonly<Record<string, (value: unknown) => boolean>> = {
	x: isFiniteNumber,
	y: isFiniteNumber,
	size: (value) => isFiniteNumber(value) && value >= 0,
	color: (value) => hexColour(value) !== undefined,
	description: (value) => typeof value === 'string',
	aliases: Array.isArray
};

function isFiniteNumber(value: unknown): value is number {
	return typeof value === 'number' && Number.isFinite(value);
}

const DEFAULT_NODE_TYPE = { key: 'entity', label: 'Entity' };
const DEFAULT_EDGE_TYPE = { key: 'link', label: 'linked with' };
/** Sizes the explorer draws (geometry.ts draws 4 to 24 by degree); a file's sizes out of 1..24 are scaled here. */
const SIZE_RANGE = [4, 24] as const;

export type ImportResult =
	{ ok: true; value: GraphFile; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Whether `raw` is a graph to import: an object with a list of nodes that declares no types and no sources. Our
 * curated format declares them, and anything else (no list of nodes, not an object) is for the validator to
 * explain in the terms of our format.
 */
export function isImportedGraphData(raw: unknown): boolean {
	if (!isObject(raw) || !Array.isArray(raw.nodes)) return false;
	const attributes = isObject(raw.attributes) ? raw.attributes : {};
	return !('nodeTypes' in attributes || 'edgeTypes' in attributes || 'sources' in attributes);
}

/**
 * Imports graph data in graphology's serialized shape (any attributes) read from `file` in `format` (its
 * reader's name). The result is data of our format, not yet validated; or the errors that stop the import
 * (no list of nodes, an element without a key, duplicate keys, too many elements).
 */
export function importGraphData(raw: unknown, file: string, format: string): ImportResult {
	const notes = new Notes(file);
	if (!isObject(raw)) {
		notes.error(undefined, undefined, 'value.type', `the file holds ${describe(raw)}, not a graph`);
		return notes.failed();
	}
	const rawNodes = raw.nodes === undefined ? [] : raw.nodes;
	const rawEdges = raw.edges === undefined ? [] : raw.edges;
	for (const [name, list] of [
		['nodes', rawNodes],
		['edges', rawEdges]
	] as const) {
		if (!Array.isArray(list))
			notes.error(undefined, name, 'value.type', `must be a list, not ${describe(list)}`);
	}
	if (!Array.isArray(rawNodes) || !Array.isArray(rawEdges)) return notes.failed();
	if (rawNodes.length + rawEdges.length > LIMITS.elements) {
		notes.error(
			undefined,
			undefined,
			'format.too-many',
			`has ${rawNodes.length} entities and ${rawEdges.length} relationships; the explorer reads at most ${LIMITS.elements} in all`
		);
		return notes.failed();
	}
	const options = isObject(raw.options) ? raw.options : {};
	const graphAttributes = isObject(raw.attributes) ? raw.attributes : {};

	// Nodes: keys and attributes as the file has them.
	const nodes: { id: string; attributes: Record<string, unknown> }[] = [];
	const indexOf = new Map<string, number>();
	rawNodes.forEach((item: unknown, i) => {
		const id = isObject(item) ? idOf(item.key) : undefined;
		if (id === undefined) {
			notes.error(`node #${i}`, 'key', 'value.required', 'every entity needs a key (a string or a number)');
			return;
		}
		if (indexOf.has(id)) {
			notes.error(`node ${showKey(id)}`, 'key', 'key.duplicate', 'an earlier entity has the same key');
			return;
		}
		indexOf.set(id, nodes.length);
		const attributes = isObject(item) && isObject(item.attributes) ? item.attributes : {};
		nodes.push({ id, attributes });
	});

	// Edges: endpoints must be keys; entities they name that the file lacks are added.
	// Each end is kept as the place of its node in `nodes`, looked up once.
	const edges: {
		id?: string;
		source: number;
		target: number;
		undirected: boolean;
		attributes: Record<string, unknown>;
	}[] = [];
	const undirectedGraph = options.type === 'undirected';
	/** The place in `nodes` of an edge's end; the node is added when the file lacks it. */
	const endAt = (item: Record<string, unknown>, end: 'source' | 'target', i: number) => {
		const id = idOf(item[end]);
		if (id === undefined) {
			notes.error(`edge #${i}`, end, 'value.required', 'every relationship needs a source and a target key');
			return undefined;
		}
		let at = indexOf.get(id);
		if (at === undefined) {
			notes.tally('import.added-node', 'added', `edge #${i} › ${end} ${quote(id)}`);
			at = nodes.length;
			indexOf.set(id, at);
			nodes.push({ id, attributes: {} });
		}
		return at;
	};
	rawEdges.forEach((item: unknown, i) => {
		if (!isObject(item)) {
			notes.error(`edge #${i}`, undefined, 'value.type', `must be an object, not ${describe(item)}`);
			return;
		}
		const source = endAt(item, 'source', i);
		const target = source === undefined ? undefined : endAt(item, 'target', i);
		if (source === undefined || target === undefined) return;
		edges.push({
			id: idOf(item.key),
			source,
			target,
			undirected: item.undirected === true || (undirectedGraph && item.undirected !== false),
			attributes: isObject(item.attributes) ? item.attributes : {}
		});
	});
	if (notes.failedAlready) return notes.failed();

	// Keys: the file's where they can be part of an address, else made from them.
	const nodeKeys = urlSafeKeys(
		nodes.map((node) => node.id),
		RESERVED_ENTITY_KEYS,
		(id, key) => notes.tally('import.guessed', 'keys', `${quote(id)} → ${key}`)
	);
	const edgeKeys = urlSafeKeys(
		edges.map((edge) => edge.id),
		new Set(),
		() => undefined
	);
	// Relationships without a key get one by their place in the file (`e1`, `e2` …), so that a graph keeps the
	// same keys from one build to the next (graphology would make up random ones).
	let takenEdgeKeys: Set<string | undefined> | undefined;
	let next = 0;
	for (let i = 0; i < edgeKeys.length; i++) {
		if (edgeKeys[i] !== undefined) continue;
		takenEdgeKeys ??= new Set(edgeKeys);
		let key: string;
		do key = `e${++next}`;
		while (takenEdgeKeys.has(key));
		edgeKeys[i] = key;
	}

	// Types: one attribute for every entity, one for every relationship.
	// Names are resolved once per graph, in any case (a file writes its columns the same way on every row).
	const nodeNames = namesIn(nodes);
	const edgeNames = namesIn(edges);
	const nodeLabelName = pick(nodeNames, LABEL_NAMES);
	const edgeLabelName = pick(edgeNames, ['label']);
	const nodeTypeName = typeAttribute(nodes, nodeNames, NODE_TYPE_NAMES);
	const edgeTypeName =
		typeAttribute(edges, edgeNames, EDGE_TYPE_NAMES) ?? typeAttribute(edges, edgeNames, ['label']);
	if (nodeTypeName && nodeTypeName !== 'type') {
		notes.note(`entity types are the values of the attribute ${quote(nodeTypeName)}`);
	}
	const nodeTypes = new TypeKeys(DEFAULT_NODE_TYPE);
	const edgeTypes = new TypeKeys(DEFAULT_EDGE_TYPE);

	// Sizes and positions.
	const scaleSize = sizeScale(nodes, notes);
	const positions = placeNodes(nodes, edges, notes);

	const outNodes: GraphFile['nodes'] = [];
	const colourVotes = new Map<string, Map<string, number>>();
	nodes.forEach((node, i) => {
		const attributes = node.attributes;
		const key = nodeKeys[i] as string;
		const labelName = nodeLabelName;
		let label = labelName === undefined ? undefined : textOf(attributes[labelName]);
		if (label === undefined || label.trim() === '') {
			label = labelFromId(node.id);
			notes.tally('import.guessed', 'labels', showKey(node.id));
		}
		const typeValue = nodeTypeName === undefined ? undefined : textOf(attributes[nodeTypeName]);
		const type = nodeTypes.keyOf(typeValue);
		const { x, y } = positions[i] as { x: number; y: number };
		const out: GraphFile['nodes'][number]['attributes'] = {
			label: clip(label, LIMITS.label),
			type,
			description:
				typeof attributes.description === 'string' ? clip(attributes.description, LIMITS.description) : '',
			aliases: aliasesOf(attributes.aliases),
			x,
			y
		};
		const size = scaleSize(attributes.size);
		if (size !== undefined) out.size = size;
		const colour = hexColour(attributes.color);
		if (colour) {
			out.color = colour;
			const votes = colourVotes.get(type) ?? new Map<string, number>();
			colourVotes.set(type, votes.set(colour, (votes.get(colour) ?? 0) + 1));
		}
		if (key !== node.id) out.originalId = clip(node.id, LIMITS.url);
		const data = dataOf(
			attributes,
			(name) =>
				name === labelName ||
				name === nodeTypeName ||
				(Object.hasOwn(NODE_OWN, name) && NODE_OWN[name]?.(attributes[name]) === true),
			() => `node ${showKey(node.id)}`,
			notes
		);
		if (data) out.data = data;
		outNodes.push({ key, attributes: out });
	});

	const outEdges: GraphFile['edges'] = edges.map((edge, i) => {
		const attributes = edge.attributes;
		const typeName = edgeTypeName;
		const typeValue = typeName === undefined ? undefined : textOf(attributes[typeName]);
		const labelName = edgeLabelName;
		const ownLabel = labelName === undefined ? undefined : textOf(attributes[labelName]);
		const type = edgeTypes.keyOf(typeValue, ownLabel);
		const out: GraphFile['edges'][number]['attributes'] = {
			type,
			label: clip(
				ownLabel?.trim() ? ownLabel : (edgeTypes.labelOf(type) ?? DEFAULT_EDGE_TYPE.label),
				LIMITS.label
			)
		};
		if (typeof attributes.claim === 'string' && attributes.claim.trim() !== '') {
			out.claim = clip(attributes.claim, LIMITS.claim);
		}
		// How the source makes the claim, and whose view it is (our own exports write both): kept when they make
		// sense here (an attributed relationship needs a speaker among the file's entities), else left as data.
		const speakerId = textOf(attributes.attributedTo);
		const speakerAt = speakerId === undefined ? undefined : indexOf.get(speakerId);
		const speaker = speakerAt === undefined ? undefined : nodeKeys[speakerAt];
		const modality =
			isModality(attributes.modality) && (speaker !== undefined || !needsSpeaker(attributes.modality))
				? attributes.modality
				: undefined;
		if (modality) out.modality = modality;
		if (modality && speaker !== undefined) out.attributedTo = speaker;
		const where = () => `edge ${edge.id === undefined ? `#${i}` : showKey(edge.id)}`;
		const data = dataOf(
			attributes,
			(name) =>
				name === typeName ||
				(name === labelName && ownLabel !== undefined) ||
				(name === 'claim' && typeof attributes.claim === 'string') ||
				(name === 'modality' && modality !== undefined) ||
				(name === 'attributedTo' && out.attributedTo !== undefined),
			where,
			notes
		);
		if (data) out.data = data;
		// In the order of the format's fields, which the validator then keeps as they are (fast-check.ts).
		const key = edgeKeys[i] as string;
		const source = nodeKeys[edge.source] as string;
		const target = nodeKeys[edge.target] as string;
		return edge.undirected
			? { key, source, target, undirected: true, attributes: out }
			: { key, source, target, attributes: out };
	});

	// A type's colour is the one all its entities share in the file; entities of that colour need no own one.
	const nodeTypeRecord: GraphFile['attributes']['nodeTypes'] = {};
	nodeTypes.entries().forEach(({ key, label }, i) => {
		const votes = colourVotes.get(key);
		const shared = votes?.size === 1 ? [...votes.keys()][0] : undefined;
		nodeTypeRecord[key] = { label, color: shared ?? paletteColour(i) };
	});
	for (const node of outNodes) {
		if (node.attributes.color === nodeTypeRecord[node.attributes.type]?.color) delete node.attributes.color;
	}
	const edgeTypeRecord: GraphFile['attributes']['edgeTypes'] = {};
	for (const { key, label } of edgeTypes.entries()) edgeTypeRecord[key] = { label };

	const id = expectedGraphId(file, true);
	const title = textOf(graphAttributes[pick(namesIn([{ attributes: graphAttributes }]), LABEL_NAMES) ?? '']);
	const description = textOf(graphAttributes.description);
	const value: GraphFile = {
		attributes: {
			id,
			title: clip(title?.trim() ? title : titleFromId(id), LIMITS.title),
			description: description ? clip(description, LIMITS.graphDescription) : '',
			sources: [],
			nodeTypes: nodeTypeRecord,
			edgeTypes: edgeTypeRecord,
			importedFrom: format
		},
		nodes: outNodes,
		edges: outEdges
	};
	return { ok: true, value, warnings: notes.warnings() };
}

// ---------------------------------------------------------------------------------------------------------------
// Keys

/**
 * A URL-safe key for each id, in order: the id itself where it is one (and not `reserved`), else one made from
 * it: the last segment of an IRI, accents dropped, anything else turned into `-`; `-2`, `-3` … after a key that
 * is taken. Ids that are keys already are placed first, so that no made key takes the place of one of them.
 */
export function urlSafeKeys(
	ids: readonly (string | undefined)[],
	reserved: ReadonlySet<string>,
	onMade: (id: string, key: string) => void
): (string | undefined)[] {
	const usable = (id: string) =>
		id.length <= LIMITS.entityKey && ENTITY_KEY_PATTERN.test(id) && !isReservedName(id) && !reserved.has(id);
	const taken = new Set<string>();
	const keys: (string | undefined)[] = ids.map((id) => {
		if (id === undefined || !usable(id) || taken.has(id)) return undefined;
		taken.add(id);
		return id;
	});
	ids.forEach((id, i) => {
		if (id === undefined || keys[i] !== undefined) return;
		const base = slug(id);
		let key = base;
		for (let n = 2; taken.has(key) || !usable(key); n++) key = `${base.slice(0, LIMITS.entityKey - 8)}-${n}`;
		taken.add(key);
		keys[i] = key;
		onMade(id, key);
	});
	return keys;
}

/** A slug of `id` that matches the key pattern (a hash of it when nothing of it is left). */
export function slug(id: string): string {
	// An IRI: its last segment names the thing (`http://example.org/people/Alice` is Alice).
	const ascii = asciiSlug(iriSegment(id.trim()) ?? id.trim());
	// Nothing Latin to keep (東京): a key from a hash of the id, the same whatever else the file holds.
	return ascii || `e-${hash(id)}`;
}

/** FNV-1a of `text`'s UTF-16 code units, in base 36. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
	return h.toString(36);
}

/** A key as a file writes it: text or a number, not empty. */
function idOf(value: unknown): string | undefined {
	const text = textOf(value);
	return text === '' ? undefined : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Types

/**
 * The name of the attribute that types the elements: the first of `names` (in any case) that some element has
 * and whose values look like a category: text or numbers, at most `LIMITS.categories` of them, each short.
 */
function typeAttribute(
	elements: readonly { attributes: Record<string, unknown> }[],
	present: ReadonlyMap<string, string>,
	names: readonly string[]
): string | undefined {
	candidates: for (const wanted of names) {
		const name = present.get(wanted);
		if (name === undefined) continue;
		const values = new Set<string>();
		for (const { attributes } of elements) {
			const value = textOf(attributes[name]);
			if (value === undefined || value.trim() === '') continue;
			// A type is a short name: a long or multi-line value is a note, and the attribute no type.
			if (value.length > LIMITS.categoryLength || value.includes('\n')) continue candidates;
			values.add(value);
			if (values.size > LIMITS.categories) continue candidates;
		}
		if (values.size > 0) return name;
	}
	return undefined;
}

/** Type keys made from a file's type values: the default type for elements without one. */
class TypeKeys {
	private readonly byValue = new Map<string, { key: string; label: string }>();
	private readonly labels = new Map<string, Map<string, number>>();
	private readonly taken = new Set<string>();

	constructor(private readonly fallback: { key: string; label: string }) {}

	/** The key of `value`'s type (made on first sight); `label` is counted as a label of that type. */
	keyOf(value: string | undefined, label?: string): string {
		const name = value?.trim() ? value.trim() : undefined;
		let entry = this.byValue.get(name ?? '\u0000');
		if (!entry) {
			entry =
				name === undefined
					? this.fallback
					: { key: this.freeKey(typeKey(name)), label: clip(name, LIMITS.label) };
			if (name === undefined) this.freeKey(entry.key);
			this.byValue.set(name ?? '\u0000', entry);
		}
		if (label?.trim()) {
			const counts = this.labels.get(entry.key) ?? new Map<string, number>();
			this.labels.set(entry.key, counts.set(label, (counts.get(label) ?? 0) + 1));
		}
		return entry.key;
	}

	/** The label type `key` was made with: its value, or the default type's. */
	labelOf(key: string): string | undefined {
		for (const entry of this.byValue.values()) if (entry.key === key) return entry.label;
		return undefined;
	}

	/** Every type: its label is the commonest label of its elements where they have one, else its value. */
	entries(): { key: string; label: string }[] {
		return [...this.byValue.values()].map(({ key, label }) => {
			const counts = this.labels.get(key);
			if (!counts || key === this.fallback.key) return { key, label };
			const [commonest] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
			return { key, label: clip(commonest?.[0] ?? label, LIMITS.label) };
		});
	}

	private freeKey(base: string): string {
		let key = base;
		for (let n = 2; this.taken.has(key); n++) key = `${base.slice(0, LIMITS.typeKey - 8)}-${n}`;
		this.taken.add(key);
		return key;
	}
}

/** A type key (lowercase, starting with a letter) made from a type's value. */
function typeKey(value: string): string {
	const base = slug(value.replace(/^[a-z][a-z0-9+.-]*:(?!\/\/)/i, (prefix) => prefix.replace(':', '-')))
		.toLowerCase()
		.replace(/[^a-z0-9_-]+/g, '-')
		.slice(0, LIMITS.typeKey - 10);
	const key = /^[a-z]/.test(base) ? base : `t-${base}`;
	return TYPE_KEY_PATTERN.test(key) && !isReservedName(key) ? key : 'type';
}

function paletteColour(i: number): string {
	return COMMUNITY_PALETTE[i % COMMUNITY_PALETTE.length] as string;
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes and positions

/** A function from a file's size to the explorer's: as it is when every size is in 1..100, else scaled. */
function sizeScale(nodes: readonly { attributes: Record<string, unknown> }[], notes: Notes) {
	let [min, max] = [Infinity, -Infinity];
	for (const { attributes } of nodes) {
		const size = attributes.size;
		if (isFiniteNumber(size) && size >= 0) [min, max] = [Math.min(min, size), Math.max(max, size)];
	}
	const valid = (size: unknown): size is number => isFiniteNumber(size) && size >= 0;
	// Sizes the explorer draws as they are (in pixels); Gephi's (10 to 100, for a layout hundreds wide) are scaled.
	if (min >= LIMITS.minSize && max <= SIZE_RANGE[1])
		return (size: unknown) => (valid(size) ? size : undefined);
	if (min <= max) {
		notes.note(
			`sizes run from ${min} to ${max}; they were scaled to ${SIZE_RANGE[0]} to ${SIZE_RANGE[1]} pixels`
		);
	}
	const span = max - min;
	return (size: unknown) =>
		valid(size)
			? round(SIZE_RANGE[0] + (span > 0 ? (size - min) / span : 0.5) * (SIZE_RANGE[1] - SIZE_RANGE[0]))
			: undefined;
}

/**
 * Every node's position: the file's when every node has one (scaled down if it is out of the format's range);
 * laid out (layout.ts) when none has; beside its placed neighbours, or on a ring around the rest, when some lack one.
 * `edges` name their ends by their places in `nodes`.
 */
function placeNodes(
	nodes: readonly { id: string; attributes: Record<string, unknown> }[],
	edges: readonly { source: number; target: number }[],
	notes: Notes
): { x: number; y: number }[] {
	const given = nodes.map(({ attributes: { x, y } }) =>
		isFiniteNumber(x) && isFiniteNumber(y) ? { x, y } : undefined
	);
	const placed = given.filter((p) => p !== undefined).length;
	if (nodes.length > 0 && placed === 0) {
		notes.note(`the file gives no positions; the graph was laid out (ForceAtlas2, then noverlap)`);
		// Keyed by position, never by the file's ids: graphology keeps neighbours in plain objects, where an id
		// such as `__proto__` would reach Object.prototype.
		const graph = new Graph({ multi: true });
		for (let i = 0; i < nodes.length; i++) graph.addNode(String(i));
		for (const { source, target } of edges) {
			if (source !== target) graph.addEdge(String(source), String(target));
		}
		const layout = computeLayout(graph);
		return nodes.map((_node, i) => layout.get(String(i)) ?? { x: 0, y: 0 });
	}
	let extent = 0;
	for (const p of given) if (p) extent = Math.max(extent, Math.abs(p.x), Math.abs(p.y));
	const factor = extent > LIMITS.coordinate ? LIMITS.coordinate / extent : 1;
	if (factor < 1) notes.note(`positions reach ${extent}; they were scaled into ±${LIMITS.coordinate}`);
	const out = given.map((p) => (p ? { x: round(p.x * factor), y: round(p.y * factor) } : undefined));
	if (placed === nodes.length) return out as { x: number; y: number }[];

	// Some nodes lack a position: beside the centre of their placed neighbours, else on a ring outside the rest.
	notes.note(
		`${nodes.length - placed} of ${nodes.length} entities have no position; they were placed beside their neighbours`
	);
	const neighbours = new Map<number, number[]>();
	for (const { source: a, target: b } of edges) {
		for (const [from, to] of [
			[a, b],
			[b, a]
		] as const) {
			const list = neighbours.get(from);
			if (list) list.push(to);
			else neighbours.set(from, [to]);
		}
	}
	let radius = 0;
	for (const p of out) if (p) radius = Math.max(radius, Math.hypot(p.x, p.y));
	radius = Math.min(LIMITS.coordinate / 2, radius * 1.1 + 50);
	const missing = out.flatMap((p, i) => (p ? [] : [i]));
	missing.forEach((i, n) => {
		const near = (neighbours.get(i) ?? []).flatMap((j) => (out[j] ? [out[j]] : []));
		const angle = (2 * Math.PI * n) / missing.length;
		if (near.length > 0) {
			const cx = near.reduce((sum, p) => sum + p.x, 0) / near.length;
			const cy = near.reduce((sum, p) => sum + p.y, 0) / near.length;
			out[i] = { x: inRange(cx + 20 * Math.cos(angle)), y: inRange(cy + 20 * Math.sin(angle)) };
		} else {
			out[i] = { x: round(radius * Math.cos(angle)), y: round(radius * Math.sin(angle)) };
		}
	});
	return out as { x: number; y: number }[];
}

// ---------------------------------------------------------------------------------------------------------------
// Values

/**
 * The data attributes of an element: every attribute `own` does not claim, with values the format can hold.
 * `where` names the element in a note (made only for one).
 */
function dataOf(
	attributes: Record<string, unknown>,
	own: (name: string) => boolean,
	where: () => string,
	notes: Notes
): Data | undefined {
	let data: Data | undefined;
	let count = 0;
	for (const name of Object.keys(attributes)) {
		if (own(name)) continue;
		const value = dataValue(attributes[name]);
		if (value === undefined) continue;
		if (name === '' || isReservedName(name) || name.length > LIMITS.dataName) {
			notes.tally('import.value', 'names', `${where()} › ${quote(name)}`);
			continue;
		}
		if (++count > LIMITS.dataAttributes) {
			notes.tally('import.value', 'too-many', where());
			break;
		}
		let kept = value;
		if (typeof value === 'string' && value.length > LIMITS.dataValue) {
			kept = clip(value, LIMITS.dataValue);
			notes.tally('import.value', 'long', `${where()} › ${quote(name)}`);
		}
		(data ??= {})[name] = kept;
	}
	return data;
}

/** A value the format can hold as data: text, a finite number or a boolean; lists joined, objects as JSON. */
function dataValue(value: unknown): DataValue | undefined {
	if (typeof value === 'string') return value === '' ? undefined : value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'boolean') return value;
	if (Array.isArray(value) && value.every((item) => !Array.isArray(item) && !isObject(item))) {
		const items = value.map(dataValue).filter((item) => item !== undefined);
		return items.length > 0 ? items.join('; ') : undefined;
	}
	// Nested lists and objects as JSON text (too deep to write: dropped).
	if (Array.isArray(value) || isObject(value)) {
		try {
			return JSON.stringify(value);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/** Text of a string or a number (a label, a type written as a number); undefined for anything else. */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (isFiniteNumber(value)) return String(value);
	return undefined;
}

function aliasesOf(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter((alias): alias is string => typeof alias === 'string' && alias.trim() !== '')
		.slice(0, LIMITS.aliases)
		.map((alias) => clip(alias, LIMITS.alias));
}

/**
 * The attribute names the elements have, by their lowercase form (the first spelling met wins); own names only,
 * read without Object.keys per element where the elements share their names.
 */
function namesIn(elements: readonly { attributes: Record<string, unknown> }[]): Map<string, string> {
	const names = new Map<string, string>();
	const seen = new Set<string>();
	for (const { attributes } of elements) {
		for (const name in attributes) {
			if (seen.has(name) || !Object.hasOwn(attributes, name)) continue;
			seen.add(name);
			const lower = name.toLowerCase();
			if (!names.has(lower)) names.set(lower, name);
		}
	}
	return names;
}

/** The actual name of the first of `wanted` (lowercase) that `names` has. */
function pick(names: ReadonlyMap<string, string>, wanted: readonly string[]): string | undefined {
	for (const name of wanted) {
		const found = names.get(name);
		if (found !== undefined) return found;
	}
	return undefined;
}

/**
 * A label for an entity the file gives none: the last segment of an IRI, decoded, with `_` as spaces
 * (`http://dbpedia.org/resource/Western_philosophy` → `Western philosophy`), `blank node b0` for an RDF blank node;
 * else the id.
 */
function labelFromId(id: string): string {
	// An RDF blank node (`_:b0`, or `_:[1]` for an anonymous one) has no name of its own.
	if (id.startsWith('_:')) return `blank node ${id.slice(2).replace(/^\[(\d+)\]$/, '$1')}`;
	const segment = iriSegment(id);
	if (!segment) return id;
	let text = segment;
	try {
		text = decodeURIComponent(segment);
	} catch {
		// A malformed escape: the segment as written.
	}
	return text.replace(/_/g, ' ').trim() || id;
}

/** `les-miserables` → `Les miserables`. */
function titleFromId(id: string): string {
	const words = id.replace(/[-_.]+/g, ' ').trim();
	return words ? words[0]?.toUpperCase() + words.slice(1) : 'Graph';
}

function clip(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function round(value: number): number {
	return Math.round(value * 100) / 100;
}

/** A coordinate rounded and kept within the format's range. */
function inRange(value: number): number {
	return round(Math.min(LIMITS.coordinate, Math.max(-LIMITS.coordinate, value)));
}

function describe(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	return typeof value === 'object'
		? 'an object'
		: `${typeof value === 'string' ? 'text' : `a ${typeof value}`}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Warnings

/** What a kind of guess says, with its count and its first case. */
const TALLIES = {
	added: (n: number) =>
		`${plural(n, 'relationship names an entity', 'relationships name entities')} the file does not have; ${n === 1 ? 'it was' : 'they were'} added`,
	keys: (n: number) =>
		`${plural(n, 'entity id is', 'entity ids are')} not usable in an address; keys were made from them (the ids are kept)`,
	labels: (n: number) => `${plural(n, 'entity has', 'entities have')} no label; it is made from the id`,
	names: (n: number) =>
		`${plural(n, 'attribute', 'attributes')} with an empty, reserved or over-long name ${n === 1 ? 'was' : 'were'} left out`,
	'too-many': (n: number) =>
		`${plural(n, 'element has', 'elements have')} more than ${LIMITS.dataAttributes} attributes; the rest were left out`,
	long: (n: number) =>
		`${plural(n, 'value was', 'values were')} longer than ${LIMITS.dataValue} characters and shortened`
} as const;

function plural(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

class Notes {
	private readonly errors: Problem[] = [];
	private readonly notes: Problem[] = [];
	private readonly tallies = new Map<
		keyof typeof TALLIES,
		{ code: ProblemCode; count: number; first: string }
	>();

	constructor(private readonly file: string) {}

	get failedAlready(): boolean {
		return this.errors.length > 0;
	}

	error(where: string | undefined, field: string | undefined, code: ProblemCode, message: string): void {
		const problem: Problem = { severity: PROBLEM_CODES[code], code, file: this.file, message };
		if (where !== undefined) problem.where = where;
		if (field !== undefined) problem.field = field;
		// A hostile file could fail every element: the first hundred say enough.
		if (this.errors.length < 100) this.errors.push(problem);
	}

	/** A guess about the graph as a whole. */
	note(message: string): void {
		this.notes.push({
			severity: 'warning',
			code: 'import.guessed',
			file: this.file,
			message
		});
	}

	/** One more case of a kind of guess; `first` says where the first one is. */
	tally(code: ProblemCode, kind: keyof typeof TALLIES, first: string): void {
		const entry = this.tallies.get(kind);
		if (entry) entry.count++;
		else this.tallies.set(kind, { code, count: 1, first });
	}

	failed(): { ok: false; problems: Problem[] } {
		return { ok: false, problems: this.errors };
	}

	warnings(): Problem[] {
		const tallied = [...this.tallies].map(([kind, { code, count, first }]): Problem => ({
			severity: PROBLEM_CODES[code],
			code,
			file: this.file,
			message: `${TALLIES[kind](count)} (first: ${first})`
		}));
		return [...this.notes, ...tallied];
	}
}

/**
 * Whether an attribute the format does not name can be kept as data: a name that is not reserved and not too
 * long, and a value data can hold (text, a finite number, a boolean, a list of them, an object as JSON text).
 */
export function keepableAsData(name: string, value: unknown): boolean {
	return (
		name !== '' && !isReservedName(name) && name.length <= LIMITS.dataName && dataValue(value) !== undefined
	);
}

/**
 * Our curated format with attributes it does not name on entities and relationships: those attributes move into
 * their `data` (with the values data can hold; others stay where they are for the validator to report). Returns
 * `raw` itself when nothing moves; never changes it.
 */
export function keepUnknownAttributes<T>(
	raw: T,
	nodeFields: readonly string[],
	edgeFields: readonly string[]
): T {
	if (!isObject(raw)) return raw;
	const move = (list: unknown, known: readonly string[]) => {
		if (!Array.isArray(list)) return list;
		let copy: unknown[] | undefined;
		list.forEach((item: unknown, i) => {
			if (!isObject(item) || !isObject(item.attributes)) return;
			const attributes = item.attributes;
			const unknown = Object.keys(attributes).filter(
				(name) => !known.includes(name) && keepableAsData(name, attributes[name])
			);
			if (unknown.length === 0) return;
			const rest: Record<string, unknown> = {};
			const data: Record<string, unknown> = isObject(attributes.data) ? { ...attributes.data } : {};
			for (const name of Object.keys(attributes)) {
				if (unknown.includes(name)) data[name] = dataValue(attributes[name]);
				else if (name !== 'data') rest[name] = attributes[name];
			}
			rest.data = data;
			(copy ??= list.slice())[i] = { ...item, attributes: rest };
		});
		return copy ?? list;
	};
	const nodes = move(raw.nodes, nodeFields);
	const edges = move(raw.edges, edgeFields);
	return nodes === raw.nodes && edges === raw.edges ? raw : ({ ...raw, nodes, edges } as T);
}
