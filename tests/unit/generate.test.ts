/**
 * The synthetic graph generator of the benchmarks (tests/bench/generate.ts): deterministic, exact counts, files
 * the validator accepts without a warning, URL-safe unique keys, a heavy-tailed degree distribution and
 * positions inside the layout box.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUT_RADIUS } from '../../src/lib/graph/geometry';
import { loadGraph } from '../../src/lib/graph/load';
import { type GraphFile, isReservedName } from '../../src/lib/graph/schema';
import { generateGraph } from '../bench/generate';

const small = generateGraph({ nodes: 1000, edges: 5000 });
const medium = generateGraph({ nodes: 5000, edges: 25000 });

function degrees(data: GraphFile): number[] {
	const degree = new Map<string, number>(data.nodes.map((node) => [node.key, 0]));
	for (const { source, target } of data.edges) {
		degree.set(source, (degree.get(source) ?? 0) + 1);
		degree.set(target, (degree.get(target) ?? 0) + 1);
	}
	return [...degree.values()].sort((a, b) => a - b);
}

function validate(data: GraphFile) {
	const result = loadGraph(JSON.stringify(data), `${data.attributes.id}.json`);
	return result.ok ? { ok: true, warnings: result.warnings } : { ok: false, problems: result.problems };
}

describe('generateGraph', () => {
	it('is deterministic: the same options give the same bytes, another seed another graph', () => {
		const json = JSON.stringify(small);
		expect(JSON.stringify(generateGraph({ nodes: 1000, edges: 5000 }))).toBe(json);
		expect(JSON.stringify(generateGraph({ nodes: 1000, edges: 5000, seed: 1 }))).toBe(json);
		const other = generateGraph({ nodes: 1000, edges: 5000, seed: 2 });
		expect(JSON.stringify(other)).not.toBe(json);
		expect(other.nodes.map((node) => node.key)).not.toEqual(small.nodes.map((node) => node.key));
	});

	it('makes exactly the number of nodes and edges asked for', () => {
		for (const [nodes, edges] of [
			[1000, 5000],
			[5000, 25000],
			[0, 0],
			[1, 3],
			[10, 0],
			[50, 20],
			[3, 200]
		] as const) {
			const data =
				nodes === 1000
					? small
					: nodes === 5000
						? medium
						: generateGraph({ nodes, edges, seed: nodes + edges });
			expect([data.nodes.length, data.edges.length]).toEqual([nodes, edges]);
			if (nodes <= 50) expect(validate(data)).toEqual({ ok: true, warnings: [] });
		}
	});

	it('writes files the validator accepts without a warning', () => {
		expect(validate(small)).toEqual({ ok: true, warnings: [] });
		expect(validate(medium)).toEqual({ ok: true, warnings: [] });
		const named = generateGraph({ nodes: 100, edges: 300, id: 'bench-graph' });
		expect(named.attributes.id).toBe('bench-graph');
		expect(validate(named)).toEqual({ ok: true, warnings: [] });
	});

	it('describes itself as a generated benchmark graph with sources that claim nothing', () => {
		const { attributes } = small;
		expect(attributes.id).toBe('synthetic-1000');
		expect(attributes.title).toBe('Synthetic graph, 1,000 entities');
		expect(attributes.description).toMatch(/generated for benchmarks/);
		expect(attributes.sources.length).toBeGreaterThanOrEqual(2);
		for (const source of attributes.sources) {
			expect(source).not.toHaveProperty('url');
			expect(source).not.toHaveProperty('publisher');
			expect(source).not.toHaveProperty('date');
		}
	});

	it('gives node and edge keys that are unique, URL-safe and never a name of Object.prototype', () => {
		for (const data of [small, medium]) {
			const keys = data.nodes.map((node) => node.key);
			expect(new Set(keys).size).toBe(keys.length);
			for (const key of keys) {
				expect(key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
				expect(encodeURIComponent(key)).toBe(key);
				expect(isReservedName(key)).toBe(false);
			}
			const edgeKeys = data.edges.map((edge) => edge.key);
			expect(new Set(edgeKeys).size).toBe(edgeKeys.length);
			const known = new Set(keys);
			expect(data.edges.every((edge) => known.has(edge.source) && known.has(edge.target))).toBe(true);
		}
	});

	it('looks like a real graph: typed, coloured, labelled, with aliases, claims and evidence', () => {
		const { nodeTypes, edgeTypes, sources } = small.attributes;
		expect(Object.keys(nodeTypes).length).toBeGreaterThanOrEqual(12);
		const colours = Object.values(nodeTypes).map((type) => type.color.toLowerCase());
		expect(new Set(colours).size).toBe(colours.length);
		for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
		expect(Object.keys(edgeTypes).length).toBeGreaterThanOrEqual(15);
		expect(new Set(small.nodes.map((node) => node.attributes.type)).size).toBe(Object.keys(nodeTypes).length);

		const labels = small.nodes.map((node) => node.attributes.label);
		expect(new Set(labels).size).toBe(labels.length);
		expect(labels.filter((label) => label.includes(' ')).length).toBeGreaterThan(labels.length / 2);
		expect(labels.some((label) => /[^\u0020-\u007e]/.test(label))).toBe(true);
		expect(labels).toContain('São Paulo');
		for (const node of small.nodes) expect(node.attributes.aliases.length).toBeLessThanOrEqual(3);
		expect(small.nodes.some((node) => node.attributes.aliases.length === 3)).toBe(true);

		const labelOf = new Map(small.nodes.map((node) => [node.key, node.attributes.label]));
		const sourceIds = new Set(sources.map((source) => source.id));
		for (const { source, target, attributes } of small.edges) {
			expect(attributes.label.length).toBeGreaterThan(0);
			expect(attributes.claim).toContain(labelOf.get(source));
			expect(attributes.claim).toContain(labelOf.get(target));
			for (const evidence of attributes.evidence ?? []) expect(sourceIds.has(evidence.source)).toBe(true);
		}
		expect(new Set(small.edges.map((edge) => edge.attributes.type)).size).toBeGreaterThanOrEqual(15);
	});

	it('has a heavy-tailed degree distribution, a few self-loops and no isolated node', () => {
		const sorted = degrees(medium);
		const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
		const max = sorted[sorted.length - 1] ?? 0;
		expect(median).toBeGreaterThan(0);
		expect(max).toBeGreaterThanOrEqual(10 * median);
		expect(sorted[0]).toBeGreaterThan(0);
		const loops = medium.edges.filter((edge) => edge.source === edge.target).length;
		expect(loops).toBeLessThan(medium.edges.length / 100);
	});

	it('places nodes inside the layout box, spread out', () => {
		for (const data of [small, medium]) {
			const xs = data.nodes.map((node) => node.attributes.x);
			const ys = data.nodes.map((node) => node.attributes.y);
			for (const value of [...xs, ...ys]) {
				expect(Number.isFinite(value)).toBe(true);
				expect(Math.abs(value)).toBeLessThanOrEqual(LAYOUT_RADIUS);
			}
			expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(LAYOUT_RADIUS);
			expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(LAYOUT_RADIUS);
			const distinct = new Set(data.nodes.map((node) => `${node.attributes.x},${node.attributes.y}`));
			expect(distinct.size).toBeGreaterThan(0.99 * data.nodes.length);
		}
	});

	it('refuses options it cannot honour', () => {
		expect(() => generateGraph({ nodes: -1, edges: 0 })).toThrow(RangeError);
		expect(() => generateGraph({ nodes: 1.5, edges: 0 })).toThrow(RangeError);
		expect(() => generateGraph({ nodes: 0, edges: 1 })).toThrow(RangeError);
		expect(() => generateGraph({ nodes: 10, edges: 10, id: 'Not An Id' })).toThrow(RangeError);
	});
});
