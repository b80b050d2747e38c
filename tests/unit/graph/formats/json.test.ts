/**
 * The JSON reader (src/lib/graph/formats/json.ts): text or bytes to a JS value, or one problem about the file
 * with its code, and with the line and column of a syntax error.
 */
import { describe, expect, it } from 'vitest';
import { jsonReader, readJson } from '../../../../src/lib/graph/formats/json';
import { formatProblem } from '../../../../src/lib/graph/problems';
import { LIMITS } from '../../../../src/lib/graph/rules';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('jsonReader', () => {
	it('claims .json files', () => {
		expect(jsonReader.id).toBe('json');
		expect(jsonReader.extensions).toEqual(['.json']);
		expect(jsonReader.read).toBe(readJson);
	});
});

describe('readJson', () => {
	it('reads text and UTF-8 bytes alike, without a byte-order mark', () => {
		const text = '{"attributes": {"title": "Thé"}, "nodes": []}';
		const value = { attributes: { title: 'Thé' }, nodes: [] };
		expect(readJson(text, 'g.json')).toEqual({ ok: true, value });
		expect(readJson(utf8(text), 'g.json')).toEqual({ ok: true, value });
		expect(readJson(`\uFEFF${text}`, 'g.json')).toEqual({ ok: true, value });
		expect(readJson(utf8(`\uFEFF${text}`), 'g.json')).toEqual({ ok: true, value });
	});

	it('reads any JSON value: what the graph holds is for the validator to say', () => {
		expect(readJson('[1, 2]', 'g.json')).toEqual({ ok: true, value: [1, 2] });
		expect(readJson('null', 'g.json')).toEqual({ ok: true, value: null });
	});

	it.each(['', '   \n\t', '\uFEFF', '\uFEFF  '])('%j is an empty file', (text) => {
		const result = readJson(text, 'g.json');
		expect(result.ok ? [] : result.problems).toEqual([
			{
				severity: 'error',
				code: 'file.empty',
				file: 'g.json',
				message: 'is empty; a graph file is a JSON object {attributes, options, nodes, edges}'
			}
		]);
	});

	it('locates a syntax error by line and column, as fields', () => {
		const result = readJson('{\n  "nodes": [\n    1,\n    2\n  ]\n  "edges": []\n}', 'g.json');
		expect(result.ok ? [] : result.problems).toEqual([
			{
				severity: 'error',
				code: 'json.syntax',
				file: 'g.json',
				message: "is not valid JSON: Expected ',' or '}' after property value",
				line: 6,
				column: 3
			}
		]);
	});

	it('puts a file that ends too early at its end', () => {
		const result = readJson('{"nodes": [\n', 'g.json');
		expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
			'g.json: is not valid JSON: the file ends too early (is it truncated?) at line 2, column 1'
		]);
	});

	it('gives no line or column when the engine gives no position', () => {
		const result = readJson('id: not-json', 'g.json');
		expect(result.ok).toBe(false);
		const [problem] = result.ok ? [] : result.problems;
		expect(problem?.code).toBe('json.syntax');
		expect(problem?.line).toBeUndefined();
		expect(problem?.column).toBeUndefined();
	});

	it('keeps the message on one line, whatever the engine quotes from the file', () => {
		const result = readJson('{"a":\n\u0001\n}', 'g.json');
		const lines = result.ok ? [] : result.problems.map(formatProblem);
		expect(lines).toHaveLength(1);
		expect(lines[0]).not.toMatch(/[\n\r]/);
		expect(lines[0]).not.toContain('\u0001');
	});

	it('refuses bytes that are not UTF-8, naming the first bad byte', () => {
		const result = readJson(new Uint8Array([0x7b, 0x7d, 0xff]), 'g.json');
		expect(result.ok ? [] : result.problems).toEqual([
			{
				severity: 'error',
				code: 'file.not-utf8',
				file: 'g.json',
				message: 'is not valid UTF-8 text (first bad byte at offset 2); save it as UTF-8'
			}
		]);
	});

	it('refuses a file above the size limit before reading it', () => {
		const result = readJson(new Uint8Array(LIMITS.fileBytes + 1), 'g.json');
		expect(result.ok ? [] : result.problems.map((problem) => problem.code)).toEqual(['file.too-big']);
	});
});
