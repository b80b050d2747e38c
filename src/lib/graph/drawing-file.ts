/**
 * The compact drawing file of a big graph: what the canvas and the search's names need, in columns, apart from
 * what a reader opens (descriptions, claims, evidence, data), which the build writes into detail shards
 * (drawn-graph.ts). Binary, little-endian, versioned, and laid out for gzip: each column is one run of like values
 * (all x, then all y …), and texts are one run of UTF-8 each, separated by a 0 byte.
 *
 * Layout, version 2:
 *   "KGDF" · version u16 · flags u16 · entities u32 · relationships u32 · detail shards u32 · stamp u32 (FNV-1a
 *   of the file with a stamp of 0: the shards and search texts of the same build carry it) · then sections, each
 *   a length u32 and its bytes, padded with zeros to a multiple of 4, in this order:
 *   the graph's attributes (title, types, stories …) as JSON text;
 *   texts: entity keys (empty where the label is printable ASCII and the key is `keyOfLabel` of it), entity
 *   labels, entity type keys,
 *   relationship keys (with flag bit 0, only a prefix: relationship i's key is the prefix and i), relationship
 *   type keys, the distinct
 *   relationship labels, the distinct colours (each a run of 0-separated UTF-8);
 *   columns: x, y, size (f32; NaN where the entity has none), type (u16, an index into the entity types), colour
 *   (u16 into the colours, 0xffff for none); source, target (u32, entity indices), relationship type (u16), label
 *   (u32 into the distinct labels), flags (u8: bit 0 undirected, bits 1–2 the modality's index);
 *   the entities' data attributes that the view colours, sizes and filters by (DRAWN_DATA_KINDS), as JSON text:
 *   `[{name, kind, values}]`, each attribute's distinct values in the order first met; then one column (u32) per
 *   attribute: 1 + the index of the entity's value, 0 where it has none.
 *
 * A file of another version, or one that is not a drawing file or is cut short, is refused with a message that says
 * so (DrawingFileError), never misread.
 */
import { COLOURING_KINDS, SIZING_KINDS } from './data-kinds';
import { MODALITIES, type Modality } from './rules';
import type { Data, DataKind, DataValue, GraphAttributes } from './schema';

export const DRAWING_FILE_VERSION = 2;
const MAGIC = 'KGDF';
const NO_COLOUR = 0xffff;
/** Bytes before the first section. */
const HEADER = 24;
/** Flag: relationship keys are a prefix followed by their index (`e0`, `e1` …; `0`, `1` … in files from Gephi). */
const NUMBERED_EDGES = 1;

/**
 * Printable ASCII: the slug of such a label is the same in every JavaScript engine. Beyond it, what NFKD and
 * lowercasing make of a character depends on the engine's Unicode version, so the build's node and a reader's
 * browser could disagree; a drawing file keeps the keys of such labels as they are.
 */
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * The key most graphs give an entity of this label (a slug: accents dropped, lowercase, runs of other characters
 * as "-"): a drawing file leaves such keys out, and makes them again from the labels.
 */
export function keyOfLabel(label: string): string {
	return label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}

/** The prefix of keys that are a prefix followed by their index, or null where they are not. */
function numberedPrefix(keys: readonly string[]): string | null {
	const first = keys[0];
	if (first === undefined || !first.endsWith('0')) return null;
	const prefix = first.slice(0, -1);
	return keys.every((key, i) => key === prefix + i) ? prefix : null;
}

/**
 * The kinds of entity data attribute a drawing file holds: those the view colours, sizes and filters by, so that
 * it can before any detail is fetched. The others (texts, dates, URLs …) are in the detail shards only.
 */
export const DRAWN_DATA_KINDS: readonly DataKind[] = [...new Set([...COLOURING_KINDS, ...SIZING_KINDS])];

/** One entity data attribute of a drawing: its name and kind, its distinct values, and each entity's. */
export interface DataColumn {
	name: string;
	kind: DataKind;
	values: DataValue[];
	/** Entity i's value is `values[column[i] - 1]`; 0 where it has none. */
	column: Uint32Array;
}

/** A graph as the canvas draws it, in columns: entity i is the i-th of each entity column. */
export interface DrawingColumns {
	/** The graph's own attributes, as its file has them. */
	attributes: GraphAttributes;
	/** How many detail shards the build wrote (drawn-graph.ts `detailShard`). */
	shards: number;
	/** What the shards and search texts of the same build carry (a hash of this file). */
	stamp: number;
	keys: string[];
	labels: string[];
	/** Each entity's type, as an index into `types`. */
	types: string[];
	type: Uint16Array;
	x: Float32Array;
	y: Float32Array;
	/** NaN where the entity has no size of its own. */
	size: Float32Array;
	/** Each entity's own colour, as an index into `colours`; 0xffff for none. */
	colours: string[];
	colour: Uint16Array;
	edgeKeys: string[];
	source: Uint32Array;
	target: Uint32Array;
	edgeTypes: string[];
	edgeType: Uint16Array;
	/** Each relationship's label, as an index into `edgeLabels`. */
	edgeLabels: string[];
	edgeLabel: Uint32Array;
	undirected: Uint8Array;
	/** Each relationship's modality, as an index into MODALITIES. */
	modality: Uint8Array;
	/** The entities' data attributes of DRAWN_DATA_KINDS. */
	data: DataColumn[];
}

/** A drawing file that cannot be read: of another version (`version`), not a drawing file, or cut short. */
export class DrawingFileError extends Error {
	override name = 'DrawingFileError';
	constructor(
		message: string,
		readonly kind: 'version' | 'damaged' = 'damaged'
	) {
		super(message);
	}
}

/** Entity and relationship fields as columns take them. */
export interface DrawnEntity {
	key: string;
	label: string;
	type: string;
	x: number;
	y: number;
	size?: number;
	color?: string;
	data?: Data;
}
export interface DrawnRelationship {
	key: string;
	source: string;
	target: string;
	type: string;
	label: string;
	undirected?: boolean;
	modality?: Modality;
}

/** Indices of values in the order first met: `index(value)`, and the values. */
function dictionary() {
	const at = new Map<string, number>();
	const values: string[] = [];
	const index = (value: string) => {
		let i = at.get(value);
		if (i === undefined) at.set(value, (i = values.push(value) - 1));
		return i;
	};
	return { index, values };
}

/**
 * The drawing file of a graph with `attributes`, of these entities and relationships (every relationship's ends
 * among the entities), whose details are in `shards` shards.
 */
export function writeDrawingFile(
	attributes: GraphAttributes,
	shards: number,
	entities: readonly DrawnEntity[],
	relationships: readonly DrawnRelationship[]
): Uint8Array<ArrayBuffer> {
	const n = entities.length;
	const m = relationships.length;
	const [types, colours, edgeTypes, edgeLabels] = [dictionary(), dictionary(), dictionary(), dictionary()];
	const indexOf = new Map(entities.map((entity, i) => [entity.key, i]));
	const [x, y, size] = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
	const [type, colour] = [new Uint16Array(n), new Uint16Array(n)];
	entities.forEach((entity, i) => {
		x[i] = entity.x;
		y[i] = entity.y;
		size[i] = entity.size ?? NaN;
		type[i] = types.index(entity.type);
		colour[i] = entity.color === undefined ? NO_COLOUR : colours.index(entity.color);
	});
	if (types.values.length > 0xffff || colours.values.length >= NO_COLOUR)
		throw new RangeError('A drawing file holds at most 65,535 entity types and colours.');
	const [source, target, label] = [new Uint32Array(m), new Uint32Array(m), new Uint32Array(m)];
	const [edgeType, flags] = [new Uint16Array(m), new Uint8Array(m)];
	relationships.forEach((relationship, i) => {
		const [from, to] = [indexOf.get(relationship.source), indexOf.get(relationship.target)];
		if (from === undefined || to === undefined)
			throw new RangeError(`Relationship ${relationship.key} has an end that is not among the entities.`);
		source[i] = from;
		target[i] = to;
		edgeType[i] = edgeTypes.index(relationship.type);
		label[i] = edgeLabels.index(relationship.label);
		const modality = MODALITIES.indexOf(relationship.modality ?? 'stated');
		flags[i] = (relationship.undirected ? 1 : 0) | (modality << 1);
	});
	if (edgeTypes.values.length > 0xffff)
		throw new RangeError('A drawing file holds at most 65,535 relationship types.');
	const prefix = numberedPrefix(relationships.map((relationship) => relationship.key));
	const drawnData = (attributes.dataKinds?.nodes ?? []).filter(([, kind]) => DRAWN_DATA_KINDS.includes(kind));
	const data = drawnData.map(([name, kind]) => {
		// Keyed by JSON text, so that the number 1 and the text "1" stay apart.
		const values = dictionary();
		const column = new Uint32Array(n);
		entities.forEach((entity, i) => {
			const value = entity.data && Object.hasOwn(entity.data, name) ? entity.data[name] : undefined;
			if (value !== undefined) column[i] = values.index(JSON.stringify(value)) + 1;
		});
		return {
			head: { name, kind, values: values.values.map((text) => JSON.parse(text) as DataValue) },
			column
		};
	});
	const encoder = new TextEncoder();
	const texts = (values: readonly string[]) => {
		const bad = values.find((value) => value.includes('\0'));
		if (bad !== undefined)
			throw new RangeError(`A drawing file cannot hold a text with a 0 character: ${JSON.stringify(bad)}`);
		return encoder.encode(values.join('\0'));
	};
	const sections: Uint8Array[] = [
		encoder.encode(JSON.stringify(attributes)),
		texts(entities.map(({ key, label }) => (PLAIN.test(label) && key === keyOfLabel(label) ? '' : key))),
		texts(entities.map((entity) => entity.label)),
		texts(types.values),
		texts(prefix === null ? relationships.map((relationship) => relationship.key) : [prefix]),
		texts(edgeTypes.values),
		texts(edgeLabels.values),
		texts(colours.values),
		...[x, y, size, type, colour, source, target, edgeType, label, flags].map(
			(column) => new Uint8Array(column.buffer, column.byteOffset, column.byteLength)
		),
		encoder.encode(JSON.stringify(data.map((column) => column.head))),
		...data.map(({ column }) => new Uint8Array(column.buffer))
	];
	const padded = (length: number) => (length + 3) & ~3;
	const total = HEADER + sections.reduce((sum, section) => sum + 4 + padded(section.byteLength), 0);
	const bytes = new Uint8Array(total);
	const view = new DataView(bytes.buffer);
	bytes.set(encoder.encode(MAGIC), 0);
	view.setUint16(4, DRAWING_FILE_VERSION, true);
	view.setUint16(6, prefix === null ? 0 : NUMBERED_EDGES, true);
	view.setUint32(8, n, true);
	view.setUint32(12, m, true);
	view.setUint32(16, shards, true);
	let at = HEADER;
	for (const section of sections) {
		view.setUint32(at, section.byteLength, true);
		bytes.set(section, at + 4);
		at += 4 + padded(section.byteLength);
	}
	let stamp = 0x811c9dc5;
	for (let i = 0; i < bytes.length; i++) stamp = Math.imul(stamp ^ (bytes[i] as number), 0x01000193);
	view.setUint32(20, stamp >>> 0, true);
	return bytes;
}

/** The stamp of a drawing file `writeDrawingFile` wrote, which the shards and search texts of its build carry. */
export function stampOf(bytes: Uint8Array): number {
	return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(20, true);
}

/** The columns of drawing file `bytes`; a DrawingFileError where it cannot be read as this version. */
export function readDrawingFile(bytes: Uint8Array): DrawingColumns {
	if (bytes.byteLength < HEADER || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
		throw new DrawingFileError('This is not a drawing file of the explorer.');
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const version = view.getUint16(4, true);
	if (version !== DRAWING_FILE_VERSION)
		throw new DrawingFileError(
			`This drawing file is of version ${version}; this explorer reads version ${DRAWING_FILE_VERSION}. Build the site again.`,
			'version'
		);
	const n = view.getUint32(8, true);
	const m = view.getUint32(12, true);
	const shards = view.getUint32(16, true);
	if (shards < 1) throw new DrawingFileError('This drawing file counts no detail shards.');
	let at = HEADER;
	/** The next section's bytes, copied so that typed arrays over it are aligned. */
	const section = (): Uint8Array => {
		if (at + 4 > bytes.byteLength) throw new DrawingFileError('This drawing file is cut short.');
		const length = view.getUint32(at, true);
		const start = at + 4;
		at = start + ((length + 3) & ~3);
		if (at > bytes.byteLength) throw new DrawingFileError('This drawing file is cut short.');
		return bytes.slice(start, start + length);
	};
	const decoder = new TextDecoder();
	const texts = (count?: number): string[] => {
		const bytes = section();
		const values = bytes.byteLength === 0 && count !== 1 ? [] : decoder.decode(bytes).split('\0');
		if (count !== undefined && values.length !== count)
			throw new DrawingFileError(`This drawing file lists ${values.length} texts where it counts ${count}.`);
		return values;
	};
	const column = <T>(make: (buffer: ArrayBuffer) => T & { length: number }, count: number): T => {
		const buffer = section().buffer as ArrayBuffer;
		let made: T & { length: number };
		try {
			made = make(buffer);
		} catch {
			// A length that is not a whole number of values.
			throw new DrawingFileError(`This drawing file has a column of ${buffer.byteLength} bytes.`);
		}
		if (made.length !== count)
			throw new DrawingFileError(
				`This drawing file has a column of ${made.length} values where it counts ${count}.`
			);
		return made;
	};
	let attributes: GraphAttributes;
	try {
		attributes = JSON.parse(decoder.decode(section())) as GraphAttributes;
	} catch {
		throw new DrawingFileError("This drawing file's graph attributes are not JSON.");
	}
	if (
		typeof attributes !== 'object' ||
		attributes === null ||
		typeof attributes.nodeTypes !== 'object' ||
		attributes.nodeTypes === null
	)
		throw new DrawingFileError("This drawing file's graph attributes are not a graph's.");
	const [keys, labels, types] = [texts(n), texts(n), texts()];
	for (let i = 0; i < n; i++) if (keys[i] === '') keys[i] = keyOfLabel(labels[i] as string);
	const numbered = (view.getUint16(6, true) & NUMBERED_EDGES) !== 0;
	const listedEdgeKeys = texts(numbered ? 1 : m);
	const [edgeTypes, edgeLabels, colours] = [texts(), texts(), texts()];
	const x = column((buffer) => new Float32Array(buffer), n);
	const y = column((buffer) => new Float32Array(buffer), n);
	const size = column((buffer) => new Float32Array(buffer), n);
	const type = column((buffer) => new Uint16Array(buffer), n);
	const colour = column((buffer) => new Uint16Array(buffer), n);
	const source = column((buffer) => new Uint32Array(buffer), m);
	const target = column((buffer) => new Uint32Array(buffer), m);
	const edgeType = column((buffer) => new Uint16Array(buffer), m);
	const edgeLabel = column((buffer) => new Uint32Array(buffer), m);
	const flags = column((buffer) => new Uint8Array(buffer), m);
	let heads: unknown;
	try {
		heads = JSON.parse(decoder.decode(section()));
	} catch {
		throw new DrawingFileError("This drawing file's data attributes are not JSON.");
	}
	if (!Array.isArray(heads) || !heads.every(isDataHead))
		throw new DrawingFileError("This drawing file's data attributes are not a list of attributes.");
	const data: DataColumn[] = heads.map(({ name, kind, values }) => ({
		name,
		kind,
		values,
		column: column((buffer) => new Uint32Array(buffer), n)
	}));
	// Made only now that the columns have shown that the file holds `m` relationships.
	const prefix = listedEdgeKeys[0] as string;
	const edgeKeys = numbered ? Array.from({ length: m }, (_, i) => prefix + i) : listedEdgeKeys;
	if (at !== bytes.byteLength) throw new DrawingFileError('This drawing file goes on after its end.');
	const within = (values: ArrayLike<number>, limit: number, what: string, none?: number) => {
		for (let i = 0; i < values.length; i++) {
			const value = values[i] as number;
			if (value >= limit && value !== none)
				throw new DrawingFileError(`This drawing file names ${what} it lacks.`);
		}
	};
	within(type, types.length, 'an entity type');
	within(colour, colours.length, 'a colour', NO_COLOUR);
	within(source, n, 'an entity');
	within(target, n, 'an entity');
	within(edgeType, edgeTypes.length, 'a relationship type');
	within(edgeLabel, edgeLabels.length, 'a label');
	within(
		flags.map((flag) => flag >> 1),
		MODALITIES.length,
		'a modality'
	);
	for (const { column, values } of data) within(column, values.length + 1, 'a data value');
	return {
		attributes,
		shards,
		stamp: view.getUint32(20, true),
		keys,
		labels,
		types,
		type,
		x,
		y,
		size,
		colours,
		colour,
		edgeKeys,
		source,
		target,
		edgeTypes,
		edgeType,
		edgeLabels,
		edgeLabel,
		undirected: flags.map((flag) => flag & 1),
		modality: flags.map((flag) => flag >> 1),
		data
	};
}

/** Whether `value` is a data attribute's entry of a drawing file: a name, a drawn kind and values. */
function isDataHead(value: unknown): value is Omit<DataColumn, 'column'> {
	if (typeof value !== 'object' || value === null) return false;
	const { name, kind, values } = value as Record<string, unknown>;
	return (
		typeof name === 'string' &&
		DRAWN_DATA_KINDS.includes(kind as DataKind) &&
		Array.isArray(values) &&
		values.every(isDataValue)
	);
}

/** Whether `value` is a data value as the format has them: a text, a finite number or a yes/no. */
export const isDataValue = (value: unknown): value is DataValue =>
	typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
