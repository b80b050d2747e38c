/**
 * The rules of stories that reach beyond one field (graph-data/README.md, "Stories"): story ids once each; every
 * entity and relationship a step names is in the graph; both ends of each relationship a step highlights are
 * among the step's entities; evidence cites the graph's sources. One function for the validator's full check
 * (validate.ts, which reports each problem) and its fast path (fast-check.ts, which only asks whether any).
 */
import type { ProblemCode } from './problems';

/** What a story may refer to in its graph. */
export interface StoryReferences {
	nodes: ReadonlySet<string>;
	/** Each entity's type, where the file gives one. */
	typeOf: ReadonlyMap<string, string>;
	nodeTypes: ReadonlySet<string>;
	edgeTypes: ReadonlySet<string>;
	/** Each relationship's key, with its two entities. */
	edges: ReadonlyMap<string, readonly [string, string]>;
	sources: ReadonlySet<string>;
}

/** A problem of a story, at a path inside the graph's attributes (`stories[0].steps[2].entities[1]`). */
export interface StoryProblem {
	path: string;
	code: ProblemCode;
	message: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const strings = (value: unknown): [number, string][] =>
	Array.isArray(value)
		? value.flatMap((item, i): [number, string][] => (typeof item === 'string' ? [[i, item]] : []))
		: [];
const show = (key: string) => JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key);

/**
 * The problems of `stories` (the graph attribute, as the file has it: shapes are the schema's to check) against
 * what the graph holds. Stops after `limit` problems.
 */
export function storyProblems(stories: unknown, refs: StoryReferences, limit = 100): StoryProblem[] {
	const problems: StoryProblem[] = [];
	if (!Array.isArray(stories)) return problems;
	const ids = new Set<string>();
	const add = (path: string, code: ProblemCode, message: string) => {
		if (problems.length < limit) problems.push({ path, code, message });
	};
	stories.forEach((story, s) => {
		if (!isObject(story)) return;
		const at = `stories[${s}]`;
		if (typeof story.id === 'string') {
			if (ids.has(story.id))
				add(`${at}.id`, 'key.duplicate', `${show(story.id)} is the id of an earlier story too`);
			ids.add(story.id);
		}
		if (!Array.isArray(story.steps)) return;
		story.steps.forEach((step, t) => {
			if (!isObject(step)) return;
			const stepAt = `${at}.steps[${t}]`;
			const entities = new Set<string>();
			for (const [i, key] of strings(step.entities)) {
				entities.add(key);
				if (!refs.nodes.has(key))
					add(`${stepAt}.entities[${i}]`, 'ref.unknown-node', `no node has the key ${show(key)}`);
			}
			for (const [i, key] of strings(step.relationships)) {
				const ends = refs.edges.get(key);
				if (!ends) {
					add(`${stepAt}.relationships[${i}]`, 'ref.unknown-edge', `no edge has the key ${show(key)}`);
					continue;
				}
				const missing = ends.filter((end) => !entities.has(end));
				if (missing.length > 0) {
					add(
						`${stepAt}.relationships[${i}]`,
						'ref.outside-step',
						`${show(key)} links ${missing.map(show).join(' and ')}, which the step's entities do not list`
					);
				}
			}
			if (isObject(step.view)) viewProblems(step.view, `${stepAt}.view`, entities, refs, add);
			if (Array.isArray(step.evidence)) {
				step.evidence.forEach((evidence, e) => {
					if (
						isObject(evidence) &&
						typeof evidence.source === 'string' &&
						!refs.sources.has(evidence.source)
					) {
						add(
							`${stepAt}.evidence[${e}].source`,
							'ref.unknown-source',
							`${show(evidence.source)} is not the id of any of the graph's sources`
						);
					}
				});
			}
		});
	});
	return problems;
}

/**
 * The problems of a step's `view`: its focus must be one of the step's entities, its types the graph's, and it
 * may not hide the type of an entity the step shows.
 */
function viewProblems(
	view: Record<string, unknown>,
	at: string,
	entities: ReadonlySet<string>,
	refs: StoryReferences,
	add: (path: string, code: ProblemCode, message: string) => void
): void {
	const focus = view.focus;
	if (typeof focus === 'string') {
		if (!refs.nodes.has(focus)) add(`${at}.focus`, 'ref.unknown-node', `no node has the key ${show(focus)}`);
		else if (!entities.has(focus))
			add(`${at}.focus`, 'ref.outside-step', `${show(focus)} is not among the step's entities`);
	}
	for (const [i, type] of strings(view.hide)) {
		if (!refs.nodeTypes.has(type)) {
			add(`${at}.hide[${i}]`, 'ref.unknown-type', `${show(type)} is not one of the graph's nodeTypes`);
			continue;
		}
		const hidden = [...entities].find((key) => refs.typeOf.get(key) === type);
		if (hidden !== undefined)
			add(`${at}.hide[${i}]`, 'ref.outside-step', `hides ${show(hidden)}, one of the step's entities`);
	}
	for (const [i, type] of strings(view.hideRel)) {
		if (!refs.edgeTypes.has(type))
			add(`${at}.hideRel[${i}]`, 'ref.unknown-type', `${show(type)} is not one of the graph's edgeTypes`);
	}
}

/** What stories may refer to in a graph file's data (its shapes unchecked: what is not well formed is left out). */
export function storyReferences(raw: Record<string, unknown>): StoryReferences {
	const nodes = new Set<string>();
	const typeOf = new Map<string, string>();
	const edges = new Map<string, readonly [string, string]>();
	const sources = new Set<string>();
	if (Array.isArray(raw.nodes)) {
		for (const node of raw.nodes) {
			if (!isObject(node) || typeof node.key !== 'string') continue;
			nodes.add(node.key);
			const type = isObject(node.attributes) ? node.attributes.type : undefined;
			if (typeof type === 'string') typeOf.set(node.key, type);
		}
	}
	if (Array.isArray(raw.edges)) {
		for (const edge of raw.edges) {
			if (
				isObject(edge) &&
				typeof edge.key === 'string' &&
				typeof edge.source === 'string' &&
				typeof edge.target === 'string'
			) {
				edges.set(edge.key, [edge.source, edge.target]);
			}
		}
	}
	const attributes = isObject(raw.attributes) ? raw.attributes : undefined;
	if (Array.isArray(attributes?.sources)) {
		for (const source of attributes.sources)
			if (isObject(source) && typeof source.id === 'string') sources.add(source.id);
	}
	const keys = (value: unknown) => new Set(isObject(value) ? Object.keys(value) : []);
	return {
		nodes,
		typeOf,
		nodeTypes: keys(attributes?.nodeTypes),
		edgeTypes: keys(attributes?.edgeTypes),
		edges,
		sources
	};
}
