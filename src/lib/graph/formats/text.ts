/**
 * What every reader of a text format does first: refuse a file over the size limit, decode UTF-8 (naming the
 * first bad byte), drop a byte-order mark; and, for problems found later, turn an offset in the text into a line
 * and a column.
 */
import { LIMITS } from '../rules';
import { type Problem, fileProblem } from '../problems';

/** The text of a file, or the one problem that stops it from being decoded. */
export type DecodeResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

/** What a reader accepts besides UTF-8. */
export interface DecodeOptions {
	/** Read UTF-16 (little or big endian) when the bytes start with its byte-order mark, or look like it. */
	utf16?: boolean;
	/**
	 * Read bytes that are not valid UTF-8 as Windows-1252 (what spreadsheet programs write as "ANSI" on Western
	 * systems) instead of refusing them.
	 */
	legacy?: boolean;
}

/**
 * The text of `input` without a leading byte-order mark. Bytes must be UTF-8 unless `options` accept more; a
 * string is taken as it is. Either may be at most `LIMITS.fileBytes` long (a string counted in UTF-16 code units).
 */
export function decodeText(
	input: string | Uint8Array,
	file: string,
	options: DecodeOptions = {}
): DecodeResult {
	const size = typeof input === 'string' ? input.length : input.byteLength;
	if (size > LIMITS.fileBytes) {
		return fail(
			file,
			'file.too-big',
			`is ${size} bytes; a graph file may be at most ${LIMITS.fileBytes} bytes`
		);
	}
	let text: string;
	if (typeof input === 'string') {
		text = input;
	} else if (options.utf16 && utf16Order(input)) {
		text = new TextDecoder(utf16Order(input), { ignoreBOM: false }).decode(input);
	} else {
		try {
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
		} catch {
			if (options.legacy) return { ok: true, text: decodeWindows1252(input) };
			return fail(
				file,
				'file.not-utf8',
				`is not valid UTF-8 text (first bad byte at offset ${firstInvalidUtf8(input)}); save it as UTF-8`
			);
		}
	}
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	return { ok: true, text };
}

/** What Windows-1252 makes of the bytes 0x80–0x9F (the five it leaves undefined stay as they are). */
const WINDOWS_1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Windows-1252 ("ANSI" on Western systems), decoded by hand where it differs from Latin-1: node 20.18.3 and later
 * decode `windows-1252` as Latin-1 (nodejs/node#56542), which turns €, “ ” and Œ into control characters.
 */
function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('latin1')
		.decode(bytes)
		.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/**
 * `utf-16le` or `utf-16be` when `bytes` start with a UTF-16 byte-order mark, or without one when their first two
 * characters are ASCII with a zero byte beside each (`<?` of an XML declaration, a column name); else undefined.
 */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
	if (a === 0xff && b === 0xfe) return 'utf-16le';
	if (a === 0xfe && b === 0xff) return 'utf-16be';
	if (bytes.length < 4) return undefined;
	if (a !== 0 && b === 0 && c !== 0 && d === 0) return 'utf-16le';
	if (a === 0 && b !== 0 && c === 0 && d !== 0) return 'utf-16be';
	return undefined;
}

/** The 1-based line and column (in UTF-16 code units) of `offset` in `text`; lines end at `\n`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
		line++;
		lineStart = at + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

function fail(file: string, code: 'file.too-big' | 'file.not-utf8', message: string): DecodeResult {
	return { ok: false, problems: [fileProblem(file, code, message)] };
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
