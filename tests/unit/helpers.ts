/**
 * Tiny hand-built graphs for unit tests: `tinyGraph('a>b:likes', 'b>c:likes')`. Node types come from the key's
 * first letter (a… is a `person`, anything else a `thing`) unless `types` says otherwise.
 */
import { type KnowledgeGraph, buildGraph } from '../../src/lib/graph/build';

export function tinyGraph(
	edges: string[],
	types: Record<string, string> = {},
	extraNodes: string[] = []
): KnowledgeGraph {
	const keys = new Set(extraNodes);
	const parsed = edges.map((spec, i) => {
		const match = /^([\w.-]+)>([\w.-]+):([\w-]+)$/.exec(spec);
		if (!match) throw new Error(`bad edge spec ${spec}`);
		const [, source = '', target = '', type = ''] = match;
		keys.add(source);
		keys.add(target);
		return {
			key: `e${i}`,
			source,
			target,
			attributes: {
				type,
				label: type,
				claim: `${source} ${type} ${target}.`,
				evidence: [{ source: 's', section: 'Test' }]
			}
		};
	});
	const edgeTypes = Object.fromEntries(
		[...new Set(parsed.map((e) => e.attributes.type))].map((t) => [t, { label: t }])
	);
	return buildGraph({
		attributes: {
			id: 'tiny',
			title: 'Tiny',
			description: '',
			sources: [{ id: 's', title: 'Test source' }],
			nodeTypes: {
				person: { label: 'Person', color: '#0072B2' },
				thing: { label: 'Thing', color: '#E69F00' }
			},
			edgeTypes
		},
		nodes: [...keys].map((key) => ({
			key,
			attributes: {
				label: key.toUpperCase(),
				type: types[key] ?? (key.startsWith('a') ? 'person' : 'thing'),
				description: '',
				aliases: [],
				x: 0,
				y: 0
			}
		})),
		edges: parsed
	});
}
