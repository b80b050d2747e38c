/**
 * The compact drawing file (src/lib/graph/drawing-file.ts): what is written reads back as the same columns, for
 * the flagship and for graphs with undirected, attributed and coloured elements; a file of another version, not a
 * drawing file, cut short or naming what it lacks is refused with a message, never misread.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
	DRAWING_FILE_VERSION,
	DrawingFileError,
	type DrawnEntity,
	type DrawnRelationship,
	readDrawingFile,
	writeDrawingFile
} from '../../../src/lib/graph/drawing-file';
import { exportGraph } from '../../../src/lib/graph/build';
import { MODALITIES } from '../../../src/lib/graph/rules';
import type { GraphAttributes } from '../../../src/lib/graph/schema';
import { allGraphs } from '../../../src/lib/server/graphs';

const attributes: GraphAttributes = {
	id: 'drawn',
	title: 'Drawn',
	description: '',
	sources: [],
	nodeTypes: { person: { label: 'Person', color: '#123456' } },
	edgeTypes: { knows: { label: 'knows' } }
};
/** The drawing file of a graph with `attributes`, its details in 3 shards. */
const write = (drawn: readonly DrawnEntity[], links: readonly DrawnRelationship[]) =>
	writeDrawingFile(attributes, 3, drawn, links);

const entities: DrawnEntity[] = [
	{ key: 'a', label: 'Zoë', type: 'person', x: 1.5, y: -2, size: 4 },
	{ key: 'b.2', label: 'Ünïcode “quoted”', type: 'place', x: 0, y: 3.25, color: '#aa0000' },
	{ key: 'c', label: 'C', type: 'person', x: -10, y: 10, color: '#aa0000' }
];
const relationships: DrawnRelationship[] = [
	{ key: 'e1', source: 'a', target: 'b.2', type: 'visits', label: 'visits' },
	{ key: 'e2', source: 'c', target: 'a', type: 'knows', label: 'knows', undirected: true },
	{ key: 'e3', source: 'b.2', target: 'c', type: 'visits', label: 'is visited by', modality: 'possible' }
];

/** The columns read back as entities and relationships again. */
function asLists(bytes: Uint8Array) {
	const d = readDrawingFile(bytes);
	expect(d.attributes).toEqual(attributes);
	expect(d.shards).toBe(3);
	return {
		entities: d.keys.map((key, i) => ({
			key,
			label: d.labels[i],
			type: d.types[d.type[i] as number],
			x: d.x[i],
			y: d.y[i],
			...(Number.isNaN(d.size[i]) ? {} : { size: d.size[i] }),
			...(d.colour[i] === 0xffff ? {} : { color: d.colours[d.colour[i] as number] })
		})),
		relationships: d.edgeKeys.map((key, i) => ({
			key,
			source: d.keys[d.source[i] as number],
			target: d.keys[d.target[i] as number],
			type: d.edgeTypes[d.edgeType[i] as number],
			label: d.edgeLabels[d.edgeLabel[i] as number],
			...(d.undirected[i] ? { undirected: true } : {}),
			...(d.modality[i] ? { modality: MODALITIES[d.modality[i] as number] } : {})
		}))
	};
}

describe('the drawing file', () => {
	it('reads back what it was written from: texts, positions, sizes, colours, directions and modalities', () => {
		expect(asLists(write(entities, relationships))).toEqual({ entities, relationships });
	});

	it('leaves out keys it can make again, slugs of labels and numbered relationships, and reads them back', () => {
		const slugged: DrawnEntity[] = [
			{ key: 'sao-paulo', label: 'São Paulo', type: 'place', x: 0, y: 0 },
			{ key: 'sao-paulo-2', label: 'São Paulo', type: 'place', x: 1, y: 1 },
			{ key: '7', label: '7', type: 'place', x: 2, y: 2 }
		];
		for (const prefix of ['e', '', 'geid_0_']) {
			const numbered: DrawnRelationship[] = [0, 1, 2].map((i) => ({
				key: `${prefix}${i}`,
				source: 'sao-paulo',
				target: '7',
				type: 'visits',
				label: 'visits'
			}));
			const bytes = write(slugged, numbered);
			expect(asLists(bytes)).toEqual({ entities: slugged, relationships: numbered });
			const spelled = write(slugged, [
				...numbered.slice(0, 2),
				{ ...(numbered[2] as DrawnRelationship), key: 'x' }
			]);
			expect(bytes.byteLength).toBeLessThan(spelled.byteLength);
		}
	});

	it("leaves out the keys of plain ASCII labels only: beyond, engines' Unicode versions may slug them otherwise", () => {
		const keysIn = (drawn: DrawnEntity[]) => {
			const bytes = write(drawn, []);
			// The keys' section, the second: empty texts where a key is left out.
			const view = new DataView(bytes.buffer);
			const first = 24 + 4 + ((view.getUint32(24, true) + 3) & ~3);
			const length = view.getUint32(first, true);
			return new TextDecoder().decode(bytes.subarray(first + 4, first + 4 + length)).split('\0');
		};
		const drawn: DrawnEntity[] = [
			{ key: 'new-delhi', label: 'New Delhi', type: 'place', x: 0, y: 0 },
			{ key: 'sao-paulo', label: 'São Paulo', type: 'place', x: 1, y: 1 },
			{ key: 'ayse', label: 'Ayşe', type: 'person', x: 2, y: 2 }
		];
		expect(keysIn(drawn)).toEqual(['', 'sao-paulo', 'ayse']);
		expect(asLists(write(drawn, [])).entities).toEqual(drawn);
	});

	it('reads back an empty graph, and one entity without relationships', () => {
		expect(asLists(write([], []))).toEqual({ entities: [], relationships: [] });
		const one = [{ key: 'k', label: 'K', type: 't', x: 0, y: 0 }];
		expect(asLists(write(one, []))).toEqual({ entities: one, relationships: [] });
	});

	it('holds the flagship as drawn, in a fraction of its file', () => {
		const graph = allGraphs().get('india-russia');
		if (!graph) throw new Error('the flagship graph is missing');
		const drawn: DrawnEntity[] = graph.mapNodes((key, a) => ({
			key,
			label: a.label,
			type: a.type,
			x: Math.fround(a.x),
			y: Math.fround(a.y),
			...(a.size === undefined ? {} : { size: Math.fround(a.size) })
		}));
		const links: DrawnRelationship[] = graph.mapEdges((key, a, source, target) => ({
			key,
			source,
			target,
			type: a.type,
			label: a.label,
			...(a.undirected ? { undirected: true } : {}),
			...(a.modality && a.modality !== 'stated' ? { modality: a.modality } : {})
		}));
		const bytes = writeDrawingFile(attributes, 3, drawn, links);
		expect(asLists(bytes)).toEqual({ entities: drawn, relationships: links });
		const whole = gzipSync(JSON.stringify(exportGraph(graph))).byteLength;
		expect(gzipSync(bytes).byteLength).toBeLessThan(whole / 3);
	});

	it('refuses what it cannot write: an end that is not an entity, a text with a 0 character', () => {
		expect(() =>
			write(entities, [{ ...(relationships[0] as DrawnRelationship), target: 'nowhere' }])
		).toThrow(/e1 has an end that is not among the entities/);
		expect(() => write([{ key: 'a', label: 'a\0b', type: 't', x: 0, y: 0 }], [])).toThrow(/0 character/);
	});

	it('refuses a file of another version, with the versions named', () => {
		const bytes = write(entities, relationships);
		new DataView(bytes.buffer).setUint16(4, DRAWING_FILE_VERSION + 1, true);
		expect(() => readDrawingFile(bytes)).toThrow(DrawingFileError);
		expect(() => readDrawingFile(bytes)).toThrow(
			`of version ${DRAWING_FILE_VERSION + 1}; this explorer reads version ${DRAWING_FILE_VERSION}`
		);
	});

	it('refuses what is not a drawing file, or is cut short anywhere, never misreading it', () => {
		expect(() => readDrawingFile(new TextEncoder().encode('{"nodes": []}'))).toThrow(/not a drawing file/);
		const bytes = write(entities, relationships);
		for (let length = 0; length < bytes.byteLength; length++)
			expect(() => readDrawingFile(bytes.subarray(0, length)), `cut at ${length}`).toThrow(DrawingFileError);
		const longer = new Uint8Array(bytes.byteLength + 4);
		longer.set(bytes);
		expect(() => readDrawingFile(longer)).toThrow(/goes on after its end/);
	});

	it('refuses counts its columns do not hold, before making anything of them', () => {
		const numbered = write(
			entities,
			[0, 1, 2].map((i) => ({ ...(relationships[0] as DrawnRelationship), key: `e${i}` }))
		);
		// 4 billion numbered relationships: refused by the first column, not made as keys first.
		new DataView(numbered.buffer).setUint32(12, 0xffffffff, true);
		expect(() => readDrawingFile(numbered)).toThrow(/column of 3 values where it counts 4294967295/);
		const odd = write(entities, relationships);
		// The x column's length (12 bytes for 3 entities) made 13: not a whole number of values.
		new DataView(odd.buffer).setUint32(sectionAt(odd, X_COLUMN) - 4, 13, true);
		expect(() => readDrawingFile(odd)).toThrow(DrawingFileError);
	});

	it('refuses a file that names an entity, a type or a modality it lacks', () => {
		const bytes = write(entities, relationships);
		bytes[sectionAt(bytes, FLAGS_COLUMN)] = 7 << 1;
		expect(() => readDrawingFile(bytes)).toThrow(/a modality it lacks/);
	});
});

/** Where section `index` of a drawing file starts (after its length): 0 is the graph's attributes. */
function sectionAt(bytes: Uint8Array, index: number): number {
	const view = new DataView(bytes.buffer, bytes.byteOffset);
	let at = 24;
	for (let section = 0; section < index; section++) at += 4 + ((view.getUint32(at, true) + 3) & ~3);
	return at + 4;
}
/** The sections of the x column, of the relationships' flags, and of the data attributes' list. */
const [X_COLUMN, FLAGS_COLUMN, DATA_LIST] = [8, 17, 18];

describe("the drawing file's data attributes", () => {
	const kinds: GraphAttributes['dataKinds'] = {
		nodes: [
			['group', 'category'],
			['score', 'number'],
			['member', 'boolean'],
			['site', 'url'],
			['about', 'text'],
			['__proto__', 'category']
		],
		edges: [['weight', 'number']]
	};
	const data = [
		{ group: 'a', score: 1, member: true, site: 'https://example.org/', about: 'long', ['__proto__']: 'x' },
		{ group: '1', score: 2.5, member: false },
		{ group: 1, about: 'none drawn' }
	];
	// JSON.parse makes "__proto__" an own name, as a graph file's reader does.
	const withData: DrawnEntity[] = entities.map((entity, i) => ({
		...entity,
		data: JSON.parse(JSON.stringify(data[i]))
	}));
	const bytes = writeDrawingFile({ ...attributes, dataKinds: kinds }, 3, withData, relationships);

	it('holds those the view colours, sizes and filters by, each value as it was, and not the others', () => {
		const read = readDrawingFile(bytes);
		expect(read.data.map(({ name, kind }) => [name, kind])).toEqual([
			['group', 'category'],
			['score', 'number'],
			['member', 'boolean'],
			['__proto__', 'category']
		]);
		const valuesOf = (i: number) =>
			read.data.map(({ values, column }) =>
				(column[i] as number) > 0 ? values[(column[i] as number) - 1] : null
			);
		// The number 1 and the text "1" stay apart.
		expect(valuesOf(0)).toEqual(['a', 1, true, 'x']);
		expect(valuesOf(1)).toEqual(['1', 2.5, false, null]);
		expect(valuesOf(2)).toEqual([1, null, null, null]);
	});

	it('holds none for a graph without data attributes', () => {
		expect(readDrawingFile(write(entities, relationships)).data).toEqual([]);
	});

	it('refuses a value it lacks, and a list that is not one of drawn attributes', () => {
		const damaged = bytes.slice();
		const view = new DataView(damaged.buffer);
		const list = sectionAt(damaged, DATA_LIST);
		const first = list + ((view.getUint32(list - 4, true) + 3) & ~3) + 4;
		view.setUint32(first, 9, true);
		expect(() => readDrawingFile(damaged)).toThrow(/a data value it lacks/);
		// The first attribute's kind, "category", spelled otherwise in as many bytes.
		const kindAs = (spelled: string) => {
			const changed = bytes.slice();
			const length = view.getUint32(list - 4, true);
			const text = new TextDecoder().decode(changed.subarray(list, list + length));
			changed.set(new TextEncoder().encode(text.replace('"category"', spelled)), list);
			return changed;
		};
		expect(() => readDrawingFile(kindAs('"url"     '))).toThrow(/not a list of attributes/);
		expect(readDrawingFile(kindAs('"boolean" ')).data[0]).toMatchObject({ name: 'group', kind: 'boolean' });
	});
});
