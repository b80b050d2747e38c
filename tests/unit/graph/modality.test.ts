/**
 * A relationship's modality (stated, attributed, intended, possible) and its speaker, through validation (the fast
 * path and the full one), the entity's details, the view filter and the phrase beside a sentence.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../../src/lib/graph/load';
import { entityDetails, modalityPhrase } from '../../../src/lib/graph/query';
import { MODALITIES, needsSpeaker } from '../../../src/lib/graph/rules';
import { DEFAULT_VIEW, parseViewOptions, viewQuery, visibleElements } from '../../../src/lib/graph/view';

const FILE = 'tests/fixtures/valid/parallel-edges-and-self-loop.json';
const NAME = 'parallel-edges-and-self-loop.json';

/** The fixture with its first two relationships' attributes extended. */
function withModalities(first: Record<string, unknown>, second: Record<string, unknown> = {}) {
	const data = JSON.parse(readFileSync(FILE, 'utf8'));
	Object.assign(data.edges[0].attributes, first);
	Object.assign(data.edges[1].attributes, second);
	return loadGraph(JSON.stringify(data), NAME);
}

describe('modality in a graph file', () => {
	it('reads each modality and a speaker, and a relationship without one as stated', () => {
		for (const modality of MODALITIES) {
			const result = withModalities(
				{ modality, ...(needsSpeaker(modality) ? { attributedTo: 'kenya' } : {}) },
				{}
			);
			if (!result.ok) throw new Error(JSON.stringify(result.problems));
			expect(result.warnings).toEqual([]);
			const relations =
				entityDetails(result.graph, 'kenya')?.groups.flatMap((group) => group.relations) ?? [];
			expect(relations.find((r) => r.edge === 'kenya-exports-tea')).toMatchObject({ modality });
			expect(relations.find((r) => r.edge === 'kenya-exports-tea-2')?.modality).toBe('stated');
		}
		const attributed = withModalities({ modality: 'attributed', attributedTo: 'tea' });
		const relation = attributed.ok
			? entityDetails(attributed.graph, 'kenya')?.groups[0]?.relations.find(
					(r) => r.edge === 'kenya-exports-tea'
				)
			: undefined;
		expect(relation?.attributedTo).toEqual({ key: 'tea', label: 'Tea', type: expect.any(String) });
	});

	it('requires the speaker of an attributed relationship, and one that is an entity of the graph', () => {
		const missing = withModalities({ modality: 'attributed' });
		expect(missing.ok ? [] : missing.problems).toEqual([
			expect.objectContaining({
				code: 'value.required',
				where: 'edge kenya-exports-tea',
				field: 'attributedTo',
				message: 'is required when the modality is "attributed"'
			})
		]);
		const unknown = withModalities({ modality: 'possible', attributedTo: 'nairobi' });
		expect(unknown.ok ? [] : unknown.problems).toEqual([
			expect.objectContaining({
				code: 'ref.unknown-node',
				field: 'attributedTo',
				message: 'no node has the key nairobi'
			})
		]);
	});

	it('refuses a modality it does not know, naming those it does', () => {
		const result = withModalities({ modality: 'rumoured' });
		expect(result.ok ? [] : result.problems).toEqual([
			expect.objectContaining({
				where: 'edge kenya-exports-tea',
				field: 'modality',
				message: expect.stringContaining('"stated", "attributed", "intended", "possible"')
			})
		]);
	});
});

describe('only what the source states', () => {
	const result = withModalities({ modality: 'possible' }, { modality: 'attributed', attributedTo: 'kenya' });
	if (!result.ok) throw new Error(JSON.stringify(result.problems));
	const graph = result.graph;

	it('lives in the address as stated=1', () => {
		const options = parseViewOptions(new URLSearchParams('stated=1'), graph);
		expect(options.statedOnly).toBe(true);
		expect(viewQuery(options)).toBe('stated=1');
		expect(parseViewOptions(new URLSearchParams('stated=yes'), graph).statedOnly).toBe(false);
		expect(viewQuery(DEFAULT_VIEW)).toBe('');
	});

	it('leaves out every relationship the source does not state as fact, and nothing else', () => {
		const visible = visibleElements(graph, { ...DEFAULT_VIEW, statedOnly: true }, null);
		expect([...visible.edges].sort()).toEqual(
			graph
				.edges()
				.filter((e) => !e.startsWith('kenya-exports-tea'))
				.sort()
		);
		expect(visible.nodes.size).toBe(graph.order);
	});
});

describe('modalityPhrase', () => {
	it('says nothing for what is stated, and how the source hedges the rest', () => {
		expect(modalityPhrase('stated')).toBeNull();
		expect(modalityPhrase('possible')).toBe('possible');
		expect(modalityPhrase('intended')).toBe('intended');
		expect(modalityPhrase('attributed', "India's government")).toBe("according to India's government");
		expect(modalityPhrase('attributed')).toBe('attributed');
	});
});
