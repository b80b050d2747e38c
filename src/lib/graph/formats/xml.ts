/**
 * What the XML readers (GEXF, GraphML) share. `parseXml` decodes the file (UTF-8, or UTF-16 with or without a
 * byte-order mark), refuses a DOCTYPE or an entity declaration before any parsing (no DTD is ever read, so no
 * entity is ever expanded, however the parser would treat it), refuses a file with more elements than the
 * explorer reads, and parses the rest with xmldom into a DOM; the first syntax error is the one problem, located
 * by line and column. Then what the readers need on the DOM: elements and their positions, values as the
 * reader contract wants them (reader.ts), and warnings grouped by kind.
 */
import { DOMParser } from '@xmldom/xmldom';
// @ts-expect-error: xmldom's DOM builder is not in its types; `parse` extends it to see elements left open.
import { __DOMHandler as XmldomBuilder } from '@xmldom/xmldom/lib/dom-parser';
import { type Problem, fileProblem } from '../problems';
import { LIMITS } from '../rules';
import { decodeText, lineAndColumn } from './text';

/** A parsed XML file, or the problems that stop it from being one. */
export type XmlResult = { ok: true; document: Document; root: Element } | { ok: false; problems: Problem[] };

/** The XML format a file is read as, for messages and the check of its root element. */
export interface XmlFormat {
	/** `GEXF` */
	name: string;
	/** The local name of the root element: `gexf`. */
	root: string;
	/**
	 * Record where each element starts (xmldom's locator), for problems that name a line. It costs about a third
	 * of xmldom's time on a big file, so readers parse without it and again with it only when they have
	 * something to say (`readLocated`). A syntax error is always located.
	 */
	locate?: boolean;
}

/**
 * Runs `read` without recording positions, and again with them when it has a problem or a warning to report
 * (which then names lines): a clean file is parsed once, quickly.
 */
export function readLocated<T extends { ok: boolean; warnings?: unknown[] }>(
	read: (locate: boolean) => T
): T {
	const quick = read(false);
	return quick.ok && !quick.warnings?.length ? quick : read(true);
}

/**
 * Parses `input` as an XML file of `format`: a DOM whose root element is `<format.root>` (in any namespace), or
 * the one problem that stops it (`file.*`, `xml.doctype`, `xml.syntax`, `format.too-many`, `format.structure`).
 */
export function parseXml(input: string | Uint8Array, file: string, format: XmlFormat): XmlResult {
	const decoded = decodeText(input, file, { utf16: true });
	if (!decoded.ok) return decoded;
	// The parser numbers lines after normalising line ends (XML 1.0 § 2.11); so do the checks before it.
	const text = normalizeLineEnds(decoded.text);
	if (text.trim() === '') {
		return fail(
			fileProblem(
				file,
				'file.empty',
				`is empty; a ${format.name} file is an XML document with a <${format.root}> element`
			)
		);
	}
	const declaration = findDeclaration(text);
	if (declaration !== undefined) {
		return fail(
			fileProblem(
				file,
				'xml.doctype',
				`declares ${declaration.what}; the explorer reads no DTDs and expands no entities: remove the declaration`,
				lineAndColumn(text, declaration.offset)
			)
		);
	}
	const excess = nthStartTag(text, LIMITS.elements + 1);
	if (excess !== undefined) {
		return fail(
			fileProblem(
				file,
				'format.too-many',
				`has more than ${LIMITS.elements} elements; the explorer reads at most ${LIMITS.elements}`,
				lineAndColumn(text, excess)
			)
		);
	}

	let syntax = parse(text, format.locate === true);
	// Where the error is, from a second pass with the locator.
	if (!syntax.ok && !format.locate) syntax = parse(text, true);
	if (!syntax.ok) {
		return fail(
			fileProblem(
				file,
				'xml.syntax',
				`is not well-formed XML: ${syntax.what}`,
				syntax.line === undefined ? undefined : { line: syntax.line, column: syntax.column }
			)
		);
	}
	const root = syntax.document.documentElement;
	if (!root) {
		const start = text.search(/\S/);
		return fail(
			fileProblem(
				file,
				'xml.syntax',
				`is not XML: it has no element; a ${format.name} file is an XML document with a <${format.root}> element`,
				lineAndColumn(text, Math.max(0, start))
			)
		);
	}
	if (root.localName !== format.root) {
		return fail(
			fileProblem(
				file,
				'format.structure',
				`is not a ${format.name} file: its root element is <${root.tagName}>, not <${format.root}>`,
				positionOf(root)
			)
		);
	}
	return { ok: true, document: syntax.document, root };
}

function fail(problem: Problem): XmlResult {
	return { ok: false, problems: [problem] };
}

/** Line ends as an XML parser sees them: `\r\n`, `\r`, U+0085 and U+2028 are `\n`. */
function normalizeLineEnds(text: string): string {
	return text.replace(/\r[\n\u0085]?|[\u0085\u2028]/g, '\n');
}

/**
 * The first `<!DOCTYPE` or `<!ENTITY` outside comments and CDATA sections (in any case: a lenient parser may
 * accept `<!doctype`), with its offset; undefined when there is none.
 */
function findDeclaration(text: string): { what: string; offset: number } | undefined {
	for (let at = text.indexOf('<!'); at !== -1;) {
		if (text.startsWith('<!--', at)) {
			const end = text.indexOf('-->', at + 4);
			if (end === -1) return undefined;
			at = text.indexOf('<!', end + 3);
		} else if (text.startsWith('<![CDATA[', at)) {
			const end = text.indexOf(']]>', at + 9);
			if (end === -1) return undefined;
			at = text.indexOf('<!', end + 3);
		} else {
			const keyword = text.slice(at + 2, at + 9).toUpperCase();
			if (keyword.startsWith('DOCTYPE')) return { what: 'a DOCTYPE (<!DOCTYPE …>)', offset: at };
			if (keyword.startsWith('ENTITY')) return { what: 'an entity (<!ENTITY …>)', offset: at };
			at = text.indexOf('<!', at + 2);
		}
	}
	return undefined;
}

/**
 * The offset of the `n`th start tag (`<` and a name), counting those in comments too: a bound on the number of
 * elements that is cheap to find before the parser builds them all. Undefined when there are fewer.
 */
function nthStartTag(text: string, n: number): number | undefined {
	let count = 0;
	for (let at = text.indexOf('<'); at !== -1; at = text.indexOf('<', at + 1)) {
		const next = text.charCodeAt(at + 1);
		// Not `/`, `!`, `?` or white space: the start of an element.
		if (next !== 0x2f && next !== 0x21 && next !== 0x3f && next > 0x20 && ++count === n) return at;
	}
	return undefined;
}

type Parsed = { ok: true; document: Document } | { ok: false; what: string; line?: number; column?: number };

/** Thrown from the error handler to stop xmldom at the first error. */
class Stop extends Error {}

/** xmldom's DOM builder, as far as it is used here. */
interface DomBuilder {
	currentElement?: Node | null;
	endDocument(): void;
}
const DomBuilder = XmldomBuilder as new () => DomBuilder;

/**
 * Parses `text` with xmldom, stopping at its first complaint. xmldom recovers from most errors and reports
 * several as mere warnings (an element never closed, an attribute without quotes): each of them means the file
 * is not well-formed, so each is an error here. It also skips an end tag that does not match silently, leaving
 * its element open: its builder is told to check, when the document ends, that no element is.
 */
function parse(text: string, locate: boolean): Parsed {
	const locator: { lineNumber?: number; columnNumber?: number } = {};
	let first: { message: string; line?: number; column?: number } | undefined;
	const complain = (message: unknown) => {
		first ??= { message: String(message), line: locator.lineNumber, column: locator.columnNumber };
		throw new Stop();
	};
	const builder = new DomBuilder();
	const endDocument = builder.endDocument.bind(builder);
	builder.endDocument = () => {
		const open = builder.currentElement;
		if (open?.nodeType === 1) {
			const at = positionOf(open);
			first ??= { message: `open element: ${(open as Element).tagName}`, line: at?.line, column: at?.column };
		}
		endDocument();
	};
	// `domBuilder` is an option of xmldom's that its types leave out.
	const options = {
		...(locate ? { locator } : {}),
		domBuilder: builder,
		errorHandler: { warning: complain, error: complain, fatalError: complain }
	};
	let document: Document | undefined;
	try {
		document = new DOMParser(options).parseFromString(text, 'application/xml');
	} catch (error) {
		// xmldom rethrows what a handler throws, or reports it again as an error of its own: either way `first`
		// holds the first complaint. Anything else is a failure of xmldom itself, reported as it is.
		if (!first && !(error instanceof Stop)) first = { message: String(error) };
	}
	if (first || !document) {
		const { message, line, column } = first ?? { message: 'the parser returned no document' };
		const at =
			line !== undefined && line > 0 && column !== undefined && column > 0 ? { line, column } : undefined;
		return { ok: false, ...describeXmlError(message, text, at) };
	}
	return { ok: true, document };
}

/**
 * What xmldom's message means, in words for people, naming the element it is about when there is one; and where
 * it is, when xmldom's locator (which follows start tags and text) is not there yet.
 */
function describeXmlError(
	raw: string,
	text: string,
	at: { line: number; column: number } | undefined
): { what: string; line?: number; column?: number } {
	const message = raw
		.replace(/^\[xmldom \w+\]\t/, '')
		.replace(/\n@[\s\S]*$/, '')
		.replace(/^element parse error: (Error: )?/, '');
	const offset = at === undefined ? undefined : offsetOf(text, at.line, at.column);
	const tag =
		offset === undefined ? undefined : /^<([^\s/>]{1,60})/.exec(text.slice(offset, offset + 62))?.[1];
	const element = tag ? `<${oneLine(tag)}>` : 'an element';
	const rules: [RegExp, (match: RegExpExecArray) => string][] = [
		[
			/^unclosed xml attribute|^open element: /,
			() => `${element} is never closed: its end tag is missing or misspelt (is the file cut short?)`
		],
		[/^unexpected end of input/, () => 'the file ends inside a tag (is it cut short?)'],
		[/^attribute value no end '(.)' match/, () => 'an attribute value has no closing quote'],
		[/missed (start )?quot/, () => 'an attribute value is not in quotes'],
		[/missed value|invalid close char|must after "="/, () => 'an attribute has no value'],
		[/^attribute space is required/, () => 'two attributes are not separated by a space'],
		[/^Attribute (\S+) redefined/, (m) => `the attribute ${m[1]} is given twice in one element`],
		[/^entity not found:(\S+)/, (m) => `unknown entity ${m[1]} (XML knows &lt; &gt; &amp; &quot; &apos;)`],
		[/^Hierarchy request error/, () => 'a second root element (an XML file has exactly one)'],
		[/^invalid tagName/, () => 'a tag without a valid name'],
		[/^Unclosed comment/, () => 'a comment (<!--) is never closed'],
		[
			/^end tag name: (\S+) (is not complete|maybe not complete)/,
			(m) => `the end tag </${m[1]}> is not complete (is the file cut short?)`
		],
		[/^end tag name is followed by/, () => 'an end tag has more than a name'],
		[
			/^end tag name: (\S+) is not match the current start tagName:(\S+)/,
			(m) => `the end tag </${m[1]}> does not match <${m[2]}>`
		]
	];
	const rule = rules.find(([pattern]) => pattern.test(message));
	const match = rule?.[0].exec(message);
	const what = rule && match ? oneLine(rule[1](match)) : oneLine(message.replace(/!+$/, ''));
	// End tags: xmldom's locator is still at the last start tag; the end tag is the next one after it.
	const endTag = /^end tag name(?:: (\S+)| is followed by whitespace and trailing content: "([^\s"]+))/.exec(
		message
	);
	if (endTag && offset !== undefined) {
		const found = text.indexOf(`</${endTag[1] ?? endTag[2] ?? ''}`, offset);
		if (found !== -1) return { what, ...lineAndColumn(text, found) };
	}
	return at ? { what, ...at } : { what };
}

/** The offset in `text` of `line`, `column`; undefined when there is no such line. */
function offsetOf(text: string, line: number, column: number): number | undefined {
	let offset = 0;
	for (let l = 1; l < line; l++) {
		offset = text.indexOf('\n', offset) + 1;
		if (offset === 0) return undefined;
	}
	return offset + column - 1;
}

/** `text` without control characters, which would break a problem's line. */
function oneLine(text: string): string {
	// eslint-disable-next-line no-control-regex
	return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

/** Where xmldom saw `node` start (it records it when given a locator), as a problem's line and column. */
export function positionOf(node: Node): { line: number; column: number } | undefined {
	// xmldom's own properties, which the DOM's types do not declare.
	const { lineNumber, columnNumber } = node as Node & { lineNumber?: unknown; columnNumber?: unknown };
	return typeof lineNumber === 'number' && typeof columnNumber === 'number'
		? { line: lineNumber, column: columnNumber }
		: undefined;
}

/** The child elements of `parent`, all or those with the local name `name` (in any namespace). */
export function childElements(parent: Node, name?: string): Element[] {
	const out: Element[] = [];
	for (let child = parent.firstChild; child; child = child.nextSibling) {
		if (child.nodeType === 1 && (name === undefined || (child as Element).localName === name)) {
			out.push(child as Element);
		}
	}
	return out;
}

/** The elements under `parent` with the local name `name` (in any namespace), in document order. */
export function descendants(parent: Node, name: string, limit = Infinity): Element[] {
	const out: Element[] = [];
	const stack = childElements(parent).reverse();
	for (let element = stack.pop(); element && out.length < limit; element = stack.pop()) {
		if (element.localName === name) out.push(element);
		stack.push(...childElements(element).reverse());
	}
	return out;
}

/** The first element under `parent` (in document order) with the local name `name`, in any namespace. */
export function firstDescendant(parent: Node, name: string): Element | undefined {
	return descendants(parent, name, 1)[0];
}

/** The text of `element` itself, without that of its child elements (a yEd label holds its layout after it). */
export function ownText(element: Element): string {
	let text = '';
	for (let child = element.firstChild; child; child = child.nextSibling) {
		if (child.nodeType === 3 || child.nodeType === 4) text += child.nodeValue ?? '';
	}
	return text;
}

/** A value as a reader hands it over (reader.ts): a string, a finite number or a boolean; undefined is none. */
export type Value = string | number | boolean;

/**
 * `value` as a reader hands it over: strings and booleans as they are, finite numbers, lists joined with `; `
 * (as import.ts joins them); undefined for anything else (not a finite number, an empty string or list, an
 * object).
 */
export function handOver(value: unknown): Value | undefined {
	if (typeof value === 'string') return value === '' ? undefined : value;
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value === 'boolean') return value;
	if (Array.isArray(value)) {
		const items = value.map(handOver).filter((item) => item !== undefined);
		return items.length > 0 ? items.join('; ') : undefined;
	}
	return undefined;
}

/**
 * Warnings grouped by kind: one per kind with a count and where the first case is, so that a file with a
 * thousand unusable edges says so in one line.
 */
export class Tally {
	readonly #kinds = new Map<
		string,
		{ one: string; many: (count: number) => string; count: number; at?: Node }
	>();

	/**
	 * Counts one case of a kind: `one` says it of a single case (`skipped an <edge> without a source`), `many`
	 * of several (`skipped 3 <edge> elements without a source`).
	 */
	add(kind: string, at: Node | undefined, one: string, many: (count: number) => string): void {
		const entry = this.#kinds.get(kind);
		if (entry) entry.count++;
		else this.#kinds.set(kind, { one, many, count: 1, at });
	}

	/** The warnings (`format.skipped`), in the order their kinds first came up. */
	problems(file: string): Problem[] {
		return [...this.#kinds.values()].map(({ one, many, count, at }) => {
			const position = at === undefined ? undefined : positionOf(at);
			const message = count === 1 ? one : `${many(count)}${position ? ', the first' : ''}`;
			return fileProblem(file, 'format.skipped', message, position);
		});
	}
}
