/**
 * Read-only questions asked of a knowledge graph: an entity with its relationships grouped by relation type
 * and direction, and the graph's entities grouped by type. Returns plain data; unknown keys give `null`.
 */
import { type DataKind, dataKinds } from './data-kinds';
import type { KnowledgeGraph } from './build';
import type { Data, DataValue, Evidence, Source } from './schema';
import type { Modality } from './rules';

/** One data attribute of an entity or relationship, with the kind of its column (attributes.ts). */
export interface DataEntry {
	name: string;
	kind: DataKind;
	value: DataValue;
}

/** A neighbour as a link needs it. */
export interface EntityRef {
	key: string;
	label: string;
	type: string;
}

/**
 * One relationship seen from the entity: `direction` says whether the entity is its source or its target. An
 * undirected relationship reads the same both ways: seen from either end it is `out`, with that end as `source`.
 */
export interface Relation {
	edge: string;
	direction: 'out' | 'in';
	undirected: boolean;
	type: string;
	/** The edge's own verb phrase, read from `source` to `target`. */
	label: string;
	/** Why the relationship exists, in a graph that says (graphs from other tools may not). */
	claim?: string | undefined;
	/** Where the source says it; empty when the graph does not say. */
	evidence: Evidence[];
	data: DataEntry[];
	source: EntityRef;
	target: EntityRef;
	/** The entity at the other end (the entity itself for a self-loop). */
	other: EntityRef;
	/** How the source makes the claim (rules.ts); `stated` when the graph does not say. */
	modality: Modality;
	/** Whose view or claim it is, when the graph names them. */
	attributedTo?: EntityRef;
}

export interface RelationGroup {
	type: string;
	typeLabel: string;
	direction: 'out' | 'in';
	/** Undirected relationships of a type are a group of their own (read both ways), apart from directed ones. */
	undirected: boolean;
	relations: Relation[];
}

export interface EntityDetails extends EntityRef {
	typeLabel: string;
	color: string;
	description: string;
	aliases: string[];
	/** The id in the file the graph came from, when the key had to be made URL-safe. */
	originalId?: string | undefined;
	data: DataEntry[];
	degree: number;
	groups: RelationGroup[];
	/** Every distinct neighbour, in label order. */
	neighbours: EntityRef[];
	/**
	 * Why its details (description, claims, evidence: fetched apart for a big graph, graph/drawn-graph.ts) are
	 * missing, in words, when they could not be fetched.
	 */
	detailsMissing?: string;
}

export function entityRef(graph: KnowledgeGraph, key: string): EntityRef {
	const { label, type } = graph.getNodeAttributes(key);
	return { key, label, type };
}

/** One relationship as the panel reads it, `direction` from the entity seen (its source: `out`). */
export function relationOf(
	graph: KnowledgeGraph,
	edge: string,
	source: EntityRef,
	target: EntityRef,
	direction: 'out' | 'in'
): Relation {
	const data = graph.getEdgeAttributes(edge);
	return {
		edge,
		direction,
		type: data.type,
		undirected: data.undirected === true,
		label: data.label,
		claim: data.claim,
		evidence: data.evidence ?? [],
		data: dataEntries(data.data, dataKinds(graph).edges),
		source,
		target,
		other: direction === 'out' ? target : source,
		modality: data.modality ?? 'stated',
		...(data.attributedTo !== undefined && graph.hasNode(data.attributedTo)
			? { attributedTo: entityRef(graph, data.attributedTo) }
			: {})
	};
}

/** The entity `key` with its relationships, or `null` when the graph has no such entity. */
export function entityDetails(graph: KnowledgeGraph, key: string): EntityDetails | null {
	if (!graph.hasNode(key)) return null;
	const attributes = graph.getNodeAttributes(key);
	const { nodeTypes, edgeTypes } = graph.getAttributes();
	const groups = new Map<string, RelationGroup>();
	const neighbours = new Map<string, EntityRef>();

	const columns = dataKinds(graph);
	const add = (edge: string, direction: 'out' | 'in') => {
		const data = graph.getEdgeAttributes(edge);
		let source = entityRef(graph, graph.source(edge));
		let target = entityRef(graph, graph.target(edge));
		// An undirected relationship reads the same both ways: from the entity, as an outgoing one.
		if (data.undirected && direction === 'in') [source, target, direction] = [target, source, 'out'];
		const other = direction === 'out' ? target : source;
		const id = `${data.undirected ? 'both' : direction}:${data.type}`;
		let group = groups.get(id);
		if (!group) {
			group = {
				type: data.type,
				typeLabel: edgeTypes[data.type]?.label ?? data.type,
				direction,
				undirected: data.undirected === true,
				relations: []
			};
			groups.set(id, group);
		}
		group.relations.push(relationOf(graph, edge, source, target, direction));

		if (other.key !== key) neighbours.set(other.key, other);
	};
	graph.forEachOutEdge(key, (edge) => add(edge, 'out'));
	// A self-loop is both an out- and an in-edge: list it once, as outgoing.
	graph.forEachInEdge(key, (edge, _attributes, source) => {
		if (source !== key) add(edge, 'in');
	});

	const byLabel = (a: EntityRef, b: EntityRef) => a.label.localeCompare(b.label, 'en');
	const sortedGroups = [...groups.values()].sort(
		(a, b) =>
			(a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1) ||
			a.typeLabel.localeCompare(b.typeLabel, 'en')
	);
	for (const group of sortedGroups) group.relations.sort((a, b) => byLabel(a.other, b.other));

	return {
		key,
		label: attributes.label,
		type: attributes.type,
		typeLabel: nodeTypes[attributes.type]?.label ?? attributes.type,
		color: attributes.color ?? nodeTypes[attributes.type]?.color ?? '#999999',
		description: attributes.description,
		aliases: attributes.aliases,
		originalId: attributes.originalId,
		data: dataEntries(attributes.data, columns.nodes),
		degree: graph.degree(key),
		groups: sortedGroups,
		neighbours: [...neighbours.values()].sort(byLabel)
	};
}

/** The data of an element in the order of the graph's columns, each with its column's kind. */
function dataEntries(data: Data | undefined, columns: readonly (readonly [string, DataKind])[]): DataEntry[] {
	if (!data) return [];
	const entries: DataEntry[] = [];
	for (const [name, kind] of columns) {
		const value = data[name];
		if (value !== undefined && Object.hasOwn(data, name)) entries.push({ name, kind, value });
	}
	return entries;
}

export interface TypeGroup {
	type: string;
	label: string;
	color: string;
	entities: EntityRef[];
}

/** The graph's entities grouped by node type, in the order the graph declares its types, each sorted by label. */
export function entitiesByType(graph: KnowledgeGraph): TypeGroup[] {
	const { nodeTypes } = graph.getAttributes();
	const groups = new Map<string, TypeGroup>(
		Object.entries(nodeTypes).map(([type, { label, color }]) => [type, { type, label, color, entities: [] }])
	);
	graph.forEachNode((key, { label, type }) => groups.get(type)?.entities.push({ key, label, type }));
	const result = [...groups.values()].filter((group) => group.entities.length > 0);
	for (const group of result) group.entities.sort((a, b) => a.label.localeCompare(b.label, 'en'));
	return result;
}

export interface GraphSummary {
	id: string;
	title: string;
	description: string;
	sources: Source[];
	nodes: number;
	edges: number;
}

export function graphSummary(graph: KnowledgeGraph): GraphSummary {
	const { id, title, description, sources } = graph.getAttributes();
	return { id, title, description, sources, nodes: graph.order, edges: graph.size };
}

/** How many entities each node type has, and how many relationships each relation type has. */
export function typeCounts(graph: KnowledgeGraph): {
	nodes: Map<string, number>;
	edges: Map<string, number>;
} {
	const nodes = new Map<string, number>();
	const edges = new Map<string, number>();
	graph.forEachNode((_key, { type }) => nodes.set(type, (nodes.get(type) ?? 0) + 1));
	graph.forEachEdge((_key, { type }) => edges.set(type, (edges.get(type) ?? 0) + 1));
	return { nodes, edges };
}

/** Evidence grouped by source, in order of first mention: `[[source, [section, …]], …]`. */
export function evidenceBySource(evidence: readonly Evidence[]): [string, string[]][] {
	const grouped = new Map<string, string[]>();
	for (const { source, section } of evidence) grouped.set(source, [...(grouped.get(source) ?? []), section]);
	return [...grouped];
}

/**
 * How a relationship's modality reads beside its sentence: nothing for what the source states, else `possible`,
 * `intended`, or `according to <speaker>` (`attributed` when the graph names no speaker).
 */
export function modalityPhrase(modality: Modality, speaker?: string): string | null {
	switch (modality) {
		case 'stated':
			return null;
		case 'attributed':
			return speaker ? `according to ${speaker}` : 'attributed';
		case 'intended':
			return 'intended';
		case 'possible':
			return 'possible';
	}
}

/**
 * A group of relationships as a phrase around the entity, from the relation type's label: "buys …" (the entity
 * is the subject: the panel's heading names it), "… supplies India"; an undirected group "linked with …, either
 * way".
 */
export function groupPhrase(
	entityLabel: string,
	group: Pick<RelationGroup, 'typeLabel' | 'direction' | 'undirected'>
): string {
	if (group.direction === 'in' && !group.undirected) return `… ${group.typeLabel} ${entityLabel}`;
	return `${group.typeLabel} …${group.undirected ? ', either way' : ''}`;
}
