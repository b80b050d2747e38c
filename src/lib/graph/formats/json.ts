/**
 * The JSON reader: graph-data/README.md's format, graphology's serialized graph as a JSON file. Decodes the
 * text (formats/text.ts) and parses it; a syntax error is located by line and column.
 */
import { fileProblem } from '../problems';
import { FORMATS } from './catalogue';
import type { GraphReader, ReadResult } from './reader';
import { decodeText, lineAndColumn } from './text';

/** Reads `.json` files. */
export const jsonReader: GraphReader = {
	...FORMATS.json,
	read: readJson
};

/** Decodes and parses a JSON graph file into a JS value, or says why it cannot be. */
export function readJson(input: string | Uint8Array, file: string): ReadResult {
	const decoded = decodeText(input, file);
	if (!decoded.ok) return decoded;
	const text = decoded.text;
	if (text.trim() === '') {
		return fail(file, 'is empty; a graph file is a JSON object {attributes, options, nodes, edges}');
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (error) {
		const { what, offset } = describeJsonError(error, text);
		return {
			ok: false,
			problems: [
				fileProblem(
					file,
					'json.syntax',
					`is not valid JSON: ${what}`,
					offset === undefined ? undefined : lineAndColumn(text, offset)
				)
			]
		};
	}
}

function fail(file: string, message: string): ReadResult {
	return { ok: false, problems: [fileProblem(file, 'file.empty', message)] };
}

/**
 * What a JSON.parse error says, without the engine's position (which becomes a line and a column), and the
 * offset of the error in `text` when the engine gives one.
 */
function describeJsonError(error: unknown, text: string): { what: string; offset?: number } {
	// The engine quotes the file around the error as it is: line breaks in it would break the problem's line.
	const message = escapeControls(error instanceof Error ? error.message : String(error));
	const position = /at position (\d+)/.exec(message);
	let offset = position ? Number(position[1]) : undefined;
	if (offset === undefined && /end of JSON input/i.test(message)) offset = text.length;
	const what = message
		.replace(/\s*in JSON at position \d+.*$/s, '')
		.replace(/\s*\(line \d+ column \d+\)/, '')
		.replace(/ is not valid JSON$/, '')
		.replace(/^Unexpected end of JSON input$/, 'the file ends too early (is it truncated?)');
	return { what, offset };
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
