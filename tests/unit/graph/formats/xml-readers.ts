/**
 * What the tests of the XML readers (gexf.test.ts, graphml.test.ts, xml.test.ts) share: fixtures, the checks that
 * a reader's answer is well-formed whatever the input, and inputs that try to break a reader (random text and
 * bytes, damaged copies of real files, documents with hostile names).
 */
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { ReadGraph, ReadResult } from '../../../../src/lib/graph/formats/reader';
import {
	PROBLEM_CODES,
	type Problem,
	formatProblem,
	isProblemCode
} from '../../../../src/lib/graph/problems';

export const FIXTURES = 'tests/fixtures/formats';

/** The bytes of a fixture: `fixture('gexf/mutual.gexf')`. */
export function fixture(path: string): Uint8Array {
	return new Uint8Array(readFileSync(`${FIXTURES}/${path}`));
}

/** The text of a UTF-8 fixture. */
export function fixtureText(path: string): string {
	return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}

/** The names of the fixtures in `folder` with `extension`. */
export function fixtureNames(folder: string, extension: string): string[] {
	return readdirSync(`${FIXTURES}/${folder}`)
		.filter((name) => name.endsWith(extension))
		.sort();
}

/** The problems of a failed read, printed; [] for a read that succeeded. */
export function printed(result: ReadResult): string[] {
	return result.ok ? [] : result.problems.map(formatProblem);
}

/** The warnings of a read that succeeded, printed. */
export function printedWarnings(result: ReadResult): string[] {
	return result.ok ? (result.warnings ?? []).map(formatProblem) : result.problems.map(formatProblem);
}

/** The value of a read that must succeed. */
export function readValue(result: ReadResult): ReadGraphLike {
	if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
	return result.value as ReadGraphLike;
}

/** A ReadGraph as tests look at it. */
export type ReadGraphLike = ReadGraph & {
	attributes: Record<string, unknown>;
	options: { type: string; multi: boolean; allowSelfLoops: boolean };
};

/** Fails unless `problem` is one a reader may return: a known code, its severity, one printable line. */
function expectProblem(problem: Problem, file: string, severity?: 'error' | 'warning'): void {
	expect(isProblemCode(problem.code)).toBe(true);
	expect(problem.severity).toBe(PROBLEM_CODES[problem.code]);
	if (severity) expect(problem.severity).toBe(severity);
	expect(problem.file).toBe(file);
	expect(typeof problem.message).toBe('string');
	expect(problem.message.length).toBeGreaterThan(0);
	for (const at of [problem.line, problem.column]) {
		if (at !== undefined) expect(Number.isInteger(at) && at > 0).toBe(true);
	}
	expect(formatProblem(problem)).not.toMatch(/[\n\r\u2028\u2029]/);
}

const VALUE = (value: unknown) =>
	typeof value === 'string' ||
	typeof value === 'boolean' ||
	(typeof value === 'number' && Number.isFinite(value));

function expectAttributes(attributes: unknown): void {
	if (attributes === undefined) return;
	expect(Object.getPrototypeOf(attributes)).toBe(Object.prototype);
	for (const [name, value] of Object.entries(attributes as object)) {
		expect(typeof name).toBe('string');
		if (!VALUE(value)) expect.fail(`attribute ${JSON.stringify(name)} is ${String(value)}`);
	}
}

/**
 * Fails unless `result` is a well-formed answer of a reader for `file`: problems as above, none of them a failure
 * the reader did not foresee (an exception of a library, a bug); or a ReadGraph whose keys are strings and whose
 * values are strings, finite numbers and booleans.
 */
export function expectWellFormed(result: ReadResult, file: string): void {
	if (!result.ok) {
		expect(result.problems.length).toBeGreaterThan(0);
		for (const problem of result.problems) {
			expectProblem(problem, file, 'error');
			expect(problem.code).not.toBe('internal.bug');
			expect(problem.message).not.toMatch(/^could not be read as/);
		}
		return;
	}
	for (const warning of result.warnings ?? []) expectProblem(warning, file, 'warning');
	const value = result.value as ReadGraphLike;
	expectAttributes(value.attributes);
	expect(['directed', 'undirected', 'mixed']).toContain(value.options.type);
	for (const node of value.nodes) {
		expect(typeof node.key).toBe('string');
		expectAttributes(node.attributes);
	}
	for (const edge of value.edges) {
		expect(typeof edge.source).toBe('string');
		expect(typeof edge.target).toBe('string');
		if (edge.key !== undefined) expect(typeof edge.key).toBe('string');
		if (edge.undirected !== undefined) expect(edge.undirected).toBe(true);
		expectAttributes(edge.attributes);
	}
}

const PROTOTYPE = Object.getOwnPropertyNames(Object.prototype).sort();
const PROTOTYPE_TO_STRING = Object.prototype.toString;

/** Fails if anything was added to `Object.prototype` or its `toString` replaced. */
export function expectPrototypeUntouched(): void {
	expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE);
	expect(Object.prototype.toString).toBe(PROTOTYPE_TO_STRING);
	expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Fails the test if anything is printed to the console while it runs (xmldom prints errors unless told not to). */
export function forbidConsoleOutput(): void {
	const spies: ReturnType<typeof vi.spyOn>[] = [];
	beforeEach(() => {
		for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
			spies.push(vi.spyOn(console, method));
		}
	});
	afterEach(() => {
		for (const spy of spies.splice(0)) {
			expect(spy).not.toHaveBeenCalled();
			spy.mockRestore();
		}
	});
}

/** Names that break plain objects, and other awkward ones. */
export const HOSTILE_NAMES = [
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'prototype',
	'',
	' ',
	'0',
	'1.5',
	'NaN',
	'-0',
	'Infinity',
	'1e999',
	'true',
	'mutual',
	'directed',
	'undirected',
	'#zzz',
	'rgb(,,)',
	'東京',
	'a b',
	'😀',
	'&amp;',
	'&lt;x&gt;'
];

/** Pieces of XML to put into a file: tags, entities, markup that is never closed. */
const XML_PIECES = [
	'<',
	'>',
	'/>',
	'</',
	'&',
	'&amp;',
	'&bogus;',
	'&#0;',
	'&#x110000;',
	'"',
	"'",
	'=',
	'<!--',
	'-->',
	'<![CDATA[',
	']]>',
	'<?pi ?>',
	'<node id="x">',
	'</node>',
	'<edge source="a" target="b"/>',
	'<edge/>',
	'<graph>',
	'</graph>',
	'<data key="d0">',
	'<attvalue for="0" value=""/>',
	'<viz:size/>',
	'<port name="p"/>',
	'<hyperedge/>',
	'\u0000',
	'\uFFFF',
	'\uD800'
];

/**
 * Damaged copies of `texts`: cut short, with a part deleted, with XML pieces put in, with attribute values
 * replaced by hostile names; one to three damages each.
 */
export function damaged(texts: readonly string[]): fc.Arbitrary<string> {
	const damage = fc.oneof(
		fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
		fc.record({
			kind: fc.constant('delete' as const),
			at: fc.nat(),
			length: fc.integer({ min: 1, max: 80 })
		}),
		fc.record({
			kind: fc.constant('insert' as const),
			at: fc.nat(),
			piece: fc.oneof(fc.constantFrom(...XML_PIECES), fc.string({ maxLength: 6 }))
		}),
		fc.record({
			kind: fc.constant('value' as const),
			nth: fc.nat(),
			value: fc.constantFrom(...HOSTILE_NAMES)
		})
	);
	return fc
		.tuple(fc.constantFrom(...texts), fc.array(damage, { minLength: 1, maxLength: 3 }))
		.map(([text, damages]) =>
			damages.reduce((out, d) => {
				const at = out.length === 0 ? 0 : (d.kind === 'value' ? 0 : d.at) % (out.length + 1);
				switch (d.kind) {
					case 'cut':
						return out.slice(0, at);
					case 'delete':
						return out.slice(0, at) + out.slice(at + d.length);
					case 'insert':
						return out.slice(0, at) + d.piece + out.slice(at);
					case 'value': {
						const values = [...out.matchAll(/="[^"<]*"/g)];
						const match = values.length === 0 ? undefined : values[d.nth % values.length];
						if (!match || match.index === undefined) return out;
						const escaped = d.value.replace(/"/g, '&quot;');
						return `${out.slice(0, match.index)}="${escaped}"${out.slice(match.index + match[0].length)}`;
					}
				}
			}, text)
		);
}

/** A name from HOSTILE_NAMES or a short random one (XML-escaped, for an attribute value or text). */
export const hostileName: fc.Arbitrary<string> = fc
	.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ maxLength: 5 }))
	.map(escapeXml);

/** `text` escaped for an XML attribute value or element content, without characters XML cannot hold. */
export function escapeXml(text: string): string {
	return (
		text
			.replace(/&(?!(amp|lt|gt|quot);)/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/"/g, '&quot;')
			// eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold at all
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
	);
}
