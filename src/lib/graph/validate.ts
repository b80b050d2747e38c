/**
 * Checks graph data as a reader hands it over (formats/): data from another tool is imported first (import.ts),
 * then the same schema and referential checks for every format. Never throws: valid data (with warnings) or every
 * problem found, each with its code. Apart from load.ts, which adds the readers, so that the worker that opens a
 * file in the browser loads only its format's reader (src/lib/explorer/open-worker.ts).
 */
import type { $ZodIssue } from 'zod/v4/core';
import { cleanGraphFile } from './fast-check';
import { expectedGraphId } from './formats/catalogue';
import { isModality, needsSpeaker } from './rules';
import { importGraphData, isImportedGraphData, keepUnknownAttributes, keepableAsData } from './import';
import { PROBLEM_CODES, type Problem, type ProblemCode, isProblemCode, quote, showKey } from './problems';
import { type GraphFile, KNOWN_FIELDS, RESERVED_MESSAGE, graphFileSchema, isReservedName } from './schema';
import { storyProblems, storyReferences } from './stories';

export type ValidateResult =
	{ ok: true; data: GraphFile; warnings: Problem[] } | { ok: false; problems: Problem[] };

/**
 * Checks a parsed file against the format: the schema, then references between its parts (edge endpoints,
 * declared types and sources, unique keys), reserved names, and attributes the format does not know.
 * Data that is not in our curated format (no types, no sources: a graph from another tool, read by the reader of
 * `format`) is imported first (import.ts), with warnings for what had to be guessed.
 * A file with nothing to report is answered by the fast path of fast-check.ts, whose `data` may share objects
 * with `raw` (it is `raw` itself when nothing needed a default); treat both as read-only.
 */
export function validateGraphData(raw: unknown, file: string, format = 'JSON'): ValidateResult {
	// The common case, a file with nothing to report, skips zod (see fast-check.ts); anything else gets every
	// check and every message below.
	const clean = fastCheck(raw, file);
	if (clean) return { ok: true, data: clean, warnings: [] };
	return validateGraphDataInFull(raw, file, format, true);
}

/**
 * `validateGraphData` without the fast path for `raw` (with `fast`, the data imported from it may still take
 * it): the import of a graph from another tool, then zod and the checks of references and field names.
 */
export function validateGraphDataInFull(
	raw: unknown,
	file: string,
	format = 'JSON',
	fast = false
): ValidateResult {
	if (!isImportedGraphData(raw)) return checkInFull(raw, file);
	const imported = importGraphData(raw, file, format);
	if (!imported.ok) return imported;
	const clean = fast ? fastCheck(imported.value, file) : undefined;
	if (clean) return { ok: true, data: clean, warnings: imported.warnings };
	const checked = checkInFull(imported.value, file);
	if (!checked.ok) return { ok: false, problems: [...checked.problems, ...imported.warnings] };
	return { ...checked, warnings: [...imported.warnings, ...checked.warnings] };
}

function fastCheck(raw: unknown, file: string): GraphFile | undefined {
	try {
		return cleanGraphFile(raw, file);
	} catch {
		return undefined;
	}
}

/** Data of our format through zod, then the checks of references and field names. */
function checkInFull(raw: unknown, file: string): ValidateResult {
	const report = new Report(file, raw);
	if (!isObject(raw)) {
		report.top(
			undefined,
			'value.type',
			`the top level must be a JSON object {attributes, options, nodes, edges}, not ${describeValue(raw)}`
		);
		return { ok: false, problems: report.problems() };
	}
	// Attributes of entities and relationships that the format does not name are their data (import.ts).
	const kept = keepUnknownAttributes(raw, KNOWN_FIELDS.node, KNOWN_FIELDS.edge);
	const result = graphFileSchema.safeParse(kept, { reportInput: true });
	if (!result.success) for (const issue of result.error.issues) report.zodIssue(issue);
	checkReferences(kept, file, report);
	checkStories(kept, report);
	checkFieldNames(raw, report);
	if (!result.success || report.hasErrors) return { ok: false, problems: report.problems() };
	return { ok: true, data: result.data, warnings: report.problems() };
}

function checkReferences(raw: Record<string, unknown>, file: string, report: Report): void {
	const attributes = isObject(raw.attributes) ? raw.attributes : undefined;
	const expectedId = expectedGraphId(file, attributes?.importedFrom !== undefined);
	if (typeof attributes?.id === 'string' && attributes.id !== expectedId) {
		const named = file.split(/[\\/]/).pop() ?? file;
		report.graph(
			'id',
			'graph.id-mismatch',
			`is ${quote(attributes.id)} but the file is named ${named}; the id must equal the file name`
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
			report.graph(`${group}["__proto__"]`, 'key.reserved', RESERVED_MESSAGE);
		}
	}
	// Our curated profile (a graph not imported from another tool's format): it cites at least one source, and
	// every relationship has a claim and evidence.
	const curated = attributes !== undefined && attributes.importedFrom === undefined;
	if (curated && Array.isArray(attributes.sources) && attributes.sources.length === 0) {
		report.graph('sources', 'value.too-short', 'must have at least 1 item');
	}
	const sourceIds = new Set<string>();
	if (Array.isArray(attributes?.sources)) {
		attributes.sources.forEach((source, i) => {
			if (!isObject(source) || typeof source.id !== 'string') return;
			if (sourceIds.has(source.id))
				report.graph(
					`sources[${i}].id`,
					'key.duplicate',
					`${quote(source.id)} is used by an earlier source too`
				);
			sourceIds.add(source.id);
		});
	}

	const nodeKeys = new Set<string>();
	if (Array.isArray(raw.nodes)) {
		raw.nodes.forEach((node, i) => {
			if (!isObject(node)) return;
			if (typeof node.key === 'string') {
				if (nodeKeys.has(node.key))
					report.node(i, 'key', 'key.duplicate', 'duplicate node key: an earlier node has the same key');
				nodeKeys.add(node.key);
			}
			const type = isObject(node.attributes) ? node.attributes.type : undefined;
			if (nodeTypes && typeof type === 'string' && !nodeTypes.has(type)) {
				report.node(i, 'type', 'ref.unknown-type', `${quote(type)} is not declared in the graph's nodeTypes`);
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
				report.edge(i, 'key', 'key.duplicate', 'duplicate edge key: an earlier edge has the same key');
			edgeKeys.add(edge.key);
		}
		for (const end of ['source', 'target'] as const) {
			const key = edge[end];
			if (nodesKnown && typeof key === 'string' && !nodeKeys.has(key)) {
				report.edge(i, end, 'ref.unknown-node', `no node has the key ${showKey(key)}`);
			}
		}
		const attrs = isObject(edge.attributes) ? edge.attributes : undefined;
		if (curated && attrs) {
			for (const field of ['claim', 'evidence'] as const) {
				if (attrs[field] === undefined) report.edge(i, field, 'value.required', 'is required');
			}
		}
		// Whose view an attributed relationship reports: an entity of the graph, and always named.
		if (
			attrs &&
			isModality(attrs.modality) &&
			needsSpeaker(attrs.modality) &&
			attrs.attributedTo === undefined
		)
			report.edge(i, 'attributedTo', 'value.required', 'is required when the modality is "attributed"');
		if (nodesKnown && typeof attrs?.attributedTo === 'string' && !nodeKeys.has(attrs.attributedTo))
			report.edge(
				i,
				'attributedTo',
				'ref.unknown-node',
				`no node has the key ${showKey(attrs.attributedTo)}`
			);
		if (edgeTypes && typeof attrs?.type === 'string' && !edgeTypes.has(attrs.type)) {
			report.edge(
				i,
				'type',
				'ref.unknown-type',
				`${quote(attrs.type)} is not declared in the graph's edgeTypes`
			);
		}
		if (Array.isArray(attrs?.evidence)) {
			attrs.evidence.forEach((evidence, j) => {
				if (isObject(evidence) && typeof evidence.source === 'string' && !sourceIds.has(evidence.source)) {
					report.edge(
						i,
						`evidence[${j}].source`,
						'ref.unknown-source',
						`${quote(evidence.source)} is not the id of any of the graph's sources`
					);
				}
			});
		}
	});
}

/** Reserved names anywhere in a known object are errors; names the format does not know are warnings. */
/** The stories' references to the graph's entities, relationships and sources (stories.ts). */
function checkStories(raw: Record<string, unknown>, report: Report): void {
	const attributes = isObject(raw.attributes) ? raw.attributes : undefined;
	if (!Array.isArray(attributes?.stories)) return;
	for (const problem of storyProblems(attributes.stories, storyReferences(raw))) {
		report.graph(problem.path, problem.code, problem.message);
	}
}

function checkFieldNames(raw: Record<string, unknown>, report: Report): void {
	report.fieldNames(raw, KNOWN_FIELDS.top, report.top);
	const graphAt: At = report.graph;
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
		report.fieldNames(raw.options, KNOWN_FIELDS.options, (name, code, message) =>
			report.top(`options.${name}`, code, message)
		);
	}
	const each = (list: unknown, entry: readonly string[], attrs: readonly string[], at: Report['node']) => {
		if (!Array.isArray(list)) return;
		list.forEach((item, i) => {
			const here: At = (field, code, message) => at(i, field, code, message);
			report.fieldNames(item, entry, here);
			if (isObject(item)) report.fieldNames(item.attributes, attrs, here, '', true);
			// zod passes over an own "__proto__" key of a record (data) without a word; every other name it checks.
			const data = isObject(item) && isObject(item.attributes) ? item.attributes.data : undefined;
			if (isObject(data) && Object.hasOwn(data, '__proto__')) {
				here('data["__proto__"]', 'key.reserved', RESERVED_MESSAGE);
			}
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

/** Reports a problem at `field` of one place (the top level, the graph, one node or edge). */
type At = (field: string, code: ProblemCode, message: string) => void;

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

	private add(
		list: Problem[],
		code: ProblemCode,
		where: string | undefined,
		field: string | undefined,
		message: string
	): void {
		const severity = PROBLEM_CODES[code];
		if (severity === 'error') this.hasErrors = true;
		list.push({ severity, code, file: this.file, where, field, message });
	}

	private listFor(group: Map<number, Problem[]>, index: number): Problem[] {
		let list = group.get(index);
		if (!list) group.set(index, (list = []));
		return list;
	}

	top = (field: string | undefined, code: ProblemCode, message: string): void => {
		this.add(this.head, code, undefined, field, message);
	};

	graph = (field: string, code: ProblemCode, message: string): void => {
		this.add(this.head, code, 'graph', field, message);
	};

	node = (index: number, field: string | undefined, code: ProblemCode, message: string): void => {
		const where = this.elementName('nodes', 'node', index);
		this.add(this.listFor(this.byNode, index), code, where, field, message);
	};

	edge = (index: number, field: string | undefined, code: ProblemCode, message: string): void => {
		const where = this.elementName('edges', 'edge', index);
		this.add(this.listFor(this.byEdge, index), code, where, field, message);
	};

	/** `node <key>` when the element has a usable key, else `node #<index>`. */
	private elementName(list: 'nodes' | 'edges', kind: string, index: number): string {
		const items = isObject(this.raw) ? this.raw[list] : undefined;
		const item = Array.isArray(items) ? items[index] : undefined;
		const key = isObject(item) ? item.key : undefined;
		return typeof key === 'string' && key !== '' ? `${kind} ${showKey(key)}` : `${kind} #${index}`;
	}

	/**
	 * Reports reserved and unknown field names of `value` (when it is an object). With `kept` (attributes of an
	 * entity or a relationship, which keeps the unknown ones as its data) an unknown name is reported only when it
	 * is close to a known one: a likely typo.
	 */
	fieldNames(value: unknown, known: readonly string[], at: At, prefix = '', kept = false): void {
		if (!isObject(value)) return;
		for (const name of Object.keys(value)) {
			if (known.includes(name)) continue;
			const field = prefix + fieldSegment(name).replace(/^\./, '');
			if (isReservedName(name)) {
				at(
					field,
					'field.reserved',
					'is a name reserved by JavaScript (a property of Object.prototype); remove or rename it'
				);
			} else if (kept && keepableAsData(name, value[name])) {
				const guess = closest(name, known);
				if (guess) {
					at(field, 'field.unknown', `is not part of the format; kept as data (did you mean "${guess}"?)`);
				}
			} else {
				const guess = closest(name, known);
				at(
					field,
					'field.unknown',
					`is not part of the format and is dropped${guess ? ` (did you mean "${guess}"?)` : ''}`
				);
			}
		}
	}

	zodIssue(issue: $ZodIssue): void {
		const path = issue.path;
		const code = issueCode(issue);
		const message = issueMessage(issue);
		const [first, second] = path;
		if (first === 'attributes' && path.length > 1) {
			this.graph(fieldPath(path.slice(1)), code, message);
		} else if ((first === 'nodes' || first === 'edges') && typeof second === 'number') {
			const rest = path.slice(2);
			if (rest[0] === 'attributes' && rest.length > 1) rest.shift();
			(first === 'nodes' ? this.node : this.edge)(second, fieldPath(rest) || undefined, code, message);
		} else {
			this.top(fieldPath(path) || undefined, code, message);
		}
	}
}

/**
 * The problem code of a zod issue. The schema's refinements carry their code in `params.code` (schema.ts); a
 * failed `.regex` is always an id or key pattern; the rest follows from zod's own code and from what it measured
 * (a length or a number).
 */
function issueCode(issue: $ZodIssue): ProblemCode {
	switch (issue.code) {
		case 'invalid_type':
			return (issue as { input?: unknown }).input === undefined ? 'value.required' : 'value.type';
		case 'too_small':
			return isLength(issue.origin) ? 'value.too-short' : 'value.too-small';
		case 'too_big':
			return isLength(issue.origin) ? 'value.too-long' : 'value.too-big';
		case 'invalid_format':
			return 'value.pattern';
		case 'invalid_value':
			return 'value.choice';
		case 'invalid_key':
			return issue.issues[0] ? issueCode(issue.issues[0]) : 'value.invalid';
		case 'custom': {
			const code: unknown = issue.params?.code;
			return isProblemCode(code) ? code : 'value.invalid';
		}
		default:
			return 'value.invalid';
	}
}

/** Whether a too_small or too_big issue measured a length (of a string or an array) rather than a number. */
function isLength(origin: string): boolean {
	return origin === 'string' || origin === 'array';
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
