/**
 * Reads a graph file: bytes or text -> JSON -> schema and referential checks -> a graphology MultiDirectedGraph.
 * Never throws and never returns a half-built graph: the result is a graph (with warnings) or every problem found.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { type KnowledgeGraph, buildGraph } from './build';
import { cleanGraphFile, graphIdFromFileName } from './fast-check';
import { type Problem, quote, showKey } from './problems';
import { type GraphFile, KNOWN_FIELDS, LIMITS, graphFileSchema, isReservedName } from './schema';

export type { KnowledgeGraph };
export { graphIdFromFileName };

export type ValidateResult =
	{ ok: true; data: GraphFile; warnings: Problem[] } | { ok: false; problems: Problem[] };

export type LoadResult =
	{ ok: true; graph: KnowledgeGraph; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Loads a graph file. `file` names it in messages and must be `<graph id>.json` (any folder).
 * Returns the graph and the warnings, or every problem; never throws.
 */
export function loadGraph(input: string | Uint8Array, file: string): LoadResult {
	try {
		const parsed = parseGraphJson(input, file);
		if (!parsed.ok) return parsed;
		const checked = validateGraphData(parsed.value, file);
		if (!checked.ok) return checked;
		return { ok: true, graph: buildGraph(checked.data), warnings: checked.warnings };
	} catch (error) {
		// The checks above should make this unreachable; report it rather than crash if it is not.
		return fail(
			file,
			`could not be loaded (this is a bug in the loader, please report it): ${describeError(error)}`
		);
	}
}

/** Decodes and parses a file into a JSON value, or says why it cannot be. */
export function parseGraphJson(
	input: string | Uint8Array,
	file: string
): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > LIMITS.fileBytes) {
		return fail(file, `is ${size} bytes; a graph file may be at most ${LIMITS.fileBytes} bytes`);
	}
	let text: string;
	if (typeof input === 'string') {
		text = input;
	} else {
		try {
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
		} catch {
			return fail(
				file,
				`is not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8(input)}); save it as UTF-8`
			);
		}
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	if (text.trim() === '')
		return fail(file, 'is empty; a graph file is a JSON object {attributes, options, nodes, edges}');
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		return fail(file, `is not valid JSON: ${describeJsonError(error, text)}`);
	}
}

/**
 * Checks a parsed file against the format: the schema, then references between its parts (edge endpoints,
 * declared types and sources, unique keys), reserved names, and attributes the format does not know.
 * A file with nothing to report is answered by the fast path of fast-check.ts, whose `data` may share objects
 * with `raw` (it is `raw` itself when nothing needed a default); treat both as read-only.
 */
export function validateGraphData(raw: unknown, file: string): ValidateResult {
	// The common case, a file with nothing to report, skips zod (see fast-check.ts); anything else gets every
	// check and every message below.
	let clean: GraphFile | undefined;
	try {
		clean = cleanGraphFile(raw, file);
	} catch {
		clean = undefined;
	}
	if (clean) return { ok: true, data: clean, warnings: [] };
	return validateGraphDataInFull(raw, file);
}

/** `validateGraphData` without the fast path: zod, then the checks of references and field names. */
export function validateGraphDataInFull(raw: unknown, file: string): ValidateResult {
	const report = new Report(file, raw);
	if (!isObject(raw)) {
		report.top(
			undefined,
			`the top level must be a JSON object {attributes, options, nodes, edges}, not ${describeValue(raw)}`
		);
		return { ok: false, problems: report.problems() };
	}
	const result = graphFileSchema.safeParse(raw, { reportInput: true });
	if (!result.success) for (const issue of result.error.issues) report.zodIssue(issue);
	checkReferences(raw, file, report);
	checkFieldNames(raw, report);
	if (!result.success || report.hasErrors) return { ok: false, problems: report.problems() };
	return { ok: true, data: result.data, warnings: report.problems() };
}

function checkReferences(raw: Record<string, unknown>, file: string, report: Report): void {
	const attributes = isObject(raw.attributes) ? raw.attributes : undefined;
	const expectedId = graphIdFromFileName(file);
	if (typeof attributes?.id === 'string' && attributes.id !== expectedId) {
		report.graph(
			'id',
			`is ${quote(attributes.id)} but the file is named ${expectedId}.json; the id must equal the file name`
		);
	}
	const nodeTypes = ownKeys(attributes?.nodeTypes);
	const edgeTypes = ownKeys(attributes?.edgeTypes);
	// zod passes over an own "__proto__" key of a record without a word; every other key it checks itself.
	for (const [group, keys] of [
		['nodeTypes', nodeTypes],
		['edgeTypes', edgeTypes]
	] as const) {
		if (keys?.has('__proto__')) {
			report.graph(
				`${group}["__proto__"]`,
				'is a name reserved by JavaScript (a property of Object.prototype); rename it'
			);
		}
	}
	const sourceIds = new Set<string>();
	if (Array.isArray(attributes?.sources)) {
		attributes.sources.forEach((source, i) => {
			if (!isObject(source) || typeof source.id !== 'string') return;
			if (sourceIds.has(source.id))
				report.graph(`sources[${i}].id`, `${quote(source.id)} is used by an earlier source too`);
			sourceIds.add(source.id);
		});
	}

	const nodeKeys = new Set<string>();
	if (Array.isArray(raw.nodes)) {
		raw.nodes.forEach((node, i) => {
			if (!isObject(node)) return;
			if (typeof node.key === 'string') {
				if (nodeKeys.has(node.key))
					report.node(i, 'key', 'duplicate node key: an earlier node has the same key');
				nodeKeys.add(node.key);
			}
			const type = isObject(node.attributes) ? node.attributes.type : undefined;
			if (nodeTypes && typeof type === 'string' && !nodeTypes.has(type)) {
				report.node(i, 'type', `${quote(type)} is not declared in the graph's nodeTypes`);
			}
		});
	}

	if (!Array.isArray(raw.edges)) return;
	const edgeKeys = new Set<string>();
	const nodesKnown = Array.isArray(raw.nodes);
	raw.edges.forEach((edge, i) => {
		if (!isObject(edge)) return;
		if (typeof edge.key === 'string') {
			if (edgeKeys.has(edge.key))
				report.edge(i, 'key', 'duplicate edge key: an earlier edge has the same key');
			edgeKeys.add(edge.key);
		}
		for (const end of ['source', 'target'] as const) {
			const key = edge[end];
			if (nodesKnown && typeof key === 'string' && !nodeKeys.has(key)) {
				report.edge(i, end, `no node has the key ${showKey(key)}`);
			}
		}
		const attrs = isObject(edge.attributes) ? edge.attributes : undefined;
		if (edgeTypes && typeof attrs?.type === 'string' && !edgeTypes.has(attrs.type)) {
			report.edge(i, 'type', `${quote(attrs.type)} is not declared in the graph's edgeTypes`);
		}
		if (Array.isArray(attrs?.evidence)) {
			attrs.evidence.forEach((evidence, j) => {
				if (isObject(evidence) && typeof evidence.source === 'string' && !sourceIds.has(evidence.source)) {
					report.edge(
						i,
						`evidence[${j}].source`,
						`${quote(evidence.source)} is not the id of any of the graph's sources`
					);
				}
			});
		}
	});
}

/** Reserved names anywhere in a known object are errors; names the format does not know are warnings. */
function checkFieldNames(raw: Record<string, unknown>, report: Report): void {
	report.fieldNames(raw, KNOWN_FIELDS.top, (name, message, severity) => report.top(name, message, severity));
	const graphAt = (field: string, message: string, severity: 'error' | 'warning') =>
		report.graph(field, message, severity);
	const attributes = raw.attributes;
	if (isObject(attributes)) {
		report.fieldNames(attributes, KNOWN_FIELDS.graph, graphAt);
		if (Array.isArray(attributes.sources)) {
			attributes.sources.forEach((source, i) =>
				report.fieldNames(source, KNOWN_FIELDS.source, graphAt, `sources[${i}].`)
			);
		}
		for (const [group, known] of [
			['nodeTypes', KNOWN_FIELDS.nodeType],
			['edgeTypes', KNOWN_FIELDS.edgeType]
		] as const) {
			const types = attributes[group];
			if (!isObject(types)) continue;
			for (const [name, value] of Object.entries(types)) {
				report.fieldNames(value, known, graphAt, `${group}${fieldSegment(name)}.`);
			}
		}
	}
	if (isObject(raw.options)) {
		report.fieldNames(raw.options, KNOWN_FIELDS.options, (name, message, severity) =>
			report.top(`options.${name}`, message, severity)
		);
	}
	const each = (list: unknown, entry: readonly string[], attrs: readonly string[], at: Report['node']) => {
		if (!Array.isArray(list)) return;
		list.forEach((item, i) => {
			const here = (field: string, message: string, severity: 'error' | 'warning') =>
				at(i, field, message, severity);
			report.fieldNames(item, entry, here);
			if (isObject(item)) report.fieldNames(item.attributes, attrs, here);
			if (isObject(item) && isObject(item.attributes) && Array.isArray(item.attributes.evidence)) {
				item.attributes.evidence.forEach((evidence, j) =>
					report.fieldNames(evidence, KNOWN_FIELDS.evidence, here, `evidence[${j}].`)
				);
			}
		});
	};
	each(raw.nodes, KNOWN_FIELDS.nodeEntry, KNOWN_FIELDS.node, report.node);
	each(raw.edges, KNOWN_FIELDS.edgeEntry, KNOWN_FIELDS.edge, report.edge);
}

type At = (field: string, message: string, severity: 'error' | 'warning') => void;

/** Collects problems in file order: the file, then graph attributes, then nodes and edges by position. */
class Report {
	private readonly head: Problem[] = [];
	private readonly byNode = new Map<number, Problem[]>();
	private readonly byEdge = new Map<number, Problem[]>();
	hasErrors = false;

	constructor(
		private readonly file: string,
		private readonly raw: unknown
	) {}

	problems(): Problem[] {
		const ordered = [...this.head];
		for (const group of [this.byNode, this.byEdge]) {
			for (const index of [...group.keys()].sort((a, b) => a - b)) ordered.push(...(group.get(index) ?? []));
		}
		return ordered;
	}

	private add(list: Problem[], problem: Problem): void {
		if (problem.severity === 'error') this.hasErrors = true;
		list.push(problem);
	}

	private listFor(group: Map<number, Problem[]>, index: number): Problem[] {
		let list = group.get(index);
		if (!list) group.set(index, (list = []));
		return list;
	}

	top = (field: string | undefined, message: string, severity: 'error' | 'warning' = 'error'): void => {
		this.add(this.head, { severity, file: this.file, field, message });
	};

	graph = (field: string, message: string, severity: 'error' | 'warning' = 'error'): void => {
		this.add(this.head, { severity, file: this.file, where: 'graph', field, message });
	};

	node = (
		index: number,
		field: string | undefined,
		message: string,
		severity: 'error' | 'warning' = 'error'
	): void => {
		const where = this.elementName('nodes', 'node', index);
		this.add(this.listFor(this.byNode, index), { severity, file: this.file, where, field, message });
	};

	edge = (
		index: number,
		field: string | undefined,
		message: string,
		severity: 'error' | 'warning' = 'error'
	): void => {
		const where = this.elementName('edges', 'edge', index);
		this.add(this.listFor(this.byEdge, index), { severity, file: this.file, where, field, message });
	};

	/** `node <key>` when the element has a usable key, else `node #<index>`. */
	private elementName(list: 'nodes' | 'edges', kind: string, index: number): string {
		const items = isObject(this.raw) ? this.raw[list] : undefined;
		const item = Array.isArray(items) ? items[index] : undefined;
		const key = isObject(item) ? item.key : undefined;
		return typeof key === 'string' && key !== '' ? `${kind} ${showKey(key)}` : `${kind} #${index}`;
	}

	/** Reports reserved and unknown field names of `value` (when it is an object). */
	fieldNames(value: unknown, known: readonly string[], at: At, prefix = ''): void {
		if (!isObject(value)) return;
		for (const name of Object.keys(value)) {
			if (known.includes(name)) continue;
			const field = prefix + fieldSegment(name).replace(/^\./, '');
			if (isReservedName(name)) {
				at(
					field,
					'is a name reserved by JavaScript (a property of Object.prototype); remove or rename it',
					'error'
				);
			} else {
				const guess = closest(name, known);
				at(
					field,
					`is not part of the format and is dropped${guess ? ` (did you mean "${guess}"?)` : ''}`,
					'warning'
				);
			}
		}
	}

	zodIssue(issue: $ZodIssue): void {
		const path = issue.path;
		const message = issueMessage(issue);
		const [first, second] = path;
		if (first === 'attributes' && path.length > 1) {
			this.graph(fieldPath(path.slice(1)), message);
		} else if ((first === 'nodes' || first === 'edges') && typeof second === 'number') {
			const rest = path.slice(2);
			if (rest[0] === 'attributes' && rest.length > 1) rest.shift();
			(first === 'nodes' ? this.node : this.edge)(second, fieldPath(rest) || undefined, message);
		} else {
			this.top(fieldPath(path) || undefined, message);
		}
	}
}

function issueMessage(issue: $ZodIssue): string {
	const input = (issue as { input?: unknown }).input;
	switch (issue.code) {
		case 'invalid_type':
			if (input === undefined) return 'is required';
			return `must be ${withArticle(issue.expected)}, not ${describeValue(input)}`;
		case 'too_small': {
			const min = Number(issue.minimum);
			if (issue.origin === 'string')
				return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
			if (issue.origin === 'array') return `must have at least ${min} item${min === 1 ? '' : 's'}`;
			return `must be at least ${min}${describeNumberInput(input)}`;
		}
		case 'too_big': {
			const max = Number(issue.maximum);
			if (issue.origin === 'string') {
				return `must be at most ${max} characters long${typeof input === 'string' ? ` (it has ${input.length})` : ''}`;
			}
			if (issue.origin === 'array') {
				return `must have at most ${max} items${Array.isArray(input) ? ` (it has ${input.length})` : ''}`;
			}
			return `must be at most ${max}${describeNumberInput(input)}`;
		}
		case 'invalid_key':
			return issue.issues[0] ? `key ${issueMessage(issue.issues[0])}` : 'has an invalid key';
		default:
			return issue.message;
	}
}

function describeNumberInput(input: unknown): string {
	return typeof input === 'number' ? ` (it is ${input})` : '';
}

function withArticle(expected: string): string {
	return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'number')
		return Number.isFinite(value) ? `the number ${value}` : `${value} (not a finite number)`;
	if (typeof value === 'string')
		return value.length > 40 ? 'a string' : `the string ${JSON.stringify(value)}`;
	if (typeof value === 'object') return 'an object';
	return `${withArticle(typeof value)} (${String(value)})`;
}

/** `evidence[0].source`, `nodeTypes["my type"].color`. */
function fieldPath(path: readonly PropertyKey[]): string {
	return path
		.map((segment) => (typeof segment === 'number' ? `[${segment}]` : fieldSegment(String(segment))))
		.join('')
		.replace(/^\./, '');
}

function fieldSegment(name: string): string {
	if (/^[A-Za-z_$][\w$]*$/.test(name) && name.length <= 60) return `.${name}`;
	return `[${JSON.stringify(name.length > 60 ? `${name.slice(0, 57)}…` : name)}]`;
}

function closest(name: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = 3;
	for (const candidate of known) {
		const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
		if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
	}
	return best;
}

function editDistance(a: string, b: string): number {
	if (Math.abs(a.length - b.length) > 2) return 3;
	let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
		}
		previous = current;
	}
	return previous[b.length] ?? 3;
}

function ownKeys(value: unknown): Set<string> | undefined {
	return isObject(value) ? new Set(Object.keys(value)) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(file: string, message: string): { ok: false; problems: Problem[] } {
	return { ok: false, problems: [{ severity: 'error', file, message }] };
}

function describeError(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A JSON.parse error as `<what> at line L, column C`. */
function describeJsonError(error: unknown, text: string): string {
	// The engine quotes the file around the error as it is: line breaks in it would break the problem's line.
	const message = escapeControls(describeError(error));
	const position = /at position (\d+)/.exec(message);
	let offset = position ? Number(position[1]) : undefined;
	if (offset === undefined && /end of JSON input/i.test(message)) offset = text.length;
	const what = message
		.replace(/\s*in JSON at position \d+.*$/s, '')
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/ is not valid JSON$/, '')
		.replace(/^Unexpected end of JSON input$/, 'the file ends too early (is it truncated?)');
	if (offset === undefined) return what;
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - before.lastIndexOf('\n');
	return `${what} at line ${line}, column ${column}`;
}

const ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with line breaks and other control characters written as escapes (`\n`, `\u0000`). */
function escapeControls(text: string): string {
	let out = '';
	for (const character of text) {
		const code = character.charCodeAt(0);
		const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
		out += control ? (ESCAPES[character] ?? `\\u${code.toString(16).padStart(4, '0')}`) : character;
	}
	return out;
}

/**
 * Offset of the first byte that breaks UTF-8, by the rules TextDecoder applies: besides the structure, the
 * second byte of a sequence may not make an overlong form (E0 80…, F0 80…), a surrogate (ED A0…) or a code
 * point above U+10FFFF (F4 90…).
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
	let i = 0;
	while (i < bytes.length) {
		const byte = bytes[i] ?? 0;
		const length =
			byte < 0x80
				? 1
				: byte >= 0xc2 && byte < 0xe0
					? 2
					: byte >= 0xe0 && byte < 0xf0
						? 3
						: byte >= 0xf0 && byte < 0xf5
							? 4
							: 0;
		if (length === 0 || i + length > bytes.length) return i;
		const low = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
		const high = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
		const second = bytes[i + 1] ?? 0;
		if (length > 1 && (second < low || second > high)) return i + 1;
		for (let k = 2; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i + k;
		i += length;
	}
	return i;
}
