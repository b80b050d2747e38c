/**
 * The shapes of the JSON API (docs/api.md), as zod schemas: the tests check every response against
 * them, and the types below are what the site's own pages read. `/api/graphs/<graph>.json` is a graph file and
 * is checked by the graph file validator itself (src/lib/graph/load.ts).
 */
import { z } from 'zod';
import {
	dataValueSchema,
	edgeTypeSchema,
	entityKeySchema,
	evidenceSchema,
	graphIdSchema,
	nodeTypeSchema,
	sourceSchema,
	typeKeySchema
} from '../graph/schema';
import type { GraphMetrics } from '../graph/centrality';
import { MODALITIES } from '../graph/rules';

const count = z.number().int().nonnegative();

/** `/api/graphs.json`: every graph. */
export const graphListSchema = z.array(
	z.strictObject({
		id: graphIdSchema,
		title: z.string(),
		description: z.string(),
		nodes: count,
		edges: count
	})
);

/** `/api/graphs/<graph>/about.json`: a graph without its entities: what the explorer needs before the graph. */
export const graphAboutSchema = z.strictObject({
	id: graphIdSchema,
	title: z.string(),
	description: z.string(),
	sources: z.array(sourceSchema),
	nodes: count,
	edges: count,
	nodeTypes: z.record(typeKeySchema, nodeTypeSchema),
	edgeTypes: z.record(typeKeySchema, edgeTypeSchema),
	/** The format of a graph from another tool (`GEXF`, `CSV` …); absent for our curated format. */
	importedFrom: z.string().optional(),
	/** Whether `/<graph>/<entity>` pages and entity JSON files were prerendered (false for big graphs). */
	entityPages: z.boolean()
});

const entityRefSchema = z.strictObject({ key: entityKeySchema, label: z.string(), type: typeKeySchema });

/** A data attribute with the kind of its column (src/lib/graph/attributes.ts). */
const dataEntrySchema = z.strictObject({
	name: z.string(),
	kind: z.enum(['number', 'boolean', 'date', 'url', 'colour', 'category', 'text']),
	value: dataValueSchema
});

const relationSchema = z.strictObject({
	edge: z.string(),
	direction: z.enum(['out', 'in']),
	undirected: z.boolean(),
	type: typeKeySchema,
	label: z.string(),
	claim: z.string().optional(),
	evidence: z.array(evidenceSchema),
	data: z.array(dataEntrySchema),
	source: entityRefSchema,
	target: entityRefSchema,
	other: entityRefSchema,
	/** How the source makes the claim: stated, attributed (to `attributedTo`), intended or possible. */
	modality: z.enum(MODALITIES),
	attributedTo: entityRefSchema.optional()
});

/** `/api/graphs/<graph>/entities/<entity>.json`: one entity with its relationships and neighbours. */
export const entityResponseSchema = z.strictObject({
	graph: graphIdSchema,
	key: entityKeySchema,
	label: z.string(),
	type: typeKeySchema,
	typeLabel: z.string(),
	color: z.string(),
	description: z.string(),
	aliases: z.array(z.string()),
	originalId: z.string().optional(),
	data: z.array(dataEntrySchema),
	degree: count,
	groups: z.array(
		z.strictObject({
			type: typeKeySchema,
			typeLabel: z.string(),
			direction: z.enum(['out', 'in']),
			undirected: z.boolean(),
			relations: z.array(relationSchema)
		})
	),
	neighbours: z.array(entityRefSchema),
	/** Only in the browser, for a big graph whose details could not be fetched: why (query.ts EntityDetails). */
	detailsMissing: z.string().optional()
});

/**
 * `/api/graphs/<graph>/metrics.json`: what matters most, computed at build time (src/lib/graph/centrality.ts).
 * The arrays follow `keys`; `betweenness` is null for graphs too big to compute it exactly.
 */
export const graphMetricsSchema: z.ZodType<GraphMetrics> = z.strictObject({
	keys: z.array(entityKeySchema),
	/** Distinct neighbours, either direction. */
	degree: z.array(count),
	/** Normalised betweenness centrality, 0–1. */
	betweenness: z.array(z.number().min(0).max(1)).nullable(),
	/** Louvain community of each entity; 0 is the largest. */
	community: z.array(count),
	/** Each community: its size and its best-connected member. */
	communities: z.array(z.strictObject({ size: count, hub: entityKeySchema }))
});

export type { GraphMetrics };
export type GraphListItem = z.infer<typeof graphListSchema>[number];
export type GraphAbout = z.infer<typeof graphAboutSchema>;
export type EntityResponse = z.infer<typeof entityResponseSchema>;
