import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../../src/lib/graph/load';
import {
	type EntityDetails,
	entitiesByType,
	entityDetails,
	evidenceBySource,
	graphSummary,
	groupPhrase
} from '../../../src/lib/graph/query';
import { citationAnchors, citationId, citedSections } from '../../../src/lib/graph/citations';
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

describe('citedSections and citationId', () => {
	it('names each source once, with each of its sections once, in order of first citation', () => {
		expect(
			citedSections([
				{ evidence: [{ source: 'a', section: 'One' }] },
				{ evidence: [] },
				{
					evidence: [
						{ source: 'b', section: 'Two' },
						{ source: 'a', section: 'One' },
						{ source: 'a', section: 'Three' }
					]
				},
				{ evidence: [{ source: 'b', section: 'Two' }] }
			])
		).toEqual([
			['a', ['One', 'Three']],
			['b', ['Two']]
		]);
	});

	it('makes ids of the key, the source and the place, never of the section’s text', () => {
		expect(citationId('india', 'article', 0)).toBe('cite-india-article-1');
		expect(citationId('EAC-Buyers.2', 'notes_2', 11)).toBe('cite-EAC-Buyers.2-notes_2-12');
		expect(citationId('a b', '<x>', 0)).toMatch(/^[\w.-]+$/);
	});
});
describe('citationAnchors', () => {
	it('gives each cited section of an entity one id, the same whichever relationships are listed', () => {
		const relation = (evidence: { source: string; section: string }[]) =>
			({ evidence }) as unknown as EntityDetails['groups'][number]['relations'][number];
		const entity = {
			key: 'india',
			groups: [
				{
					type: 't',
					typeLabel: 't',
					direction: 'out' as const,
					undirected: false,
					relations: [
						relation([{ source: 'article', section: 'Lead' }]),
						relation([
							{ source: 'article', section: 'Oil' },
							{ source: 'notes', section: 'Lead' }
						])
					]
				}
			]
		};
		const anchorOf = citationAnchors(entity);
		expect(anchorOf('article', 'Lead')).toBe('cite-india-article-1');
		expect(anchorOf('article', 'Oil')).toBe('cite-india-article-2');
		expect(anchorOf('notes', 'Lead')).toBe('cite-india-notes-1');
	});
});

describe('group headings', () => {
	it('names a group by what it says, around the entity, in its direction', () => {
		const group = (typeLabel: string, direction: 'out' | 'in', undirected = false) => ({
			typeLabel,
			direction,
			undirected
		});
		expect(groupPhrase('India', group('buys', 'out'))).toBe('buys …');
		expect(groupPhrase('India', group('supplies', 'in'))).toBe('… supplies India');
		expect(groupPhrase('Western sanctions', group('pressures', 'in'))).toBe('… pressures Western sanctions');
		expect(groupPhrase('Valjean', group('linked with', 'out', true))).toBe('linked with …, either way');
	});

	it('reads as English for every group of the flagship', () => {
		const loaded = loadGraph(
			readFileSync(new URL('../../../graph-data/india-russia.json', import.meta.url)),
			'india-russia.json'
		);
		if (!loaded.ok) throw new Error('the flagship does not load');
		const graph = loaded.graph;
		const headings = new Set<string>();
		graph.forEachNode((key) => {
			const details = entityDetails(graph, key);
			if (!details) return;
			for (const g of details.groups) headings.add(groupPhrase(details.label, g));
		});
		for (const heading of [
			'buys …',
			'… buys Crude oil',
			'supplies …',
			'… supplies Crude oil',
			'is driven by …',
			'presents itself as …',
			'eases or offsets …',
			'is part of …',
			'is located in …',
			'is phasing out …',
			'cannot match …',
			'… is located in Tamil Nadu'
		])
			expect(headings).toContain(heading);
		// Every heading is a phrase of words around "…", never a bare type key.
		for (const heading of headings) expect(heading).toMatch(/^(?:… [^…]+|[^…]+ …(?:, either way)?)$/);
	});
});
