/**
 * The RDF reader: Turtle (`.ttl`) and N-Triples (`.nt`) files, parsed with n3, as entities and relationships.
 * JSON-LD is not read (it needs a JSON-LD processor, and often its remote contexts); nor are RDF/XML, TriG or N3.
 *
 * RDF states facts (triples), it does not draw nodes and edges, so this module decides what becomes what:
 * - entities: IRIs and blank nodes that are subjects, or objects of an IRI-valued property other than rdf:type.
 *   The key is the full IRI (relative IRIs are resolved against `file:///<file name>`), or `_:label` for a blank
 *   node (`_:[1]`, `_:[2]`… for the anonymous ones, `[]` in Turtle). Classes and properties that only appear as
 *   types or predicates are not entities.
 * - `label`: the best of rdfs:label, skos:prefLabel, schema:name, foaf:name, dc(terms):title, in that order, in
 *   English (`en`, then `en-*`), else without a language tag, else in the first language alphabetically. Every
 *   other of those names, and skos:altLabel, goes to `aliases` (a list of strings, the one value that is no
 *   primitive).
 * - `description`: the best of rdfs:comment, schema:description, dc(terms):description, skos:definition, chosen
 *   the same way; the others stay attributes of their predicate.
 * - `type`: the rdf:type's local name (`Person`), or its prefixed name (`foaf:Person`) when another class of the
 *   file has the same local name; with several types, the first (owl:NamedIndividual, owl:Thing and
 *   rdfs:Resource last) is `type` and the others are `types` (joined with ", ").
 * - every other literal: an attribute named by its predicate, shortened with the file's prefixes (`ex:population`)
 *   or the full IRI; xsd numbers as numbers (when finite, and whole numbers when exact), xsd:boolean as a
 *   boolean, anything else (dates too) as a string; several values of one predicate joined with "; " in file
 *   order.
 * - every other IRI or blank node object: an edge, `type` its shortened predicate and `label` the predicate's
 *   rdfs:label in the file, else its local name as words (`memberOf` is `member of`). RDF lists (`( a b )`) are
 *   read as one edge, or one value, per member.
 * - the graph's `title` and `description`: those of the file's owl:Ontology, else of its void:Dataset or
 *   dcat:Dataset, when it has exactly one.
 * Statements about statements (RDF 1.2 triple terms) are skipped with a warning.
 */
import {
	DataFactory,
	type Literal,
	Parser,
	type Quad,
	type Quad_Graph,
	type Quad_Object,
	type Quad_Predicate,
	type Quad_Subject
} from 'n3';
import { type Problem, fileProblem, quote } from '../problems';
import { LIMITS } from '../rules';
import { FORMATS } from './catalogue';
import type { GraphReader, ReadGraph, ReadResult } from './reader';
import { decodeText } from './text';

/** Reads `.ttl` (Turtle) and `.nt` (N-Triples) files. */
export const rdfReader: GraphReader = {
	...FORMATS.rdf,
	read: (input, file) => readRdf(input, file)
};

export interface RdfReadOptions {
	/** The most triples (and entities) a file may have; `LIMITS.elements` unless a test says less. */
	maxElements?: number;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const OWL = 'http://www.w3.org/2002/07/owl#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DC = 'http://purl.org/dc/elements/1.1/';
const DCTERMS = 'http://purl.org/dc/terms/';
const SCHEMA = ['http://schema.org/', 'https://schema.org/'];

const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const RDF_LIST = `${RDF}List`;
const RDFS_LABEL = `${RDFS}label`;
const SKOS_ALT_LABEL = `${SKOS}altLabel`;

/** Where names come from, best first. */
const LABELS = [
	RDFS_LABEL,
	`${SKOS}prefLabel`,
	...SCHEMA.map((schema) => `${schema}name`),
	'http://xmlns.com/foaf/0.1/name',
	`${DC}title`,
	`${DCTERMS}title`
];
const DESCRIPTIONS = [
	`${RDFS}comment`,
	...SCHEMA.map((schema) => `${schema}description`),
	`${DCTERMS}description`,
	`${DC}description`,
	`${SKOS}definition`
];
const NAME_PREDICATES = new Set([...LABELS, SKOS_ALT_LABEL]);
/** Where the graph's own title and description come from, best first. */
const GRAPH_TITLES = [`${DCTERMS}title`, `${DC}title`, RDFS_LABEL];
const GRAPH_DESCRIPTIONS = [`${DCTERMS}description`, `${DC}description`, `${RDFS}comment`];
const ONTOLOGY = `${OWL}Ontology`;
const DATASETS = ['http://rdfs.org/ns/void#Dataset', 'http://www.w3.org/ns/dcat#Dataset'];
/** Types every resource could have: named only when a resource has no other. */
const GENERIC_TYPES = new Set([`${OWL}NamedIndividual`, `${OWL}Thing`, `${RDFS}Resource`]);

/** xsd's whole numbers: read as numbers only when they are exact (safe integers). */
const INTEGER_TYPES = new Set(
	[
		'integer',
		'long',
		'int',
		'short',
		'byte',
		'nonNegativeInteger',
		'positiveInteger',
		'nonPositiveInteger',
		'negativeInteger',
		'unsignedLong',
		'unsignedInt',
		'unsignedShort',
		'unsignedByte'
	].map((name) => XSD + name)
);
const NUMBER_TYPES = new Set([...INTEGER_TYPES, ...['decimal', 'double', 'float'].map((name) => XSD + name)]);
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** How deep lists in lists are flattened; deeper, a list stays a blank node (no file may fill the stack). */
const LIST_DEPTH = 64;

/** The parser's terms as this module meets them: triple terms (RDF 1.2) and variables (N3) included. */
type AnyTerm = { termType: string; value: string };

interface Entity {
	key: string;
	/** The IRIs of its classes, in file order. */
	types: string[];
	/** Its literals by predicate, in file order. */
	literals: Map<string, Literal[]>;
}

/** Decodes and parses a Turtle or N-Triples file (by its extension: `.nt` is N-Triples) into graph data. */
export function readRdf(input: string | Uint8Array, file: string, options: RdfReadOptions = {}): ReadResult {
	const decoded = decodeText(input, file);
	if (!decoded.ok) return decoded;
	const text = decoded.text;
	const format = /\.nt$/i.test(file) ? 'N-Triples' : 'Turtle';
	if (text.trim() === '') {
		return failure(
			fileProblem(file, 'file.empty', `is empty; ${format} states triples such as <a> <knows> <b> .`)
		);
	}
	const max = options.maxElements ?? LIMITS.elements;
	const parsed = parse(text, file, format, max);
	if (!parsed.ok) return parsed;
	if (parsed.quads.length === 0) {
		return failure(
			fileProblem(
				file,
				'format.structure',
				`has no triples (statements such as <a> <knows> <b> .), so there is nothing to show`
			)
		);
	}
	return toGraph(parsed.quads, parsed.prefixes, file, max);
}

function failure(problem: Problem): ReadResult {
	return { ok: false, problems: [problem] };
}

/** Thrown from inside n3 to stop it at the first triple over the limit. */
class TooManyTriples extends Error {}

type Parsed = { ok: true; quads: Quad[]; prefixes: Map<string, string> } | { ok: false; problems: Problem[] };

function parse(text: string, file: string, format: 'Turtle' | 'N-Triples', max: number): Parsed {
	const prefixes = new Map<string, string>();
	const run = (withPrefixes: boolean): Quad[] => {
		const parser = new Parser({
			format,
			baseIRI: `file:///${encodeURIComponent(baseName(file))}`,
			// Blank nodes keep the file's labels; n3 would prefix them with a counter shared by every parse.
			blankNodePrefix: '',
			factory: countingFactory(max)
		});
		return withPrefixes
			? parser.parse(text, null, (prefix, iri) => void prefixes.set(prefix, iri.value))
			: parser.parse(text);
	};
	try {
		return { ok: true, quads: run(true), prefixes };
	} catch (error) {
		if (error instanceof TooManyTriples) return tooMany(file, 'triples', max);
		// With a prefix callback n3 reads every token before the first triple, so a bad token far down the file
		// would be reported before a grammar error near its top: without one it reports the first error.
		let first = error;
		try {
			run(false);
		} catch (again) {
			if (!(again instanceof TooManyTriples)) first = again;
		}
		return { ok: false, problems: [syntaxProblem(first, text, file, format)] };
	}
}

/**
 * n3's data factory, with anonymous blank nodes named `[1]`, `[2]`… in file order (a name no label can have:
 * n3 numbers them with a counter shared by every parse) and a count of the triples that stops at `max`.
 */
function countingFactory(max: number) {
	let anonymous = 0;
	let triples = 0;
	return {
		...DataFactory,
		blankNode: (name?: string) => DataFactory.blankNode(name || `[${++anonymous}]`),
		// n3 makes every triple (and every triple term) here: counting here stops a huge file early.
		quad: (subject: Quad_Subject, predicate: Quad_Predicate, object: Quad_Object, graph?: Quad_Graph) => {
			if (++triples > max) throw new TooManyTriples();
			return DataFactory.quad(subject, predicate, object, graph);
		}
	};
}

function tooMany(file: string, what: 'triples' | 'entities', max: number): Parsed & { ok: false } {
	return {
		ok: false,
		problems: [
			fileProblem(file, 'format.too-many', `has more than ${max} ${what}; the explorer reads at most ${max}`)
		]
	};
}

function baseName(file: string): string {
	return file.split(/[\\/]/).pop() || 'graph.ttl';
}

// Reading the graph -------------------------------------------------------------------------------------------

/** A blank node or IRI as a node key. */
function keyOf(term: AnyTerm): string {
	return term.termType === 'BlankNode' ? `_:${term.value}` : term.value;
}

function isResource(term: AnyTerm): boolean {
	return term.termType === 'NamedNode' || term.termType === 'BlankNode';
}

function isLiteral(term: AnyTerm): term is Literal {
	return term.termType === 'Literal';
}

/**
 * The members of every well-formed RDF list, by the key of its first cell, and the keys of all their cells. A
 * cell is a blank node with one rdf:first, one rdf:rest and nothing else (but `a rdf:List`), named once.
 */
function findLists(quads: readonly Quad[]): { lists: Map<string, AnyTerm[]>; cells: Set<string> } {
	const lists = new Map<string, AnyTerm[]>();
	const cells = new Set<string>();
	type Cell = {
		first?: AnyTerm;
		rest?: AnyTerm;
		firsts: number;
		rests: number;
		others: number;
		uses: number;
	};
	const candidates = new Map<string, Cell>();
	for (const { subject, predicate, object } of quads) {
		if (subject.termType !== 'BlankNode') continue;
		if (predicate.value !== RDF_FIRST && predicate.value !== RDF_REST) continue;
		const key = keyOf(subject);
		const cell = candidates.get(key) ?? { firsts: 0, rests: 0, others: 0, uses: 0 };
		candidates.set(key, cell);
		if (predicate.value === RDF_FIRST) {
			cell.firsts++;
			cell.first = object;
		} else {
			cell.rests++;
			cell.rest = object;
		}
	}
	if (candidates.size === 0) return { lists, cells };
	for (const { subject, predicate, object } of quads) {
		const cell = candidates.get(keyOf(subject));
		const own = predicate.value === RDF_FIRST || predicate.value === RDF_REST;
		if (cell && !own && !(predicate.value === RDF_TYPE && object.value === RDF_LIST)) cell.others++;
		if (object.termType === 'BlankNode') {
			const used = candidates.get(keyOf(object));
			if (used) used.uses++;
		}
	}
	const wellFormed = (cell: Cell | undefined): cell is Cell & { first: AnyTerm; rest: AnyTerm } =>
		!!cell && cell.firsts === 1 && cell.rests === 1 && cell.others === 0 && cell.uses === 1;
	for (const { predicate, object } of quads) {
		if (object.termType !== 'BlankNode' || predicate.value === RDF_REST) continue;
		const head = keyOf(object);
		const members: AnyTerm[] = [];
		const walked = new Set<string>();
		for (let key: string | undefined = head; key !== undefined;) {
			const cell = candidates.get(key);
			if (!wellFormed(cell) || walked.has(key)) {
				walked.clear();
				break;
			}
			walked.add(key);
			members.push(cell.first);
			const rest = cell.rest;
			key = rest.termType === 'BlankNode' ? keyOf(rest) : undefined;
			if (key === undefined && rest.value !== RDF_NIL) walked.clear();
		}
		if (walked.size === 0) continue;
		lists.set(head, members);
		for (const key of walked) cells.add(key);
	}
	return { lists, cells };
}

function toGraph(
	quads: readonly Quad[],
	prefixes: Map<string, string>,
	file: string,
	max: number
): ReadResult {
	const { lists, cells } = findLists(quads);
	const entities = new Map<string, Entity>();
	const entity = (key: string): Entity => {
		let found = entities.get(key);
		if (!found) {
			found = { key, types: [], literals: new Map() };
			entities.set(key, found);
		}
		return found;
	};
	const edges: { source: string; target: string; predicate: string }[] = [];
	const seenEdges = new Set<string>();
	const classes = new Set<string>();
	let skipped = 0;

	const addObject = (subject: Entity, predicate: string, object: AnyTerm, depth: number): void => {
		if (isLiteral(object)) {
			const values = subject.literals.get(predicate);
			if (values) values.push(object);
			else subject.literals.set(predicate, [object]);
			return;
		}
		const key = keyOf(object);
		const members = object.termType === 'BlankNode' ? lists.get(key) : undefined;
		if (members && depth < LIST_DEPTH) {
			for (const member of members) addObject(subject, predicate, member, depth + 1);
			return;
		}
		// `()`, the empty list, says there is nothing.
		if (object.termType === 'NamedNode' && object.value === RDF_NIL) return;
		entity(key);
		const id = `${subject.key}\n${predicate}\n${key}`;
		if (seenEdges.has(id)) return;
		seenEdges.add(id);
		edges.push({ source: subject.key, target: key, predicate });
	};

	for (const { subject, predicate, object } of quads) {
		if (
			!isResource(subject) ||
			predicate.termType !== 'NamedNode' ||
			!(isResource(object) || isLiteral(object))
		) {
			skipped++;
			continue;
		}
		const subjectKey = keyOf(subject);
		if (cells.has(subjectKey)) continue;
		const from = entity(subjectKey);
		if (predicate.value === RDF_TYPE && object.termType === 'NamedNode') {
			classes.add(object.value);
			if (!from.types.includes(object.value)) from.types.push(object.value);
		} else {
			addObject(from, predicate.value, object, 0);
		}
	}

	if (entities.size > max) return tooMany(file, 'entities', max);
	const warnings: Problem[] = [];
	if (skipped > 0) {
		warnings.push(
			fileProblem(
				file,
				'format.skipped',
				`skipped ${skipped} ${skipped === 1 ? 'triple that states' : 'triples that state'} something about ` +
					'a triple (RDF 1.2 triple terms), which the explorer does not show'
			)
		);
	}
	if (entities.size === 0) {
		return failure(
			fileProblem(file, 'format.structure', 'has no resource to show: every triple was skipped')
		);
	}

	const shorten = shortener(prefixes);
	const typeName = typeNamer(classes, shorten);
	const edgeLabels = new Map<string, string>();
	const edgeLabel = (predicate: string): string => {
		let label = edgeLabels.get(predicate);
		if (label === undefined) {
			const own = entities.get(predicate);
			label =
				(own && best(own, [RDFS_LABEL])?.literal.value) || words(localName(predicate)) || shorten(predicate);
			edgeLabels.set(predicate, label);
		}
		return label;
	};

	const graph: ReadGraph = {
		attributes: graphAttributes(entities),
		options: { type: 'directed', multi: true, allowSelfLoops: true },
		nodes: [...entities.values()].map((found) => ({
			key: found.key,
			attributes: nodeAttributes(found, shorten, typeName)
		})),
		edges: edges.map(({ source, target, predicate }) => ({
			source,
			target,
			attributes: { type: shorten(predicate), label: edgeLabel(predicate) }
		}))
	};
	return warnings.length > 0 ? { ok: true, value: graph, warnings } : { ok: true, value: graph };
}

// Names and values --------------------------------------------------------------------------------------------

interface Choice {
	literal: Literal;
	predicate: string;
	rank: number;
	index: number;
}

/** 0 for `en`, 1 for `en-*`, 2 for no language tag, 3 for any other. */
function languageRank(language: string): number {
	if (language === 'en') return 0;
	if (language.startsWith('en-')) return 1;
	return language === '' ? 2 : 3;
}

function byLanguage(a: Choice, b: Choice): number {
	const language = languageRank(a.literal.language) - languageRank(b.literal.language);
	if (language !== 0) return language;
	return a.literal.language < b.literal.language ? -1 : a.literal.language > b.literal.language ? 1 : 0;
}

/** The non-blank literals of `found` for `predicates`, best first: by predicate, by language, in file order. */
function ranked(found: Entity, predicates: readonly string[]): Choice[] {
	const choices: Choice[] = [];
	predicates.forEach((predicate, rank) =>
		found.literals.get(predicate)?.forEach((literal, index) => {
			if (literal.value.trim() !== '') choices.push({ literal, predicate, rank, index });
		})
	);
	return choices.sort((a, b) => a.rank - b.rank || byLanguage(a, b) || a.index - b.index);
}

function best(found: Entity, predicates: readonly string[]): Choice | undefined {
	return ranked(found, predicates)[0];
}

function nodeAttributes(
	found: Entity,
	shorten: (iri: string) => string,
	typeName: (iri: string) => string
): Record<string, unknown> {
	const attributes: [string, unknown][] = [];
	const names = ranked(found, LABELS);
	const [label] = names;
	if (label) attributes.push(['label', label.literal.value]);

	const types = [...found.types]
		.sort((a, b) => Number(GENERIC_TYPES.has(a)) - Number(GENERIC_TYPES.has(b)))
		.map(typeName);
	if (types.length > 0) attributes.push(['type', types[0]]);
	if (types.length > 1) attributes.push(['types', types.slice(1).join(', ')]);

	const description = best(found, DESCRIPTIONS);
	if (description) attributes.push(['description', description.literal.value]);

	// English names first, then by language and source, whatever predicate they come from.
	const others = [
		...names.slice(1),
		...ranked(found, [SKOS_ALT_LABEL]).map((alt) => ({ ...alt, rank: LABELS.length }))
	]
		.sort((a, b) => byLanguage(a, b) || a.rank - b.rank || a.index - b.index)
		.map((choice) => choice.literal.value);
	const aliases = [...new Set(others)].filter((alias) => alias !== label?.literal.value);
	if (aliases.length > 0) attributes.push(['aliases', aliases]);

	for (const [predicate, literals] of found.literals) {
		if (NAME_PREDICATES.has(predicate)) continue;
		const kept =
			predicate === description?.predicate
				? literals.filter((_, index) => index !== description.index)
				: literals;
		const values = [...new Map(kept.map((literal) => [String(typedValue(literal)), literal])).values()].map(
			typedValue
		);
		if (values.length === 1) attributes.push([shorten(predicate), values[0]]);
		else if (values.length > 1) attributes.push([shorten(predicate), values.join('; ')]);
	}
	// Attribute names come from the file: entries, never assignment, so that none can reach Object.prototype.
	return Object.fromEntries(attributes);
}

/** A literal's value: a number for xsd numbers (when finite and exact), a boolean for xsd:boolean, else text. */
function typedValue(literal: Literal): string | number | boolean {
	const datatype = literal.datatype.value;
	const text = literal.value.trim();
	if (NUMBER_TYPES.has(datatype) && XSD_DECIMAL_TEXT.test(text)) {
		const number = Number(text);
		if (INTEGER_TYPES.has(datatype) ? Number.isSafeInteger(number) : Number.isFinite(number)) return number;
	} else if (datatype === XSD_BOOLEAN) {
		if (text === 'true' || text === '1') return true;
		if (text === 'false' || text === '0') return false;
	}
	return literal.value;
}

/** The graph's title and description, from the file's one ontology, or else its one dataset. */
function graphAttributes(entities: Map<string, Entity>): Record<string, unknown> {
	const typed = (classes: readonly string[]): Entity[] =>
		[...entities.values()].filter((found) => found.types.some((type) => classes.includes(type)));
	const ontologies = typed([ONTOLOGY]);
	const datasets = typed(DATASETS);
	const described = ontologies.length === 1 ? ontologies[0] : datasets.length === 1 ? datasets[0] : undefined;
	if (!described) return {};
	const attributes: Record<string, unknown> = {};
	const title = best(described, GRAPH_TITLES);
	const description = best(described, GRAPH_DESCRIPTIONS);
	if (title) attributes.title = title.literal.value;
	if (description) attributes.description = description.literal.value;
	return attributes;
}

/**
 * `iri` shortened with the longest of the file's prefixes that leaves a plain local name (`ex:population`), or
 * the IRI itself.
 */
function shortener(prefixes: Map<string, string>): (iri: string) => string {
	const namespaces = [...prefixes].filter(([, namespace]) => namespace !== '');
	const cache = new Map<string, string>();
	return (iri) => {
		let short = cache.get(iri);
		if (short === undefined) {
			short = iri;
			let longest = 0;
			for (const [prefix, namespace] of namespaces) {
				const local = iri.slice(namespace.length);
				if (namespace.length > longest && iri.startsWith(namespace) && /^[^\s/#?]+$/u.test(local)) {
					short = `${prefix}:${local}`;
					longest = namespace.length;
				}
			}
			cache.set(iri, short);
		}
		return short;
	};
}

/** A class's name: its local name when no other class of the file has the same one, else its short name. */
function typeNamer(classes: Set<string>, shorten: (iri: string) => string): (iri: string) => string {
	const count = new Map<string, number>();
	for (const iri of classes) count.set(localName(iri), (count.get(localName(iri)) ?? 0) + 1);
	return (iri) => {
		const local = localName(iri);
		return local !== '' && count.get(local) === 1 ? local : shorten(iri);
	};
}

/** The part of an IRI after its last `#`, `/` or `:`. */
function localName(iri: string): string {
	return iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'), iri.lastIndexOf(':')) + 1);
}

/** A local name as words: `memberOf` is `member of`, `has_part` is `has part`; acronyms stay (`hasISBN`). */
function words(name: string): string {
	return name
		.replace(/[_-]+/g, ' ')
		.replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, '$1 $2')
		.replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
		.trim()
		.split(/\s+/)
		.map((word) => (/^\p{Lu}\p{Ll}*$/u.test(word) ? word.toLowerCase() : word))
		.join(' ');
}

// Syntax errors -----------------------------------------------------------------------------------------------

interface Token {
	type: string;
	line: number;
	start?: number;
	end?: number;
	endLine?: number;
}

/** A field of an object that n3 made, whatever it holds. */
function field(value: unknown, name: string): unknown {
	return typeof value === 'object' && value !== null ? Reflect.get(value, name) : undefined;
}

function tokenOf(value: unknown): Token | undefined {
	const [type, line] = [field(value, 'type'), field(value, 'line')];
	if (typeof type !== 'string' || typeof line !== 'number') return undefined;
	const number = (name: string) => {
		const found = field(value, name);
		return typeof found === 'number' ? found : undefined;
	};
	return { type, line, start: number('start'), end: number('end'), endLine: number('endLine') };
}

/** One `rdf.syntax` problem in plain words, located by n3's line and the column of the token it stopped at. */
function syntaxProblem(error: unknown, text: string, file: string, format: string): Problem {
	const raw = error instanceof Error ? error.message : String(error);
	const context = field(error, 'context');
	const token = tokenOf(field(context, 'token'));
	const previous = tokenOf(field(context, 'previousToken'));
	const contextLine = field(context, 'line');
	const lineMatch = /\s*on line (\d+)\.$/.exec(raw);
	const line = token?.line ?? (typeof contextLine === 'number' ? contextLine : Number(lineMatch?.[1] ?? NaN));
	const message = lineMatch ? raw.slice(0, lineMatch.index) : raw;
	const unexpected = token ? undefined : /^Unexpected "(.*)"$/s.exec(message)?.[1];

	let column: number | undefined;
	if (token?.start !== undefined) {
		column = token.start + 1;
	} else if (unexpected !== undefined && Number.isInteger(line)) {
		// n3's lexer names the text it could not read but not where it is: after the last token it read.
		const from = previous && (previous.endLine ?? previous.line) === line ? (previous.end ?? 0) : 0;
		const at = lineText(text, line).indexOf(unexpected, from);
		if (at >= 0) column = at + 1;
	}
	const what = plainWords(message, unexpected, token, format);
	return fileProblem(
		file,
		'rdf.syntax',
		`is not valid ${format}: ${what}`,
		Number.isInteger(line) && line > 0 ? { line, column } : undefined
	);
}

/** Line `line` (1-based) of `text`, with lines ending as n3 ends them: at CR, LF or CRLF. */
function lineText(text: string, line: number): string {
	const breaks = /\r\n|\r|\n/g;
	let start = 0;
	for (let n = 1; n < line; n++) {
		const found = breaks.exec(text);
		if (!found) return '';
		start = found.index + found[0].length;
	}
	breaks.lastIndex = start;
	const end = breaks.exec(text);
	return text.slice(start, end ? end.index : text.length);
}

const TOKENS: Readonly<Record<string, string>> = {
	eof: 'the end of the file',
	IRI: 'an IRI',
	typeIRI: 'a datatype',
	type: 'a datatype',
	prefixed: 'a prefixed name',
	literal: 'a literal',
	blank: 'a blank node',
	langcode: 'a language tag',
	abbreviation: '"a"',
	var: 'a variable'
};

function tokenName(type: string): string {
	return Object.hasOwn(TOKENS, type) ? (TOKENS[type] ?? type) : quote(type);
}

/** n3's message in plain words, with what to do when that is clear. */
function plainWords(
	message: string,
	unexpected: string | undefined,
	token: Token | undefined,
	format: string
) {
	if (unexpected !== undefined) {
		if (/^["']/.test(unexpected)) return 'a string is not closed, or holds a line break or a bad escape';
		if (unexpected.startsWith('<'))
			return 'an IRI is not closed, or holds a space or another character IRIs cannot have';
		return `unexpected ${quote(unexpected)}`;
	}
	if (token?.type === 'eof')
		return 'the file ends in the middle of a statement (is it truncated, or a "." missing?)';
	const prefix = /^Undefined prefix "(.*):"$/s.exec(message)?.[1];
	if (prefix !== undefined) {
		return `the prefix "${prefix}:" is not declared (add @prefix ${prefix}: <…> . before its first use)`;
	}
	if (message.startsWith('Expected punctuation to follow')) {
		return 'expected ".", ";" or "," (a statement before it may be missing its final ".")';
	}
	const expected = /^Expected (entity|predicate) but got (.*)$/s.exec(message);
	if (expected) {
		const wanted = expected[1] === 'entity' ? 'a subject or an object' : 'a predicate';
		return `expected ${wanted}, found ${tokenName(expected[2] ?? '')}`;
	}
	if (message === 'Unexpected literal')
		return 'a literal can only be an object, not a subject or a predicate';
	if (message === 'Invalid IRI') {
		return format === 'N-Triples' ? 'IRIs in N-Triples must be absolute (<http://…>)' : 'invalid IRI';
	}
	if (message === 'Expected dot to follow quad') return 'expected "." at the end of the triple';
	if (message === 'Disallowed blank node as predicate') return 'a blank node cannot be a predicate';
	const other = /^Unexpected (\S+)$/.exec(message);
	if (other) return `unexpected ${tokenName(other[1] ?? '')}`;
	if (message.startsWith('Token too long')) return 'a token (a name, an IRI or a string) is too long';
	return message.charAt(0).toLowerCase() + message.slice(1);
}
