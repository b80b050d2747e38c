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
		const view = new DataView(odd.buffer);
		let at = 24;
		for (let section = 0; section < 8; section++) at += 4 + ((view.getUint32(at, true) + 3) & ~3);
		view.setUint32(at, 13, true);
		expect(() => readDrawingFile(odd)).toThrow(DrawingFileError);
	});

	it('refuses a file that names an entity, a type or a modality it lacks', () => {
		const bytes = write(entities, relationships);
		const flags = bytes.byteLength - 4; // the last section: 3 flags, padded to 4
		bytes[flags] = 7 << 1;
		expect(() => readDrawingFile(bytes)).toThrow(/a modality it lacks/);
	});
});
