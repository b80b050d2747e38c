/**
 * The graph file format (see graph-data/README.md) as zod schemas. Every type of the graph layer is inferred
 * from here, so the documentation, the validator and the app cannot drift apart. The rules themselves (limits,
 * patterns, the URL, date and colour predicates) live in rules.ts, which the validator's fast path reads too.
 */
import { z } from 'zod';
import type { ProblemCode } from './problems';
import {
	ENTITY_KEY_PATTERN,
	GRAPH_ID_PATTERN,
	LIMITS,
	MODALITIES,
	RESERVED_ENTITY_KEYS,
	SITE_PATHS,
	TYPE_KEY_PATTERN,
	isCalendarDate,
	isColour,
	isHttpUrl,
	isReservedName
} from './rules';

// Re-exported for the modules that read the format's rules through the schema.
export { LIMITS, RESERVED_ENTITY_KEYS, SITE_PATHS, isReservedName };

/** What a problem says about a name reserved by JavaScript. */
export const RESERVED_MESSAGE =
	'is a name reserved by JavaScript (a property of Object.prototype); rename it';

/**
 * zod's options for a refinement: its message, and its problem code, which load.ts reads back from the issue's
 * `params`. (A `.regex` cannot carry params: load.ts reads every failed regex as `value.pattern`.)
 */
function rule(code: ProblemCode, message: string, abort = false) {
	return { error: message, params: { code }, abort };
}

const notReserved = (value: string) => !isReservedName(value);

export const graphIdSchema = z
	.string()
	.min(1)
	.max(LIMITS.graphId)
	.regex(GRAPH_ID_PATTERN, {
		error: 'must be a slug: lowercase letters, digits and "-", starting with a letter or digit'
	})
	.refine(
		(id) => !SITE_PATHS.has(id),
		rule(
			'key.site-address',
			`is an address the site uses itself (${[...SITE_PATHS].join(', ')}); choose another id`
		)
	);

/** Keys of nodeTypes and edgeTypes, and source ids. */
export const typeKeySchema = z
	.string()
	.refine(notReserved, rule('key.reserved', RESERVED_MESSAGE, true))
	.min(1)
	.max(LIMITS.typeKey)
	.regex(TYPE_KEY_PATTERN, {
		error: 'must be lowercase letters, digits, "-" or "_", starting with a letter'
	});

/** Node keys (entity ids, used in URLs) and edge keys. */
export const entityKeySchema = z
	.string()
	.refine(notReserved, rule('key.reserved', RESERVED_MESSAGE, true))
	.min(1)
	.max(LIMITS.entityKey)
	.regex(ENTITY_KEY_PATTERN, {
		error: 'must be ASCII letters, digits, "-", "_" or ".", starting with a letter or digit'
	});

const text = (min: number, max: number) => z.string().min(min).max(max);

export const sourceSchema = z.object({
	id: typeKeySchema,
	title: text(1, LIMITS.sourceTitle),
	publisher: text(1, LIMITS.title).optional(),
	url: z
		.string()
		.max(LIMITS.url)
		.refine(isHttpUrl, rule('value.url', 'must be an http: or https: URL'))
		.optional(),
	date: z
		.string()
		.refine(isCalendarDate, rule('value.date', 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'))
		.optional(),
	note: text(1, LIMITS.sourceNote).optional()
});

export const nodeTypeSchema = z.object({
	label: text(1, LIMITS.label),
	color: z.string().refine(isColour, rule('value.colour', 'must be a colour written #rgb or #rrggbb'))
});

export const edgeTypeSchema = z.object({
	label: text(1, LIMITS.label)
});

/** What a data attribute holds, inferred from all its values (attributes.ts). */
export const DATA_KINDS = ['number', 'boolean', 'date', 'url', 'colour', 'category', 'text'] as const;
const dataKindsSchema = z.object({
	nodes: z.array(z.tuple([z.string(), z.enum(DATA_KINDS)])),
	edges: z.array(z.tuple([z.string(), z.enum(DATA_KINDS)]))
});

export const evidenceSchema = z.object({
	source: z.string(),
	section: text(1, LIMITS.section)
});

/**
 * One step of a story: a short text in our own words, the entities it is about (the first are the ones the
 * camera centres on), the relationships it highlights (both ends of each among its entities) and where it comes
 * from. References are checked by validate.ts.
 */
/**
 * How a step shows the graph besides its highlight, as the explorer's view options do (src/lib/graph/view.ts): the
 * entity it focuses (selected, as if clicked; `depth` counts from it), the entity and relationship types it hides,
 * and whether it shows only what the source states.
 */
export const storyViewSchema = z.object({
	focus: z.string().optional(),
	depth: z.number().int().min(1).max(3).optional(),
	hide: z.array(typeKeySchema).max(LIMITS.storyEntities).optional(),
	hideRel: z.array(typeKeySchema).max(LIMITS.storyEntities).optional(),
	stated: z.boolean().optional()
});

export const storyStepSchema = z.object({
	title: text(1, LIMITS.label),
	text: text(1, LIMITS.storyText),
	entities: z.array(z.string()).min(1).max(LIMITS.storyEntities),
	relationships: z.array(z.string()).max(LIMITS.storyRelationships).optional(),
	evidence: z.array(evidenceSchema).min(1).max(LIMITS.storyEvidence).optional(),
	view: storyViewSchema.optional()
});

/** A guided walk through the graph: `/<graph>/story/<id>/<step>`. */
export const storySchema = z.object({
	id: graphIdSchema,
	title: text(1, LIMITS.title),
	description: text(0, LIMITS.graphDescription).optional(),
	steps: z.array(storyStepSchema).min(1).max(LIMITS.storySteps)
});

export const graphAttributesSchema = z.object({
	id: graphIdSchema,
	title: text(1, LIMITS.title),
	description: text(0, LIMITS.graphDescription),
	// At least one in our curated profile; load.ts checks that rule (a graph with sources cites them).
	sources: z.array(sourceSchema),
	nodeTypes: z.record(typeKeySchema, nodeTypeSchema),
	edgeTypes: z.record(typeKeySchema, edgeTypeSchema),
	/**
	 * The format a graph from another tool was read from (`GEXF`, `CSV` …; import.ts sets it). Absent in our
	 * curated format, whose profile load.ts checks: at least one source, and a claim and evidence on every
	 * relationship.
	 */
	importedFrom: text(1, LIMITS.title).optional(),
	/**
	 * The kinds of the graph's data attributes, `[name, kind]` in order of first appearance: computed when the
	 * graph is loaded (whatever a file says here is replaced), so that pages need not infer them.
	 */
	dataKinds: dataKindsSchema.optional(),
	/** Guided walks through the graph, in the order the graph's page lists them. */
	stories: z.array(storySchema).max(LIMITS.stories).optional()
});

const coordinate = z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate);

/** A data attribute's value: text (bounded), a finite number or a boolean. */
export const dataValueSchema = z.union([z.string().max(LIMITS.dataValue), z.number(), z.boolean()]);

/**
 * Every attribute of an entity or relationship that the format does not name (a URL, a country, a score, a date
 * from another tool's file), kept by name. Their kinds (number, date, URL, category …) are inferred from the
 * values of the whole graph (attributes.ts).
 */
export const dataSchema = z
	.record(
		z
			.string()
			.refine(notReserved, rule('key.reserved', RESERVED_MESSAGE, true))
			.min(1)
			.max(LIMITS.dataName),
		dataValueSchema
	)
	.refine((data) => Object.keys(data).length <= LIMITS.dataAttributes, {
		error: `must have at most ${LIMITS.dataAttributes} attributes`,
		params: { code: 'value.too-long' }
	});

export const nodeAttributesSchema = z.object({
	label: text(1, LIMITS.label),
	type: z.string(),
	description: text(0, LIMITS.description).default(''),
	aliases: z.array(text(1, LIMITS.alias)).max(LIMITS.aliases).default([]),
	x: coordinate,
	y: coordinate,
	size: z.number().min(LIMITS.minSize).max(LIMITS.maxSize).optional(),
	/** The entity's own colour (from a file that colours its nodes); else its type's. */
	color: z
		.string()
		.refine(isColour, rule('value.colour', 'must be a colour written #rgb or #rrggbb'))
		.optional(),
	/** The id the entity has in the file it came from, when its key had to be made URL-safe. */
	originalId: text(1, LIMITS.url).optional(),
	data: dataSchema.optional()
});

export const edgeAttributesSchema = z.object({
	type: z.string(),
	label: text(1, LIMITS.label),
	// Both required in a graph with sources (load.ts); optional in graphs from other tools.
	claim: text(1, LIMITS.claim).optional(),
	evidence: z.array(evidenceSchema).min(1).optional(),
	data: dataSchema.optional(),
	/** How the source makes the claim (rules.ts MODALITIES); absent means stated. */
	modality: z.enum(MODALITIES, { error: `must be ${MODALITIES.map((m) => `"${m}"`).join(', ')}` }).optional(),
	/** The entity whose view or claim it is; required when the modality is attributed (validate.ts). */
	attributedTo: z.string().optional()
});

export const nodeEntrySchema = z.object({
	key: entityKeySchema.refine(
		(key) => !RESERVED_ENTITY_KEYS.has(key),
		rule(
			'key.site-address',
			'is an address the explorer uses itself (/<graph>/connect, /<graph>/data, /<graph>/story/…); choose another key'
		)
	),
	attributes: nodeAttributesSchema
});

export const edgeEntrySchema = z.object({
	key: entityKeySchema.optional(),
	source: z.string(),
	target: z.string(),
	undirected: z.boolean().optional(),
	attributes: edgeAttributesSchema
});

export const optionsSchema = z.object({
	type: z
		.enum(['directed', 'undirected', 'mixed'], {
			error: 'must be "directed", "undirected" or "mixed"'
		})
		.optional(),
	multi: z.boolean().optional(),
	allowSelfLoops: z.boolean().optional()
});

export const graphFileSchema = z.object({
	attributes: graphAttributesSchema,
	options: optionsSchema.optional(),
	nodes: z.array(nodeEntrySchema),
	edges: z.array(edgeEntrySchema)
});

export type GraphFile = z.infer<typeof graphFileSchema>;
export type GraphAttributes = z.infer<typeof graphAttributesSchema>;
export type NodeAttributes = z.infer<typeof nodeAttributesSchema>;
export type EdgeAttributes = z.infer<typeof edgeAttributesSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type Story = z.infer<typeof storySchema>;
export type StoryStep = z.infer<typeof storyStepSchema>;
export type StoryView = z.infer<typeof storyViewSchema>;
export type DataValue = z.infer<typeof dataValueSchema>;
export type DataKind = (typeof DATA_KINDS)[number];
export type DataKinds = z.infer<typeof dataKindsSchema>;
export type Data = Record<string, DataValue>;

/** The attribute names each part of the format knows; anything else is dropped with a warning. */
export const KNOWN_FIELDS = {
	top: Object.keys(graphFileSchema.shape),
	graph: Object.keys(graphAttributesSchema.shape),
	source: Object.keys(sourceSchema.shape),
	nodeType: Object.keys(nodeTypeSchema.shape),
	edgeType: Object.keys(edgeTypeSchema.shape),
	options: Object.keys(optionsSchema.shape),
	nodeEntry: Object.keys(nodeEntrySchema.shape),
	node: Object.keys(nodeAttributesSchema.shape),
	edgeEntry: Object.keys(edgeEntrySchema.shape),
	edge: Object.keys(edgeAttributesSchema.shape),
	evidence: Object.keys(evidenceSchema.shape)
} as const;
