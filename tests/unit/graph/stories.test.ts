/**
 * The rules of stories beyond one field (src/lib/graph/stories.ts): unique ids, references to the graph's
 * entities, relationships and sources, and every highlighted relationship's ends among the step's entities; and
 * the same verdict from the validator's fast path and its full check, on the flagship's own story.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateGraphData } from '../../../src/lib/graph/validate';
import { cleanGraphFile } from '../../../src/lib/graph/fast-check';
import { storyProblems, storyReferences } from '../../../src/lib/graph/stories';

const refs = storyReferences({
	attributes: {
		sources: [{ id: 'article', title: 'An article' }],
		nodeTypes: { country: {}, commodity: {} },
		edgeTypes: { buys: {}, sells: {} }
	},
	nodes: [
		{ key: 'india', attributes: { type: 'country' } },
		{ key: 'russia', attributes: { type: 'country' } },
		{ key: 'oil', attributes: { type: 'commodity' } }
	],
	edges: [
		{ key: 'india-buys-oil', source: 'india', target: 'oil' },
		{ key: 'russia-sells-oil', source: 'russia', target: 'oil' }
	]
});
const step = (extra: Record<string, unknown>) => ({ title: 'A step', text: 'What it shows.', ...extra });
const story = (id: string, ...steps: Record<string, unknown>[]) => ({ id, title: 'A story', steps });

describe('storyProblems', () => {
	it.each([
		[
			'a step of known entities and relationships',
			[story('s', step({ entities: ['india', 'oil'], relationships: ['india-buys-oil'] }))],
			[]
		],
		[
			'an unknown entity',
			[story('s', step({ entities: ['india', 'china'] }))],
			[['stories[0].steps[0].entities[1]', 'ref.unknown-node']]
		],
		[
			'an unknown relationship',
			[story('s', step({ entities: ['india'], relationships: ['india-buys-gas'] }))],
			[['stories[0].steps[0].relationships[0]', 'ref.unknown-edge']]
		],
		[
			'a relationship whose end the step does not list',
			[story('s', step({ entities: ['india'], relationships: ['india-buys-oil'] }))],
			[['stories[0].steps[0].relationships[0]', 'ref.outside-step']]
		],
		[
			'evidence of an unknown source',
			[story('s', step({ entities: ['india'], evidence: [{ source: 'blog', section: 'Lead' }] }))],
			[['stories[0].steps[0].evidence[0].source', 'ref.unknown-source']]
		],
		[
			'two stories with one id',
			[story('s', step({ entities: ['india'] })), story('s', step({ entities: ['russia'] }))],
			[['stories[1].id', 'key.duplicate']]
		],
		[
			'a view of the step: its focus, types hidden, stated only',
			[
				story(
					's',
					step({
						entities: ['india', 'russia'],
						view: { focus: 'india', depth: 1, hide: ['commodity'], hideRel: ['sells'], stated: true }
					})
				)
			],
			[]
		],
		[
			'a view that focuses an entity the graph or the step lacks',
			[
				story('s', step({ entities: ['india'], view: { focus: 'china' } })),
				story('t', step({ entities: ['india'], view: { focus: 'russia' } }))
			],
			[
				['stories[0].steps[0].view.focus', 'ref.unknown-node'],
				['stories[1].steps[0].view.focus', 'ref.outside-step']
			]
		],
		[
			'a view that hides unknown types, or the type of an entity the step shows',
			[
				story(
					's',
					step({ entities: ['india', 'oil'], view: { hide: ['person', 'commodity'], hideRel: ['gives'] } })
				)
			],
			[
				['stories[0].steps[0].view.hide[0]', 'ref.unknown-type'],
				['stories[0].steps[0].view.hide[1]', 'ref.outside-step'],
				['stories[0].steps[0].view.hideRel[0]', 'ref.unknown-type']
			]
		],
		['not a list', { id: 's' }, []],
		['shapes left to the schema', [null, 'x', story('s', null as unknown as Record<string, unknown>)], []]
	])('%s', (_name, stories, expected) => {
		expect(storyProblems(stories, refs).map(({ path, code }) => [path, code])).toEqual(expected);
	});

	it('says which entity a relationship needs, and stops at the limit', () => {
		const problems = storyProblems(
			[story('s', step({ entities: ['india'], relationships: ['russia-sells-oil'] }))],
			refs
		);
		expect(problems[0]?.message).toBe(
			'"russia-sells-oil" links "russia" and "oil", which the step\'s entities do not list'
		);
		const many = [story('s', step({ entities: Array.from({ length: 30 }, (_, i) => `nobody-${i}`) }))];
		expect(storyProblems(many, refs, 5)).toHaveLength(5);
	});
});

describe('stories in a graph file', () => {
	const flagship = JSON.parse(readFileSync('graph-data/india-russia.json', 'utf8')) as {
		attributes: { stories: { steps: { entities: string[]; relationships?: string[] }[] }[] };
	};

	it('the flagship has a story, valid in the full check and on the fast path', () => {
		expect(flagship.attributes.stories.length).toBeGreaterThan(0);
		const full = validateGraphData(flagship, 'india-russia.json');
		expect(full.ok).toBe(true);
		expect(cleanGraphFile(flagship, 'india-russia.json')).toBeDefined();
	});

	it('a story naming an entity the graph lacks fails both checks, with the place', () => {
		const broken = structuredClone(flagship);
		broken.attributes.stories[0]?.steps[0]?.entities.push('atlantis');
		expect(cleanGraphFile(broken, 'india-russia.json')).toBeUndefined();
		const full = validateGraphData(broken, 'india-russia.json');
		expect(full.ok).toBe(false);
		if (full.ok) return;
		expect(full.problems.map((problem) => problem.code)).toEqual(['ref.unknown-node']);
	});
});
