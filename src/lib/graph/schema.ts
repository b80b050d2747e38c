/**
 * The graph file format (see graph-data/README.md) as zod schemas. Every type of the graph layer is inferred
 * from here, so the documentation, the validator and the app cannot drift apart.
 */
import { z } from 'zod';

/** Names that exist on `Object.prototype`: as keys or attribute names they break graph libraries. */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
	...Object.getOwnPropertyNames(Object.prototype),
	'__proto__'
]);

/** Whether `name` collides with a property of `Object.prototype` (`__proto__`, `constructor`, `toString`, …). */
export function isReservedName(name: string): boolean {
	return RESERVED_NAMES.has(name);
}

const RESERVED_MESSAGE = 'is a name reserved by JavaScript (a property of Object.prototype); rename it';

/** Limits of the format, in characters unless said otherwise. */
export const LIMITS = {
	graphId: 64,
	typeKey: 64,
	entityKey: 128,
	title: 200,
	graphDescription: 2000,
	sourceTitle: 500,
	sourceNote: 2000,
	url: 2000,
	label: 200,
	description: 5000,
	aliases: 100,
	alias: 200,
	claim: 2000,
	section: 200,
	coordinate: 1_000_000,
	minSize: 1,
	maxSize: 100,
	fileBytes: 256 * 1024 * 1024
} as const;

const notReserved = (value: string) => !isReservedName(value);

/** Graph ids that are addresses of the site itself (/api/…, /embed/…, /404). */
export const SITE_PATHS: ReadonlySet<string> = new Set(['api', 'embed', '404']);

export const graphIdSchema = z
	.string()
	.min(1)
	.max(LIMITS.graphId)
	.regex(/^[a-z0-9][a-z0-9-]*$/, {
		error: 'must be a slug: lowercase letters, digits and "-", starting with a letter or digit'
	})
	.refine((id) => !SITE_PATHS.has(id), {
		error: `is an address the site uses itself (${[...SITE_PATHS].join(', ')}); choose another id`
	});

/** Keys of nodeTypes and edgeTypes, and source ids. */
export const typeKeySchema = z
	.string()
	.refine(notReserved, { error: RESERVED_MESSAGE, abort: true })
	.min(1)
	.max(LIMITS.typeKey)
	.regex(/^[a-z][a-z0-9_-]*$/, {
		error: 'must be lowercase letters, digits, "-" or "_", starting with a letter'
	});

/** Node keys (entity ids, used in URLs) and edge keys. */
export const entityKeySchema = z
	.string()
	.refine(notReserved, { error: RESERVED_MESSAGE, abort: true })
	.min(1)
	.max(LIMITS.entityKey)
	.regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
		error: 'must be ASCII letters, digits, "-", "_" or ".", starting with a letter or digit'
	});

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function isCalendarDate(value: string): boolean {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
	if (!match) return false;
	const month = match[2] === undefined ? 1 : Number(match[2]);
	const day = match[3] === undefined ? 1 : Number(match[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
	return day <= daysInMonth;
}

const text = (min: number, max: number) => z.string().min(min).max(max);

export const sourceSchema = z.object({
	id: typeKeySchema,
	title: text(1, LIMITS.sourceTitle),
	publisher: text(1, LIMITS.title).optional(),
	url: z.string().max(LIMITS.url).refine(isHttpUrl, { error: 'must be an http: or https: URL' }).optional(),
	date: z
		.string()
		.refine(isCalendarDate, { error: 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD' })
		.optional(),
	note: text(1, LIMITS.sourceNote).optional()
});

export const nodeTypeSchema = z.object({
	label: text(1, LIMITS.label),
	color: z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, {
		error: 'must be a colour written #rgb or #rrggbb'
	})
});

export const edgeTypeSchema = z.object({
	label: text(1, LIMITS.label)
});

export const graphAttributesSchema = z.object({
	id: graphIdSchema,
	title: text(1, LIMITS.title),
	description: text(0, LIMITS.graphDescription),
	sources: z.array(sourceSchema).min(1),
	nodeTypes: z.record(typeKeySchema, nodeTypeSchema),
	edgeTypes: z.record(typeKeySchema, edgeTypeSchema)
});

const coordinate = z.number().min(-LIMITS.coordinate).max(LIMITS.coordinate);

export const nodeAttributesSchema = z.object({
	label: text(1, LIMITS.label),
	type: z.string(),
	description: text(0, LIMITS.description).default(''),
	aliases: z.array(text(1, LIMITS.alias)).max(LIMITS.aliases).default([]),
	x: coordinate,
	y: coordinate,
	size: z.number().min(LIMITS.minSize).max(LIMITS.maxSize).optional()
});

export const evidenceSchema = z.object({
	source: z.string(),
	section: text(1, LIMITS.section)
});

export const edgeAttributesSchema = z.object({
	type: z.string(),
	label: text(1, LIMITS.label),
	claim: text(1, LIMITS.claim),
	evidence: z.array(evidenceSchema).min(1)
});

/** Entity keys that are addresses of the explorer itself (/<graph>/connect). */
export const RESERVED_ENTITY_KEYS: ReadonlySet<string> = new Set(['connect']);

export const nodeEntrySchema = z.object({
	key: entityKeySchema.refine((key) => !RESERVED_ENTITY_KEYS.has(key), {
		error: `is an address the explorer uses itself (/<graph>/connect); choose another key`
	}),
	attributes: nodeAttributesSchema
});

export const edgeEntrySchema = z.object({
	key: entityKeySchema.optional(),
	source: z.string(),
	target: z.string(),
	undirected: z
		.literal(false, { error: 'must be false or absent: relationships are always directed' })
		.optional(),
	attributes: edgeAttributesSchema
});

export const optionsSchema = z.object({
	type: z
		.enum(['directed', 'mixed'], {
			error: 'must be "directed" or "mixed": relationships are always directed'
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
