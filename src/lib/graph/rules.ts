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
	dataValue: 10_000,
	/**
	 * The most values an attribute read as a category may have (the entity types a graph from another tool gets
	 * from an attribute, and a data attribute of kind category), each at most `categoryLength` long.
	 */
	categories: 50,
	categoryLength: 80,
	/** Stories of a graph, steps of a story, and what a step names (graph-data/README.md, "Stories"). */
	stories: 20,
	storySteps: 40,
	storyText: 600,
	storyEntities: 40,
	storyRelationships: 60,
	storyEvidence: 10
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

/**
 * How the source makes a relationship's claim: `stated` (it says it is so; a relationship without a modality is
 * stated), `attributed` (it reports that someone says, argues, insists, signals, sees or considers it: the speaker
 * is `attributedTo`), `intended` (a goal, plan, effort, negotiation or exploration under way) or `possible` (could,
 * may, potential, risk).
 */
export const MODALITIES = ['stated', 'attributed', 'intended', 'possible'] as const;
export type Modality = (typeof MODALITIES)[number];

export function isModality(value: unknown): value is Modality {
	return (MODALITIES as readonly unknown[]).includes(value);
}

/** Whether a relationship of `modality` must name whose view it is (`attributedTo`). */
export function needsSpeaker(modality: Modality | undefined): boolean {
	return modality === 'attributed';
}

/** Graph ids that are addresses of the site itself (/api/…, /embed/…, /404, /local/… for graphs opened in the browser, /open). */
export const SITE_PATHS: ReadonlySet<string> = new Set(['api', 'embed', '404', 'local', 'oembed', 'open']);

/** Entity keys that are addresses of the explorer itself (/<graph>/connect, /<graph>/data, /<graph>/story/…). */
export const RESERVED_ENTITY_KEYS: ReadonlySet<string> = new Set(['connect', 'data', 'story']);

/** A graph id: a slug of lowercase letters, digits and "-", starting with a letter or digit. */
export const GRAPH_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Latin letters that Unicode does not decompose into a base letter and a mark. */
const LETTERS: Readonly<Record<string, string>> = {
	Ł: 'L',
	ł: 'l',
	Ø: 'O',
	ø: 'o',
	Đ: 'D',
	đ: 'd',
	ß: 'ss',
	Æ: 'AE',
	æ: 'ae',
	Œ: 'OE',
	œ: 'oe',
	Þ: 'Th',
	þ: 'th',
	ı: 'i'
};

/**
 * `text` in ASCII letters, digits, `.`, `_` and `-`: letters without their accents (`São` is `Sao`, `Łódź` is
 * `Lodz`), anything else a `-`, starting with a letter or digit, at most 100 long; empty when nothing is left.
 * The one slug rule for entity keys and graph ids made from another tool's names.
 */
export function asciiSlug(text: string): string {
	return text
		.replace(/[ŁłØøĐđßÆæŒœÞþı]/g, (letter) => LETTERS[letter] ?? letter)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/^[^A-Za-z0-9]+|[-.]+$/g, '')
		.slice(0, 100)
		.replace(/[-.]+$/, '');
}

/**
 * The last segment of an IRI (`http://example.org/people#Alice` → `Alice`, `urn:isbn:0451450523` → `0451450523`);
 * undefined for text that is no IRI. An IRI here has `://` or a scheme that needs none (urn, mailto, tag, doi), so
 * that ids such as yEd's `n1::n0` or `Q:1` are not taken for one.
 */
export function iriSegment(text: string): string | undefined {
	if (!/^[a-z][a-z0-9+.-]*:\/\/|^(urn|mailto|tag|doi):/i.test(text)) return undefined;
	return /[^/#:]+$/.exec(text.replace(/[/#]+$/, ''))?.[0];
}

/**
 * The graph id of a graph from another tool, made from its file's name (`Les Misérables 2.gexf` is
 * `les-miserables-2`): `asciiSlug` in lowercase with `-` for `.` and `_`, at most `LIMITS.graphId` long; `graph`
 * when nothing of the name is left, with `-graph` after an address the site uses itself.
 */
export function graphIdSlug(name: string): string {
	const slug = asciiSlug(name)
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

/** CSS's basic colour names, which NetworkX and yEd users write (`green`, `gray`). */
const NAMED_COLOURS: Readonly<Record<string, string>> = {
	black: '#000000',
	white: '#ffffff',
	red: '#ff0000',
	green: '#008000',
	blue: '#0000ff',
	yellow: '#ffff00',
	orange: '#ffa500',
	purple: '#800080',
	pink: '#ffc0cb',
	brown: '#a52a2a',
	gray: '#808080',
	grey: '#808080',
	silver: '#c0c0c0',
	maroon: '#800000',
	olive: '#808000',
	lime: '#00ff00',
	aqua: '#00ffff',
	cyan: '#00ffff',
	teal: '#008080',
	navy: '#000080',
	fuchsia: '#ff00ff',
	magenta: '#ff00ff'
};

/**
 * A colour as `#rrggbb` from the CSS forms files write (`#rgb`, `#rrggbb`, with alpha, `rgb()`, `rgba()`);
 * undefined for anything else.
 */
export function hexColour(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim().toLowerCase();
	const named = NAMED_COLOURS[text];
	if (named && Object.hasOwn(NAMED_COLOURS, text)) return named;
	const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text)?.[1];
	if (hex) {
		const full = hex.length <= 4 ? [...hex.slice(0, 3)].map((c) => c + c).join('') : hex.slice(0, 6);
		return `#${full}`;
	}
	const rgb =
		/^rgba?\(\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*[, ]\s*([\d.]+%?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(text);
	if (!rgb) return undefined;
	const channels = rgb.slice(1, 4).map((part) => {
		const number = Number.parseFloat(part);
		return Math.round(Math.min(255, Math.max(0, part.endsWith('%') ? (number * 255) / 100 : number)));
	});
	const colour = `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
	return COLOUR_PATTERN.test(colour) ? colour : undefined;
}
