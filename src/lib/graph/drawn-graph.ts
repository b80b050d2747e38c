/**
 * A big graph split for the browser (issue 22): what the canvas and the search's names need in one compact drawing
 * file (drawing-file.ts), and what a reader opens (descriptions, aliases, attributes, claims, evidence) in detail
 * shards, a bounded number of JSON files, each holding some entities' details and those of every relationship they
 * are an end of. The search's other texts (aliases, descriptions, claims, text attributes) are one more file, read
 * when the reader first searches.
 *
 * The build writes all three from the validated graph (`drawingOf`, `detailShards`, `searchTexts`); the browser's
 * worker reads the drawing file and hands it to the page in slices (`sliceDrawing`), the page builds its graph from
 * them (`drawnGraphBuilder`) and adds an entity's details when it is opened (`addDetails`).
 */
import { MultiDirectedGraph } from 'graphology';
import { type KnowledgeGraph, type RelationshipAttributes, readyForEdges } from './build';
import {
	type DataColumn,
	type DrawingColumns,
	DrawingFileError,
	type DrawnEntity,
	type DrawnRelationship,
	isDataValue,
	writeDrawingFile
} from './drawing-file';
import { MODALITIES } from './rules';
import type { Data, DataValue, EdgeAttributes, GraphAttributes, NodeAttributes } from './schema';
import { type SearchCorpus, type SearchEdge, searchCorpus, searchedData } from './search';

/** Detail shards of a graph at most: a static host takes a graph of any size in a bounded number of files. */
export const MAX_SHARDS = 1000;
/** Entities a shard below MAX_SHARDS: small enough that opening an entity fetches little. */
const ENTITIES_PER_SHARD = 100;
/** The version of detail shards and search texts; a page of another build refuses them (DrawingFileError). */
export const DETAILS_VERSION = 1;

/** How many detail shards a graph of `entities` entities is split into. */
export function shardCount(entities: number): number {
	return Math.max(1, Math.min(MAX_SHARDS, Math.ceil(entities / ENTITIES_PER_SHARD)));
}

/** The shard (0 … shards − 1) that holds the details of entity `key`: FNV-1a of its UTF-16 code units. */
export function detailShard(key: string, shards: number): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
	return (hash >>> 0) % shards;
}

/** What an entity's page shows beyond what the drawing holds. */
export type EntityDetailsPart = Pick<NodeAttributes, 'originalId' | 'data'> &
	Partial<Pick<NodeAttributes, 'description' | 'aliases'>>;
/** What a relationship's line shows beyond what the drawing holds. */
export type RelationshipDetailsPart = Pick<EdgeAttributes, 'claim' | 'evidence' | 'data' | 'attributedTo'>;

/**
 * One detail shard: `[key, details]` of its entities and of every relationship one of them is an end of; `stamp`
 * is its drawing file's (a page drawn from another build's file refuses it).
 */
export interface DetailShard {
	version: number;
	stamp: number;
	entities: [string, EntityDetailsPart][];
	relationships: [string, RelationshipDetailsPart][];
}

/** The search's texts beyond names, in the drawing file's order (0: none). */
export interface SearchTexts {
	version: number;
	stamp: number;
	entities: (0 | { aliases?: string[]; description?: string; data?: Data })[];
	relationships: (0 | { claim?: string; data?: Data })[];
}

// ---------------------------------------------------------------------------------------------------------------
// Writing (the build)

/** The drawing file of `graph`. */
export function drawingOf(graph: KnowledgeGraph): Uint8Array<ArrayBuffer> {
	const entities = graph.mapNodes((key, { label, type, x, y, size, color, data }): DrawnEntity => ({
		key,
		label,
		type,
		x,
		y,
		size,
		color,
		data
	}));
	const relationships = graph.mapEdges(
		(key, { type, label, undirected, modality }, source, target): DrawnRelationship => ({
			key,
			source,
			target,
			type,
			label,
			undirected,
			modality
		})
	);
	return writeDrawingFile(graph.getAttributes(), shardCount(graph.order), entities, relationships);
}

/** Only the fields of `value` that hold something. */
function present<T extends object>(value: T): Partial<T> {
	const kept: Partial<T> = {};
	for (const [name, field] of Object.entries(value) as [keyof T, T[keyof T]][]) {
		if (field === undefined || field === '' || (Array.isArray(field) && field.length === 0)) continue;
		kept[name] = field;
	}
	return kept;
}

/** What a shard holds of an entity. */
const entityPart = ({ description, aliases, originalId, data }: NodeAttributes): EntityDetailsPart =>
	present({ description, aliases, originalId, data });
/** What a shard holds of a relationship. */
const relationshipPart = ({ claim, evidence, data, attributedTo }: EdgeAttributes): RelationshipDetailsPart =>
	present({ claim, evidence, data, attributedTo });

/** The detail shards of `graph`, shard i at index i, for its drawing file of `stamp`. */
export function detailShards(graph: KnowledgeGraph, stamp: number): DetailShard[] {
	const count = shardCount(graph.order);
	const shards: DetailShard[] = Array.from({ length: count }, () => emptyShard(stamp));
	graph.forEachNode((key, attributes) => {
		shards[detailShard(key, count)]?.entities.push([key, entityPart(attributes)]);
	});
	graph.forEachEdge((key, attributes, source, target) => {
		const part = relationshipPart(attributes);
		const [from, to] = [detailShard(source, count), detailShard(target, count)];
		shards[from]?.relationships.push([key, part]);
		if (to !== from) shards[to]?.relationships.push([key, part]);
	});
	return shards;
}

/**
 * The detail shard of `graph` that holds the entities `keys` (those of one shard), made when it is asked for: a
 * graph opened in the browser has no shard files, and its worker answers with this.
 */
export function detailShardFor(graph: KnowledgeGraph, keys: readonly string[], stamp: number): DetailShard {
	const shard = emptyShard(stamp);
	const seen = new Set<string>();
	for (const key of keys) {
		if (!graph.hasNode(key)) continue;
		shard.entities.push([key, entityPart(graph.getNodeAttributes(key))]);
		graph.forEachEdge(key, (edge, attributes) => {
			if (seen.has(edge)) return;
			seen.add(edge);
			shard.relationships.push([edge, relationshipPart(attributes)]);
		});
	}
	return shard;
}

const emptyShard = (stamp: number): DetailShard => ({
	version: DETAILS_VERSION,
	stamp,
	entities: [],
	relationships: []
});

/**
 * The search texts of `graph` beyond its names (aliases, descriptions, claims, text and category attributes), for
 * its drawing file of `stamp`.
 */
export function searchTexts(graph: KnowledgeGraph, stamp: number): SearchTexts {
	const kinds = graph.getAttribute('dataKinds');
	const [nodeNames, edgeNames] = [searchedData(kinds?.nodes), searchedData(kinds?.edges)];
	const texts = (data: Data | undefined, names: ReadonlySet<string> | null): Data | undefined => {
		if (!data) return undefined;
		const kept: Data = {};
		let any = false;
		for (const [name, value] of Object.entries(data))
			if (typeof value === 'string' && (names?.has(name) ?? true)) [kept[name], any] = [value, true];
		return any ? kept : undefined;
	};
	const orNothing = <T extends object>(value: T) => (Object.keys(value).length > 0 ? value : 0);
	return {
		version: DETAILS_VERSION,
		stamp,
		entities: graph.mapNodes((_, { aliases, description, data }) =>
			orNothing(present({ aliases, description, data: texts(data, nodeNames) }))
		),
		relationships: graph.mapEdges((_, { claim, data }) =>
			orNothing(present({ claim, data: texts(data, edgeNames) }))
		)
	};
}

// ---------------------------------------------------------------------------------------------------------------
// Reading (the browser)

/** What the page needs before the first slice: the graph's attributes and the columns' dictionaries. */
export interface DrawingHead {
	attributes: GraphAttributes;
	shards: number;
	stamp: number;
	types: string[];
	colours: string[];
	edgeTypes: string[];
	edgeLabels: string[];
	/** The entities' drawn data attributes, without their columns (which come in the slices). */
	data: Omit<DataColumn, 'column'>[];
}
/** A slice of the entity columns; `data`: a slice of each data attribute's column, in the head's order. */
export type DrawnNodes = Pick<DrawingColumns, 'keys' | 'labels' | 'type' | 'x' | 'y' | 'size' | 'colour'> & {
	data: Uint32Array[];
};
/** A slice of the relationship columns (ends as indices into every entity so far). */
export type DrawnEdges = Pick<
	DrawingColumns,
	'edgeKeys' | 'source' | 'target' | 'edgeType' | 'edgeLabel' | 'undirected' | 'modality'
>;

/** The drawing as the worker hands it to the page: its head, then slices of `size` entities or relationships. */
export function* sliceDrawing(
	columns: DrawingColumns,
	size: number
): Generator<{ head: DrawingHead } | { nodes: DrawnNodes } | { edges: DrawnEdges }, void, undefined> {
	const { attributes, shards, stamp, types, colours, edgeTypes, edgeLabels } = columns;
	const data = columns.data.map(({ name, kind, values }) => ({ name, kind, values }));
	yield { head: { attributes, shards, stamp, types, colours, edgeTypes, edgeLabels, data } };
	for (let i = 0; i < columns.keys.length; i += size) {
		const end = i + size;
		yield {
			nodes: {
				keys: columns.keys.slice(i, end),
				labels: columns.labels.slice(i, end),
				type: columns.type.slice(i, end),
				x: columns.x.slice(i, end),
				y: columns.y.slice(i, end),
				size: columns.size.slice(i, end),
				colour: columns.colour.slice(i, end),
				data: columns.data.map(({ column }) => column.slice(i, end))
			}
		};
	}
	for (let i = 0; i < columns.edgeKeys.length; i += size) {
		const end = i + size;
		yield {
			edges: {
				edgeKeys: columns.edgeKeys.slice(i, end),
				source: columns.source.slice(i, end),
				target: columns.target.slice(i, end),
				edgeType: columns.edgeType.slice(i, end),
				edgeLabel: columns.edgeLabel.slice(i, end),
				undirected: columns.undirected.slice(i, end),
				modality: columns.modality.slice(i, end)
			}
		};
	}
}

/** One empty list for every entity without details yet: the drawing makes no array per entity. */
const NO_ALIASES: string[] = [];

/**
 * Builds the page's graph from the drawing's slices, all entities before any relationship. Entities have no
 * description and no aliases, relationships no claim, until `addDetails` brings them.
 */
export function drawnGraphBuilder(head: DrawingHead): {
	graph: KnowledgeGraph;
	addNodes(slice: DrawnNodes): void;
	addEdges(slice: DrawnEdges): void;
} {
	const graph: KnowledgeGraph = new MultiDirectedGraph({ allowSelfLoops: true });
	graph.replaceAttributes(head.attributes);
	/** Every entity's key by its place in the drawing, for the relationships' ends. */
	const keys: string[] = [];
	return {
		graph,
		addNodes(slice) {
			for (let i = 0; i < slice.keys.length; i++) {
				const key = slice.keys[i] as string;
				keys.push(key);
				const attributes: NodeAttributes = {
					label: slice.labels[i] as string,
					type: head.types[slice.type[i] as number] as string,
					x: slice.x[i] as number,
					y: slice.y[i] as number,
					description: '',
					aliases: NO_ALIASES
				};
				const size = slice.size[i] as number;
				if (!Number.isNaN(size)) attributes.size = size;
				const colour = slice.colour[i] as number;
				if (colour !== 0xffff) attributes.color = head.colours[colour];
				let data: [string, DataValue][] | undefined;
				for (let j = 0; j < head.data.length; j++) {
					const value = (slice.data[j] as Uint32Array)[i] as number;
					const { name, values } = head.data[j] as DrawingHead['data'][number];
					if (value > 0) (data ??= []).push([name, values[value - 1] as DataValue]);
				}
				// fromEntries makes own properties of any name ("__proto__" included).
				if (data) attributes.data = Object.fromEntries(data);
				graph.addNode(key, attributes);
			}
		},
		addEdges(slice) {
			readyForEdges(graph);
			for (let i = 0; i < slice.edgeKeys.length; i++) {
				const attributes: RelationshipAttributes = {
					type: head.edgeTypes[slice.edgeType[i] as number] as string,
					label: head.edgeLabels[slice.edgeLabel[i] as number] as string
				};
				const modality = slice.modality[i] as number;
				if (modality > 0) attributes.modality = MODALITIES[modality];
				if (slice.undirected[i]) attributes.undirected = true;
				graph.addDirectedEdgeWithKey(
					slice.edgeKeys[i] as string,
					keys[slice.source[i] as number] as string,
					keys[slice.target[i] as number] as string,
					attributes
				);
			}
		}
	};
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `value` as a detail shard of this version for the drawing file of `stamp`, or a DrawingFileError that says what
 * is wrong with it.
 */
export function asDetailShard(value: unknown, stamp: number): DetailShard {
	if (!isRecord(value) || !Array.isArray(value.entities) || !Array.isArray(value.relationships))
		throw new DrawingFileError('This is not a detail shard of the explorer.');
	if (value.version !== DETAILS_VERSION)
		throw new DrawingFileError(
			`This detail shard is of version ${String(value.version)}; this explorer reads version ${DETAILS_VERSION}. Reload the page.`,
			'version'
		);
	if (value.stamp !== stamp)
		throw new DrawingFileError(
			'This detail shard is of another build of the site than the drawing on this page. Reload the page.',
			'version'
		);
	return value as unknown as DetailShard;
}

/**
 * Adds the details of a shard to the drawn graph's entities and relationships. In place, without graphology's
 * events: nothing the canvas draws changes, so it has nothing to redraw.
 */
export function addDetails(graph: KnowledgeGraph, shard: DetailShard): void {
	for (const entry of shard.entities) {
		const [key, part] = Array.isArray(entry) ? (entry as unknown[]) : [];
		if (typeof key !== 'string' || !isRecord(part) || !graph.hasNode(key)) continue;
		const attributes = graph.getNodeAttributes(key);
		if (typeof part.description === 'string') attributes.description = part.description;
		if (isStrings(part.aliases)) attributes.aliases = part.aliases;
		if (typeof part.originalId === 'string') attributes.originalId = part.originalId;
		if (isData(part.data)) attributes.data = part.data;
	}
	for (const entry of shard.relationships) {
		const [key, part] = Array.isArray(entry) ? (entry as unknown[]) : [];
		if (typeof key !== 'string' || !isRecord(part) || !graph.hasEdge(key)) continue;
		const attributes = graph.getEdgeAttributes(key);
		if (typeof part.claim === 'string') attributes.claim = part.claim;
		if (Array.isArray(part.evidence) && part.evidence.every(isEvidence)) attributes.evidence = part.evidence;
		if (isData(part.data)) attributes.data = part.data;
		if (typeof part.attributedTo === 'string') attributes.attributedTo = part.attributedTo;
	}
}

const isStrings = (value: unknown): value is string[] =>
	Array.isArray(value) && value.every((item) => typeof item === 'string');
const isEvidence = (value: unknown): value is { source: string; section: string } =>
	isRecord(value) && typeof value.source === 'string' && typeof value.section === 'string';
/** Data values as the format has them: texts, finite numbers and booleans, by own name, on a plain object. */
const isData = (value: unknown): value is Data =>
	isRecord(value) &&
	Object.getPrototypeOf(value) === Object.prototype &&
	Object.values(value).every(isDataValue);

/** The search corpus of a drawing: its names, and with `texts` every other text the search reads. */
export function drawnCorpus(columns: DrawingColumns, texts?: SearchTexts): SearchCorpus {
	/** Without texts, relationships of one type and label read alike: one object for them all, not one each. */
	const alike = new Map<number, SearchEdge['attributes']>();
	const named = (i: number): SearchEdge['attributes'] => {
		const [type, label] = [columns.edgeType[i] as number, columns.edgeLabel[i] as number];
		const at = label * 0x10000 + type;
		let attributes = alike.get(at);
		if (!attributes) {
			attributes = {
				label: columns.edgeLabels[label] as string,
				type: columns.edgeTypes[type] as string
			};
			alike.set(at, attributes);
		}
		return attributes;
	};
	return searchCorpus(
		columns.attributes,
		columns.keys.map((key, i) => {
			const more = texts?.entities[i] || undefined;
			return {
				key,
				attributes: {
					label: columns.labels[i] as string,
					type: columns.types[columns.type[i] as number] as string,
					aliases: more?.aliases ?? NO_ALIASES,
					description: more?.description ?? '',
					data: more?.data
				}
			};
		}),
		columns.edgeKeys.map((key, i) => {
			const more = texts?.relationships[i] || undefined;
			return {
				key,
				source: columns.keys[columns.source[i] as number] as string,
				target: columns.keys[columns.target[i] as number] as string,
				undirected: columns.undirected[i] === 1 || undefined,
				attributes: more ? { ...named(i), claim: more.claim, data: more.data } : named(i)
			};
		})
	);
}

/** `value` as search texts of this version for the drawing `columns`, or a DrawingFileError. */
export function asSearchTexts(
	value: unknown,
	{ stamp, keys, edgeKeys }: Pick<DrawingColumns, 'stamp' | 'keys' | 'edgeKeys'>
): SearchTexts {
	if (!isRecord(value) || !Array.isArray(value.entities) || !Array.isArray(value.relationships))
		throw new DrawingFileError('This is not a search texts file of the explorer.');
	if (value.version !== DETAILS_VERSION)
		throw new DrawingFileError(
			`This search texts file is of version ${String(value.version)}; this explorer reads version ${DETAILS_VERSION}.`,
			'version'
		);
	if (
		value.stamp !== stamp ||
		value.entities.length !== keys.length ||
		value.relationships.length !== edgeKeys.length
	)
		throw new DrawingFileError('This search texts file is of another drawing of the graph.', 'version');
	return value as unknown as SearchTexts;
}
