/**
 * Problems found in a graph file: what each one is (a stable code), where it is, and how it is printed:
 * `file › node <key> | edge <key or #index> | graph › field: message`, with ` at line L, column C` when a reader
 * located it in the text of the file.
 */

export type Severity = 'error' | 'warning';

/**
 * Every code a problem can carry, with the severity that goes with it. The code is the stable, machine-readable
 * part of a problem (tools, tests and translations match on it); the message is for people and may be reworded.
 * `file.*` codes are about the file as a whole, `json.*` about its syntax, `value.*` about one value against the
 * format, `key.*` about ids and keys, `ref.*` about references between parts of the file, `field.*` about
 * attribute names and `graph.*` about the graph as a whole.
 */
export const PROBLEM_CODES = {
	/** The file does not exist. */
	'file.not-found': 'error',
	/** The path is a folder, or the file cannot be read (permissions, I/O error). */
	'file.unreadable': 'error',
	/** No reader claims the file's extension; the message lists the formats there are. */
	'file.unknown-format': 'error',
	/** The file is larger than `LIMITS.fileBytes`. */
	'file.too-big': 'error',
	/** The bytes are not valid UTF-8; the message gives the offset of the first bad byte. */
	'file.not-utf8': 'error',
	/** The file is empty or holds only white space (and a byte-order mark). */
	'file.empty': 'error',
	/** The text is not valid JSON; `line` and `column` say where when the parser gives a position. */
	'json.syntax': 'error',
	/** The text is not well-formed XML (GEXF, GraphML); `line` and `column` say where. */
	'xml.syntax': 'error',
	/** An XML file declares a DOCTYPE or entities, which the explorer refuses (no entity expansion, ever). */
	'xml.doctype': 'error',
	/** The text is not valid CSV (an unclosed quote); `line` (and the row) say where. */
	'csv.syntax': 'error',
	/** The text is not valid RDF (Turtle, N-Triples); `line` and `column` say where. */
	'rdf.syntax': 'error',
	/** The file parses but is no graph of its format (a GEXF without `<graph>`, a CSV without Source, Target). */
	'format.structure': 'error',
	/** The file has more elements (nodes, edges, rows, triples, attributes) than the explorer reads. */
	'format.too-many': 'error',
	/** A row or element was skipped because it cannot be part of a graph (no source or target); the rest loads. */
	'format.skipped': 'warning',
	/** Importing another tool's graph, the explorer guessed (types, labels, keys, sizes, positions); it loads. */
	'import.guessed': 'warning',
	/** A relationship names an entity the file does not have; the entity was added (as Gephi does). */
	'import.added-node': 'warning',
	/** A value was longer than the explorer keeps and was shortened, or could not be kept and was dropped. */
	'import.value': 'warning',
	/** A field the format requires is missing. */
	'value.required': 'error',
	/** A value has the wrong type (a number for a string, an array for an object, a top level that is no object). */
	'value.type': 'error',
	/** A string or a list is shorter than the format allows (an empty label, no sources, no evidence). */
	'value.too-short': 'error',
	/** A string or a list is longer than the format allows. */
	'value.too-long': 'error',
	/** A number is below the format's minimum (a size under 1, a coordinate under -1,000,000). */
	'value.too-small': 'error',
	/** A number is above the format's maximum. */
	'value.too-big': 'error',
	/** An id or a key does not match its pattern (graph id, type key, source id, node or edge key). */
	'value.pattern': 'error',
	/** A colour is not written `#rgb` or `#rrggbb`. */
	'value.colour': 'error',
	/** A URL is not an absolute http: or https: URL. */
	'value.url': 'error',
	/** A date is not a calendar date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
	'value.date': 'error',
	/** A value is not one of those the field allows (`options.type`, an edge's `undirected`). */
	'value.choice': 'error',
	/** A value breaks a rule of the schema that has no code of its own (none does today: a fallback). */
	'value.invalid': 'error',
	/** An id, key or type name is a name reserved by JavaScript (a property of `Object.prototype`). */
	'key.reserved': 'error',
	/** A graph id or an entity key is an address the site uses itself (api, embed, 404, local, open, connect). */
	'key.site-address': 'error',
	/** A node key, an edge key, a source id or a story id is used twice. */
	'key.duplicate': 'error',
	/** An edge's source or target, or an entity a story's step names, is the key of no node. */
	'ref.unknown-node': 'error',
	/** A relationship a story's step highlights is the key of no edge. */
	'ref.unknown-edge': 'error',
	/** A relationship a story's step highlights links an entity that the step's entities do not list. */
	'ref.outside-step': 'error',
	/** A node's or an edge's type is not declared in the graph's nodeTypes or edgeTypes. */
	'ref.unknown-type': 'error',
	/** Evidence cites a source that is not among the graph's sources. */
	'ref.unknown-source': 'error',
	/** The graph's id is not the file's name. */
	'graph.id-mismatch': 'error',
	/** Two files define the same graph id. */
	'graph.duplicate-id': 'error',
	/** An attribute name is a name reserved by JavaScript (a property of `Object.prototype`). */
	'field.reserved': 'error',
	/** An unknown attribute: dropped, or on an entity or relationship kept as data and named if a likely typo. */
	'field.unknown': 'warning',
	/** The loader failed where it never should: a bug, to be reported. */
	'internal.bug': 'error'
} as const satisfies Record<string, Severity>;

/** A problem's stable, machine-readable code (see `PROBLEM_CODES`). */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Whether `value` is one of the codes above. */
export function isProblemCode(value: unknown): value is ProblemCode {
	return typeof value === 'string' && Object.hasOwn(PROBLEM_CODES, value);
}

export interface Problem {
	severity: Severity;
	/** What the problem is; the same for every problem of its kind, whatever the message says. */
	code: ProblemCode;
	/** The file name as the user gave it. */
	file: string;
	/** `graph`, `node <key>`, `edge <key>`, `edge #<index>`; absent for problems with the file as a whole. */
	where?: string;
	/** The field inside `where`, e.g. `label` or `evidence[0].source`; absent when the element itself is wrong. */
	field?: string;
	/** 1-based line in the text of the file, for problems a text format's reader located. */
	line?: number;
	/** 1-based column (in UTF-16 code units) on `line`, when the reader knows it. */
	column?: number;
	message: string;
}

/** A problem with the file as a whole (no `where`), of the severity its code has. */
export function fileProblem(
	file: string,
	code: ProblemCode,
	message: string,
	at?: { line: number; column?: number }
): Problem {
	const problem: Problem = { severity: PROBLEM_CODES[code], code, file, message };
	if (at) {
		problem.line = at.line;
		if (at.column !== undefined) problem.column = at.column;
	}
	return problem;
}

const PLAIN_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

/** A key as it can safely be printed: plain keys as they are, anything else quoted, escaped and shortened. */
export function showKey(key: string): string {
	if (PLAIN_KEY.test(key)) return key;
	const shown = key.length > 60 ? `${key.slice(0, 57)}…` : key;
	return JSON.stringify(shown);
}

/**
 * A value from the file quoted for a message, however hostile: escaped like a JSON string (so it stays on one line)
 * and shortened like `showKey`. Ordinary values read as before: `"drink"`.
 */
export function quote(value: string): string {
	return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}

/** One problem as one line of text. */
export function formatProblem(problem: Problem): string {
	const prefix = problem.severity === 'warning' ? 'warning: ' : '';
	const head = [problem.file, problem.where].filter((part) => part !== undefined).join(' › ');
	const message = problem.line === undefined ? problem.message : `${problem.message} at ${location(problem)}`;
	const body = problem.field === undefined ? message : `${problem.field}: ${message}`;
	return `${prefix}${head}${problem.where === undefined && problem.field === undefined ? ':' : ' ›'} ${body}`;
}

function location({ line, column }: Problem): string {
	return column === undefined ? `line ${line}` : `line ${line}, column ${column}`;
}

/** Problems as lines, at most `limit` of them followed by a count of the rest. */
export function formatProblems(problems: readonly Problem[], limit = 50): string[] {
	const lines = problems.slice(0, limit).map(formatProblem);
	if (problems.length > limit) {
		const rest = problems.length - limit;
		lines.push(`… and ${rest} more problem${rest === 1 ? '' : 's'} in ${problems[0]?.file ?? 'this file'}`);
	}
	return lines;
}

/** Thrown where a caller needs an exception rather than a result: carries every problem of the file. */
export class GraphDataError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		super(formatProblems(problems).join('\n'));
		this.name = 'GraphDataError';
		this.problems = problems;
	}
}
