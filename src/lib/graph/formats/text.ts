/**
 * What every reader of a text format does first: refuse a file over the size limit, decode UTF-8 (naming the
 * first bad byte), drop a byte-order mark; and, for problems found later, turn an offset in the text into a line
 * and a column.
 */
import { LIMITS } from '../rules';
import { type Problem, fileProblem } from '../problems';

/** The text of a file, or the one problem that stops it from being decoded. */
export type DecodeResult = { ok: true; text: string } | { ok: false; problems: Problem[] };

/**
 * The text of `input` without a leading byte-order mark. Bytes must be UTF-8; a string is taken as it is. Either
 * may be at most `LIMITS.fileBytes` long (a string counted in UTF-16 code units).
 */
export function decodeText(input: string | Uint8Array, file: string): DecodeResult {
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
	} else {
		try {
			text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
		} catch {
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
