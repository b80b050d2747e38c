/**
 * The fast path of the validator, for the common case: a graph file with nothing to report.
 *
 * zod costs far more per object than reading the file does, so before running it `validateGraphData` asks
 * `cleanGraphFile` whether the file is clean: whether the full check (the schema of schema.ts, then
 * `checkReferences` and `checkFieldNames` of load.ts) would accept it with no error and no warning. The answer
 * must never be yes when the full check would say anything; it may be no whenever this code is unsure, and then
 * the full check runs and writes the messages. So every check here mirrors one of schema.ts or load.ts, with the
 * rules themselves (limits, patterns, predicates, reserved names) read from rules.ts like the schema does; and
 * anything unusual (an unknown attribute, a key out of the format's order, an object that is not a plain JSON
 * object) is simply "not clean".
 *
 * On a clean file the answer is the data exactly as zod would return it: the parsed value itself, except that
 * entities without `description` or `aliases` get their defaults and objects whose keys are not in the order of
 * the schema are rebuilt in that order (zod's output follows the schema's order). The input is never changed:
 * what differs is copied, up to the top.
 */
import { z } from 'zod';
import { expectedGraphId } from './formats/catalogue';
import {
	ENTITY_KEY_PATTERN,
	GRAPH_ID_PATTERN,
	LIMITS,
	type Modality,
	RESERVED_ENTITY_KEYS,
	SITE_PATHS,
	TYPE_KEY_PATTERN,
	isCalendarDate,
	isColour,
	isHttpUrl,
	isModality,
	isReservedName,
	needsSpeaker
} from './rules';
import {
	DATA_KINDS,
	type EdgeAttributes,
	type GraphAttributes,
	type GraphFile,
	KNOWN_FIELDS,
	type NodeAttributes,
	storySchema
} from './schema';
import { storyProblems, storyReferences } from './stories';

// Module-local copies of what the rules read: under some loaders (tsx, vitest) every use of an imported binding
// is a getter call, which the hot loops below would pay a million times.
const L = { ...LIMITS };
const STORIES = z.array(storySchema).max(LIMITS.stories);
const isReserved = isReservedName;
const isHttp = isHttpUrl;
const isCalendar = isCalendarDate;
const ENTITY_ADDRESSES = RESERVED_ENTITY_KEYS;
const SITE_ADDRESSES = SITE_PATHS;
const GRAPH_ID = GRAPH_ID_PATTERN;
const TYPE_KEY = TYPE_KEY_PATTERN;
const ENTITY_KEY = ENTITY_KEY_PATTERN;
const isColourText = isColour;

/** The fields of each part of the format, in the order of the schema: the rules below check exactly these. */
export const FAST_CHECK_FIELDS = {
	top: ['attributes', 'options', 'nodes', 'edges'],
	graph: [
		'id',
		'title',
		'description',
		'sources',
		'nodeTypes',
		'edgeTypes',
		'importedFrom',
		'dataKinds',
		'stories'
	],
	source: ['id', 'title', 'publisher', 'url', 'date', 'note'],
	nodeType: ['label', 'color'],
	edgeType: ['label'],
	options: ['type', 'multi', 'allowSelfLoops'],
	nodeEntry: ['key', 'attributes'],
	node: ['label', 'type', 'description', 'aliases', 'x', 'y', 'size', 'color', 'originalId', 'data'],
	edgeEntry: ['key', 'source', 'target', 'undirected', 'attributes'],
	edge: ['type', 'label', 'claim', 'evidence', 'data', 'modality', 'attributedTo'],
	evidence: ['source', 'section']
} as const satisfies Record<keyof typeof KNOWN_FIELDS, readonly string[]>;

/**
 * Whether the fields above are still those of the schema. When someone adds a field to schema.ts and not here,
 * the fast path turns itself off (every file goes through zod) rather than let an unchecked field through.
 */
const IN_STEP_WITH_SCHEMA = (Object.keys(KNOWN_FIELDS) as (keyof typeof KNOWN_FIELDS)[]).every(
	(part) =>
		FAST_CHECK_FIELDS[part].length === KNOWN_FIELDS[part].length &&
		FAST_CHECK_FIELDS[part].every((name, i) => KNOWN_FIELDS[part][i] === name)
);

/** Whether the fast path is on (it is unless the field lists above drifted from the schema). */
export function fastCheckEnabled(): boolean {
	return IN_STEP_WITH_SCHEMA;
}

type NodeEntry = GraphFile['nodes'][number];
type EdgeEntry = GraphFile['edges'][number];
type Source = GraphAttributes['sources'][number];
type Evidence = NonNullable<EdgeAttributes['evidence']>[number];
type Options = NonNullable<GraphFile['options']>;
type Json = Record<string, unknown>;

/**
 * The data zod would return for `raw` when the full check would report nothing at all for it as `file`;
 * undefined when it would report something, or might. Never throws on the output of JSON.parse.
 */
export function cleanGraphFile(raw: unknown, file: string): GraphFile | undefined {
	if (!IN_STEP_WITH_SCHEMA || !isPlain(raw)) return undefined;
	const mask = keyMask(raw, FAST_CHECK_FIELDS.top);
	if (mask < 0 || (mask & TOP_REQUIRED) !== TOP_REQUIRED) return undefined;
	const imported = isPlain(raw.attributes) && raw.attributes.importedFrom !== undefined;
	const attributes = cleanGraphAttributes(raw.attributes, expectedGraphId(file, imported));
	if (!attributes) return undefined;
	let options: Options | undefined;
	if (mask & TOP_OPTIONS) {
		options = cleanOptions(raw.options);
		if (!options) return undefined;
	} else if (raw.options !== undefined) {
		return undefined;
	}
	const nodeKeys = new Set<string>();
	const nodes = cleanNodes(raw.nodes, new Set(Object.keys(attributes.nodeTypes)), nodeKeys);
	if (!nodes) return undefined;
	const edges = cleanEdges(
		raw.edges,
		nodeKeys,
		new Set(Object.keys(attributes.edgeTypes)),
		new Set(attributes.sources.map((source) => source.id)),
		attributes.importedFrom === undefined
	);
	if (!edges) return undefined;
	if (
		attributes.stories &&
		storyProblems(attributes.stories, storyReferences({ ...raw, nodes, edges }), 1).length > 0
	) {
		return undefined;
	}
	if (
		attributes === raw.attributes &&
		options === raw.options &&
		nodes === raw.nodes &&
		edges === raw.edges &&
		!(mask & UNORDERED)
	) {
		return raw as GraphFile;
	}
	return options ? { attributes, options, nodes, edges } : { attributes, nodes, edges };
}

/** Whether `raw` is clean as `file` (see `cleanGraphFile`). */
export function isCleanGraphFile(raw: unknown, file: string): boolean {
	return cleanGraphFile(raw, file) !== undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Keys of objects

/** Set in a key mask when the keys are not in the order of the schema. */
const UNORDERED = 1 << 30;

/**
 * Bit i set when `fields[i]` is an (enumerable) key of `value`, plus UNORDERED when the keys come out of the
 * schema's order; -1 when `value` has any other key (an unknown attribute is a warning, a reserved name an error).
 */
function keyMask(value: object, fields: readonly string[]): number {
	let mask = 0;
	let last = -1;
	for (const key in value) {
		const i = fields.indexOf(key);
		if (i < 0) return -1;
		if (i < last) mask |= UNORDERED;
		last = i;
		mask |= 1 << i;
	}
	return mask;
}

/**
 * Checks an optional field: present (in the mask) it must pass `ok`, absent it must read as undefined. The
 * second half refuses values zod would see and the key scan would not (non-enumerable or inherited ones).
 */
function optionalOk<T>(
	mask: number,
	bit: number,
	value: unknown,
	ok: (value: unknown) => value is T
): boolean {
	return mask & bit ? ok(value) : value === undefined;
}

const OBJECT_PROTOTYPE = Object.prototype;

/** An object as JSON.parse makes them: not null, not an array, not an instance of anything. */
function isPlain(value: unknown): value is Json {
	return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === OBJECT_PROTOTYPE;
}

/**
 * Checks every item of an array with `clean`, which returns the item itself, a rebuilt copy, or undefined when
 * the item is not clean. Returns the array itself, a copy holding the rebuilt items, or undefined.
 */
function mapClean<T>(list: unknown, clean: (item: unknown) => T | undefined): T[] | undefined {
	if (!Array.isArray(list)) return undefined;
	let copy: T[] | undefined;
	for (let i = 0; i < list.length; i++) {
		const item: unknown = list[i];
		const checked = clean(item);
		if (checked === undefined) return undefined;
		if (checked !== item) (copy ??= list.slice())[i] = checked;
	}
	return copy ?? (list as T[]);
}

/** The fields of `value` named by the bits of `mask`, in the order of `fields` (as zod writes them). */
function inSchemaOrder(value: Json, fields: readonly string[], mask: number): Json {
	const out: Json = {};
	for (let i = 0; i < fields.length; i++) {
		const name = fields[i] as string;
		if (mask & (1 << i)) out[name] = value[name];
	}
	return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Values (each mirrors a schema of schema.ts, with the rules of rules.ts)

/** `text(min, max)`: a string of min to max UTF-16 code units (zod counts `.length`). */
function isText(value: unknown, min: number, max: number): value is string {
	return typeof value === 'string' && value.length >= min && value.length <= max;
}

/** `graphIdSchema`, and `checkReferences`' rule that the id is the file's name. */
function isGraphId(value: unknown, expected: string): value is string {
	return (
		value === expected && isText(value, 1, L.graphId) && GRAPH_ID.test(value) && !SITE_ADDRESSES.has(value)
	);
}

/** `typeKeySchema`: keys of nodeTypes and edgeTypes, and source ids. */
function isTypeKey(value: unknown): value is string {
	return isText(value, 1, L.typeKey) && TYPE_KEY.test(value) && !isReserved(value);
}

/** `entityKeySchema`: node and edge keys. */
function isEntityKey(value: unknown): value is string {
	return isText(value, 1, L.entityKey) && ENTITY_KEY.test(value) && !isReserved(value);
}

function isCoordinate(value: unknown): value is number {
	// Also false for NaN; ±Infinity are out of range.
	return typeof value === 'number' && value >= -L.coordinate && value <= L.coordinate;
}

function isSize(value: unknown): value is number {
	return typeof value === 'number' && value >= L.minSize && value <= L.maxSize;
}

function isBoolean(value: unknown): value is boolean {
	return typeof value === 'boolean';
}

/** The source's `url`: `isHttpUrl` under `.max(LIMITS.url)`. */
function isUrl(value: unknown): value is string {
	return isText(value, 0, L.url) && isHttp(value);
}

/** The source's `date`. */
function isDate(value: unknown): value is string {
	return typeof value === 'string' && isCalendar(value);
}

const isPublisher = (value: unknown): value is string => isText(value, 1, L.title);
const isSourceNote = (value: unknown): value is string => isText(value, 1, L.sourceNote);
const isOptionType = (value: unknown): value is string =>
	value === 'directed' || value === 'undirected' || value === 'mixed';
const isTitle = (value: unknown): value is string => isText(value, 1, L.title);
const isOriginalId = (value: unknown): value is string => isText(value, 1, L.url);
const isColourValue = (value: unknown): value is string => typeof value === 'string' && isColourText(value);

const KINDS: ReadonlySet<unknown> = new Set(DATA_KINDS);

/** The graph's `dataKinds`: `{nodes, edges}`, each a list of `[name, kind]`. */
function isStories(value: unknown): value is unknown[] {
	return STORIES.safeParse(value).success;
}

function isDataKinds(value: unknown): value is Record<string, unknown> {
	if (!isPlain(value) || keyMask(value, ['nodes', 'edges']) !== 3) return false;
	return [value.nodes, value.edges].every(
		(list) =>
			Array.isArray(list) &&
			list.every(
				(pair: unknown) =>
					Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && KINDS.has(pair[1])
			)
	);
}

/** `dataSchema`: at most `dataAttributes` names, none reserved, each value bounded text, a finite number or a boolean. */
function isData(value: unknown): value is Record<string, unknown> {
	if (!isPlain(value)) return false;
	let count = 0;
	for (const name in value) {
		if (++count > L.dataAttributes || name.length < 1 || name.length > L.dataName || isReserved(name)) {
			return false;
		}
		const item = value[name];
		const ok =
			typeof item === 'string'
				? item.length <= L.dataValue
				: typeof item === 'number'
					? Number.isFinite(item)
					: typeof item === 'boolean';
		if (!ok) return false;
	}
	return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Graph attributes and options (small: clarity over speed)

const TOP_OPTIONS = 1 << 1;
const TOP_REQUIRED = (1 << 0) | (1 << 2) | (1 << 3);
const GRAPH_REQUIRED = (1 << 6) - 1;

function cleanGraphAttributes(value: unknown, expectedId: string): GraphAttributes | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.graph);
	if (mask < 0 || (mask & GRAPH_REQUIRED) !== GRAPH_REQUIRED) return undefined;
	if (
		!isGraphId(value.id, expectedId) ||
		!isText(value.title, 1, L.title) ||
		!isText(value.description, 0, L.graphDescription)
	) {
		return undefined;
	}
	if (!optionalOk(mask, 1 << 6, value.importedFrom, isTitle)) return undefined;
	if (!optionalOk(mask, 1 << 7, value.dataKinds, isDataKinds)) return undefined;
	// Stories are few and small: their shape is the schema's own check; their references are checked with the
	// nodes and edges (cleanGraphFile).
	if (!optionalOk(mask, 1 << 8, value.stories, isStories)) return undefined;
	const sourceIds = new Set<string>();
	const sources = mapClean(value.sources, (source) => cleanSource(source, sourceIds));
	// Our curated profile cites at least one source (load.ts).
	if (!sources || (sources.length < 1 && value.importedFrom === undefined)) return undefined;
	const nodeTypes = cleanRecord(value.nodeTypes, cleanNodeType);
	const edgeTypes = cleanRecord(value.edgeTypes, cleanEdgeType);
	if (!nodeTypes || !edgeTypes) return undefined;
	if (
		sources === value.sources &&
		nodeTypes === value.nodeTypes &&
		edgeTypes === value.edgeTypes &&
		!(mask & UNORDERED)
	) {
		return value as GraphAttributes;
	}
	return {
		...inSchemaOrder(value, FAST_CHECK_FIELDS.graph, mask),
		sources,
		nodeTypes,
		edgeTypes
	} as GraphAttributes;
}

const SOURCE_ID = 1 << 0;
const SOURCE_TITLE = 1 << 1;

function cleanSource(value: unknown, ids: Set<string>): Source | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.source);
	if (mask < 0 || !(mask & SOURCE_ID) || !(mask & SOURCE_TITLE)) return undefined;
	const id = value.id;
	if (!isTypeKey(id) || ids.has(id) || !isText(value.title, 1, L.sourceTitle)) return undefined;
	ids.add(id);
	if (
		!optionalOk(mask, 1 << 2, value.publisher, isPublisher) ||
		!optionalOk(mask, 1 << 3, value.url, isUrl) ||
		!optionalOk(mask, 1 << 4, value.date, isDate) ||
		!optionalOk(mask, 1 << 5, value.note, isSourceNote)
	) {
		return undefined;
	}
	return (mask & UNORDERED ? inSchemaOrder(value, FAST_CHECK_FIELDS.source, mask) : value) as Source;
}

/** `z.record(typeKeySchema, …)`; own `__proto__` keys, which zod passes over, fail the key rule here. */
function cleanRecord<T>(
	value: unknown,
	clean: (item: unknown) => T | undefined
): Record<string, T> | undefined {
	if (!isPlain(value)) return undefined;
	let copy: Record<string, T> | undefined;
	for (const key in value) {
		if (!isTypeKey(key)) return undefined;
		const item = value[key];
		const checked = clean(item);
		if (checked === undefined) return undefined;
		if (checked !== item) (copy ??= { ...(value as Record<string, T>) })[key] = checked;
	}
	return copy ?? (value as Record<string, T>);
}

function cleanNodeType(value: unknown): Json | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.nodeType);
	if (mask < 0 || (mask & 3) !== 3) return undefined;
	if (!isText(value.label, 1, L.label) || typeof value.color !== 'string' || !isColourText(value.color)) {
		return undefined;
	}
	return mask & UNORDERED ? inSchemaOrder(value, FAST_CHECK_FIELDS.nodeType, mask) : value;
}

function cleanEdgeType(value: unknown): Json | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.edgeType);
	return mask === 1 && isText(value.label, 1, L.label) ? value : undefined;
}

function cleanOptions(value: unknown): Options | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.options);
	if (
		mask < 0 ||
		!optionalOk(mask, 1 << 0, value.type, isOptionType) ||
		!optionalOk(mask, 1 << 1, value.multi, isBoolean) ||
		!optionalOk(mask, 1 << 2, value.allowSelfLoops, isBoolean)
	) {
		return undefined;
	}
	return (mask & UNORDERED ? inSchemaOrder(value, FAST_CHECK_FIELDS.options, mask) : value) as Options;
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes and edges (the hot loops: no closures, no allocation for clean, ordered data)

const NODE_KEY = 1 << 0;
const NODE_ATTRIBUTES = 1 << 1;
const NODE_ENTRY_REQUIRED = NODE_KEY | NODE_ATTRIBUTES;

function cleanNodes(list: unknown, nodeTypes: Set<string>, nodeKeys: Set<string>): NodeEntry[] | undefined {
	if (!Array.isArray(list)) return undefined;
	let copy: NodeEntry[] | undefined;
	for (let i = 0; i < list.length; i++) {
		const item: unknown = list[i];
		const checked = cleanNode(item, nodeTypes, nodeKeys);
		if (checked === undefined) return undefined;
		if (checked !== item) (copy ??= list.slice())[i] = checked;
	}
	return copy ?? (list as NodeEntry[]);
}

function cleanNode(value: unknown, nodeTypes: Set<string>, nodeKeys: Set<string>): NodeEntry | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.nodeEntry);
	if (mask < 0 || (mask & NODE_ENTRY_REQUIRED) !== NODE_ENTRY_REQUIRED) return undefined;
	const key = value.key;
	if (!isEntityKey(key) || ENTITY_ADDRESSES.has(key) || nodeKeys.has(key)) return undefined;
	nodeKeys.add(key);
	const attributes = cleanNodeAttributes(value.attributes, nodeTypes);
	if (!attributes) return undefined;
	if (attributes === value.attributes && !(mask & UNORDERED)) return value as NodeEntry;
	return { key, attributes };
}

const N_LABEL = 1 << 0;
const N_TYPE = 1 << 1;
const N_DESCRIPTION = 1 << 2;
const N_ALIASES = 1 << 3;
const N_X = 1 << 4;
const N_Y = 1 << 5;
const N_SIZE = 1 << 6;
const N_COLOR = 1 << 7;
const N_ORIGINAL_ID = 1 << 8;
const N_DATA = 1 << 9;
const N_REQUIRED = N_LABEL | N_TYPE | N_X | N_Y;
const N_DEFAULTED = N_DESCRIPTION | N_ALIASES;

function cleanNodeAttributes(value: unknown, nodeTypes: Set<string>): NodeAttributes | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.node);
	if (mask < 0 || (mask & N_REQUIRED) !== N_REQUIRED) return undefined;
	const { label, type, description, aliases, x, y, size } = value;
	if (
		!isText(label, 1, L.label) ||
		typeof type !== 'string' ||
		!nodeTypes.has(type) ||
		!isCoordinate(x) ||
		!isCoordinate(y)
	) {
		return undefined;
	}
	if (mask & N_DESCRIPTION ? !isText(description, 0, L.description) : description !== undefined) {
		return undefined;
	}
	if (mask & N_ALIASES ? !isAliases(aliases) : aliases !== undefined) return undefined;
	if (mask & N_SIZE ? !isSize(size) : size !== undefined) return undefined;
	if (
		!optionalOk(mask, N_COLOR, value.color, isColourValue) ||
		!optionalOk(mask, N_ORIGINAL_ID, value.originalId, isOriginalId) ||
		!optionalOk(mask, N_DATA, value.data, isData)
	) {
		return undefined;
	}
	if ((mask & N_DEFAULTED) === N_DEFAULTED && !(mask & UNORDERED)) return value as NodeAttributes;
	// zod's output: the defaults filled in, every field in the schema's order.
	const out: NodeAttributes = {
		label,
		type,
		description: (description as string | undefined) ?? '',
		aliases: (aliases as string[] | undefined) ?? [],
		x,
		y
	};
	if (mask & N_SIZE) out.size = size as number;
	if (mask & N_COLOR) out.color = value.color as string;
	if (mask & N_ORIGINAL_ID) out.originalId = value.originalId as string;
	if (mask & N_DATA) out.data = value.data as NodeAttributes['data'];
	return out;
}

function isAliases(value: unknown): value is string[] {
	if (!Array.isArray(value) || value.length > L.aliases) return false;
	for (let i = 0; i < value.length; i++) if (!isText(value[i], 1, L.alias)) return false;
	return true;
}

const E_KEY = 1 << 0;
const E_SOURCE = 1 << 1;
const E_TARGET = 1 << 2;
const E_UNDIRECTED = 1 << 3;
const E_ATTRIBUTES = 1 << 4;
const E_REQUIRED = E_SOURCE | E_TARGET | E_ATTRIBUTES;

function cleanEdges(
	list: unknown,
	nodeKeys: Set<string>,
	edgeTypes: Set<string>,
	sourceIds: Set<string>,
	curated: boolean
): EdgeEntry[] | undefined {
	if (!Array.isArray(list)) return undefined;
	const edgeKeys = new Set<string>();
	let copy: EdgeEntry[] | undefined;
	for (let i = 0; i < list.length; i++) {
		const item: unknown = list[i];
		const checked = cleanEdge(item, nodeKeys, edgeKeys, edgeTypes, sourceIds, curated);
		if (checked === undefined) return undefined;
		if (checked !== item) (copy ??= list.slice())[i] = checked;
	}
	return copy ?? (list as EdgeEntry[]);
}

function cleanEdge(
	value: unknown,
	nodeKeys: Set<string>,
	edgeKeys: Set<string>,
	edgeTypes: Set<string>,
	sourceIds: Set<string>,
	curated: boolean
): EdgeEntry | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.edgeEntry);
	if (mask < 0 || (mask & E_REQUIRED) !== E_REQUIRED) return undefined;
	const { key, source, target, undirected } = value;
	if (mask & E_KEY) {
		if (!isEntityKey(key) || edgeKeys.has(key)) return undefined;
		edgeKeys.add(key);
	} else if (key !== undefined) {
		return undefined;
	}
	if (typeof source !== 'string' || !nodeKeys.has(source)) return undefined;
	if (typeof target !== 'string' || !nodeKeys.has(target)) return undefined;
	if (mask & E_UNDIRECTED ? typeof undirected !== 'boolean' : undirected !== undefined) return undefined;
	const attributes = cleanEdgeAttributes(value.attributes, nodeKeys, edgeTypes, sourceIds, curated);
	if (!attributes) return undefined;
	if (attributes === value.attributes && !(mask & UNORDERED)) return value as EdgeEntry;
	return { ...inSchemaOrder(value, FAST_CHECK_FIELDS.edgeEntry, mask), attributes } as EdgeEntry;
}

const E_TYPE_LABEL = (1 << 2) - 1;
const E_CLAIM = 1 << 2;
const E_EVIDENCE = 1 << 3;
const E_DATA = 1 << 4;
const E_MODALITY = 1 << 5;
const E_SPEAKER = 1 << 6;

function cleanEdgeAttributes(
	value: unknown,
	nodeKeys: Set<string>,
	edgeTypes: Set<string>,
	sourceIds: Set<string>,
	curated: boolean
): EdgeAttributes | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.edge);
	if (mask < 0 || (mask & E_TYPE_LABEL) !== E_TYPE_LABEL) return undefined;
	// Our curated profile gives every relationship a claim and evidence (load.ts).
	if (curated && !(mask & E_CLAIM && mask & E_EVIDENCE)) return undefined;
	const { type, label, claim } = value;
	if (typeof type !== 'string' || !edgeTypes.has(type) || !isText(label, 1, L.label)) return undefined;
	if (mask & E_CLAIM ? !isText(claim, 1, L.claim) : claim !== undefined) return undefined;
	if (!optionalOk(mask, E_DATA, value.data, isData)) return undefined;
	const { modality, attributedTo } = value;
	if (mask & E_MODALITY ? !isModality(modality) : modality !== undefined) return undefined;
	if (
		mask & E_SPEAKER
			? typeof attributedTo !== 'string' || !nodeKeys.has(attributedTo)
			: attributedTo !== undefined
	)
		return undefined;
	if (needsSpeaker(modality as Modality | undefined) && !(mask & E_SPEAKER)) return undefined;
	const evidence = value.evidence;
	let copy: Evidence[] | undefined;
	if (mask & E_EVIDENCE) {
		if (!Array.isArray(evidence) || evidence.length < 1) return undefined;
		for (let i = 0; i < evidence.length; i++) {
			const item: unknown = evidence[i];
			const checked = cleanEvidence(item, sourceIds);
			if (checked === undefined) return undefined;
			if (checked !== item) (copy ??= evidence.slice())[i] = checked;
		}
	} else if (evidence !== undefined) {
		return undefined;
	}
	if (!copy && !(mask & UNORDERED)) return value as EdgeAttributes;
	return inSchemaOrder(
		copy ? { ...value, evidence: copy } : value,
		FAST_CHECK_FIELDS.edge,
		mask & ~UNORDERED
	) as EdgeAttributes;
}

function cleanEvidence(value: unknown, sourceIds: Set<string>): Evidence | undefined {
	if (!isPlain(value)) return undefined;
	const mask = keyMask(value, FAST_CHECK_FIELDS.evidence);
	if (mask < 0 || (mask & 3) !== 3) return undefined;
	const { source, section } = value;
	if (typeof source !== 'string' || !sourceIds.has(source) || !isText(section, 1, L.section)) {
		return undefined;
	}
	return mask & UNORDERED ? { source, section } : (value as Evidence);
}
