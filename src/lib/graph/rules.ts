/**
 * The rules of the graph file format, written once: limits, reserved names, the patterns of ids and keys, and the
 * predicates for URLs, dates and colours. The zod schema (schema.ts) and the validator's fast path
 * (fast-check.ts) both read them from here, so the two cannot disagree on a rule. Plain data and functions: no
 * zod, no graphology.
 */

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
	fileBytes: 256 * 1024 * 1024,
	/** Rows of a CSV file, elements of an XML file, triples of an RDF file, entities and relationships. */
	elements: 5_000_000,
	/** Data attributes of one entity or relationship (graphs from other tools). */
	dataAttributes: 200,
	/** Length of a data attribute's name. */
	dataName: 200,
	/** Length of a data attribute's text value; longer ones are shortened on import, with a warning. */
	dataValue: 10_000
} as const;

/** Names that exist on `Object.prototype`: as keys or attribute names they break graph libraries. */
const RESERVED_NAMES: ReadonlySet<string> = new Set([
	...Object.getOwnPropertyNames(Object.prototype),
	'__proto__'
]);

/** Whether `name` collides with a property of `Object.prototype` (`__proto__`, `constructor`, `toString`, …). */
export function isReservedName(name: string): boolean {
	return RESERVED_NAMES.has(name);
}

/** Graph ids that are addresses of the site itself (/api/…, /embed/…, /404). */
export const SITE_PATHS: ReadonlySet<string> = new Set(['api', 'embed', '404']);

/** Entity keys that are addresses of the explorer itself (/<graph>/connect). */
export const RESERVED_ENTITY_KEYS: ReadonlySet<string> = new Set(['connect']);

/** A graph id: a slug of lowercase letters, digits and "-", starting with a letter or digit. */
export const GRAPH_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The graph id of a graph from another tool, made from its file's name (`Les Misérables 2.gexf` is
 * `les-miserables-2`): lowercase ASCII letters, digits and `-`, at most `LIMITS.graphId` long; `graph` when nothing
 * of the name is left, with `-graph` after an address the site uses itself.
 */
export function graphIdSlug(name: string): string {
	const slug = name
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, LIMITS.graphId)
		.replace(/-+$/, '');
	if (!slug) return 'graph';
	return SITE_PATHS.has(slug) ? `${slug}-graph` : slug;
}

/** A key of nodeTypes or edgeTypes, or a source id: lowercase letters, digits, "-" and "_", starting with a letter. */
export const TYPE_KEY_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** A node or edge key: ASCII letters, digits, "-", "_" and ".", starting with a letter or digit. */
export const ENTITY_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A colour written `#rgb` or `#rrggbb`. */
export const COLOUR_PATTERN = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;

/** Whether `value` is a colour written `#rgb` or `#rrggbb`. */
export function isColour(value: string): boolean {
	return COLOUR_PATTERN.test(value);
}

/** Whether `value` parses as an absolute URL with the http: or https: scheme (as the WHATWG URL parser reads it). */
export function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `value` is a date of the calendar written `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (2021-02-29 is not). */
export function isCalendarDate(value: string): boolean {
	const match = DATE.exec(value);
	if (!match) return false;
	const month = match[2] === undefined ? 1 : Number(match[2]);
	const day = match[3] === undefined ? 1 : Number(match[3]);
	if (month < 1 || month > 12 || day < 1) return false;
	const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
	return day <= daysInMonth;
}
