import { describe, expect, it } from 'vitest';
import { entitiesByType, entityDetails, evidenceBySource, graphSummary } from '../../../src/lib/graph/query';
import { tinyGraph } from '../helpers';

describe('entityDetails', () => {
	const graph = tinyGraph(['a>b:likes', 'c>a:likes', 'a>b:funds', 'a>b:likes', 'a>a:likes']);

	it('returns null for an unknown entity', () => {
		expect(entityDetails(graph, 'nope')).toBeNull();
		expect(entityDetails(graph, '__proto__')).toBeNull();
	});

	it('groups relationships by type and direction, outgoing first', () => {
		const details = entityDetails(graph, 'a');
		expect(details?.groups.map((g) => `${g.direction}:${g.type}:${g.relations.length}`)).toEqual([
			'out:funds:1',
			'out:likes:3',
			'in:likes:1'
		]);
	});

	it('keeps parallel edges apart and lists a self-loop once', () => {
		const details = entityDetails(graph, 'a');
		const likes = details?.groups.find((g) => g.direction === 'out' && g.type === 'likes');
		expect(likes?.relations.map((r) => r.edge).sort()).toEqual(['e0', 'e3', 'e4']);
		expect(details?.degree).toBe(6);
	});

	it('reads each relationship from source to target', () => {
		const incoming = entityDetails(graph, 'a')?.groups.find((g) => g.direction === 'in');
		expect(incoming?.relations[0]).toMatchObject({
			source: { key: 'c', label: 'C' },
			target: { key: 'a', label: 'A' },
			other: { key: 'c' },
			label: 'likes',
			claim: 'c likes a.',
			evidence: [{ source: 's', section: 'Test' }]
		});
	});

	it('lists each neighbour once, by label, without the entity itself', () => {
		expect(entityDetails(graph, 'a')?.neighbours.map((n) => n.key)).toEqual(['b', 'c']);
	});
});

describe('entitiesByType and graphSummary', () => {
	const graph = tinyGraph(['a>b:likes', 'ab>c:likes']);

	it('groups entities by type in declaration order, sorted by label', () => {
		expect(entitiesByType(graph).map((g) => [g.type, g.entities.map((e) => e.key)])).toEqual([
			['person', ['a', 'ab']],
			['thing', ['b', 'c']]
		]);
	});

	it('summarises the graph', () => {
		expect(graphSummary(graph)).toMatchObject({ id: 'tiny', title: 'Tiny', nodes: 4, edges: 2 });
	});
});

describe('evidenceBySource', () => {
	it('names each source once, with its sections in order', () => {
		expect(
			evidenceBySource([
				{ source: 'a', section: 'One' },
				{ source: 'b', section: 'Two' },
				{ source: 'a', section: 'Three' }
			])
		).toEqual([
			['a', ['One', 'Three']],
			['b', ['Two']]
		]);
	});
});
