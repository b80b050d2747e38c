/**
 * What readers of text formats share (src/lib/graph/formats/text.ts): decoding, and offsets as lines and columns.
 */
import { describe, expect, it } from 'vitest';
import { decodeText, lineAndColumn } from '../../../../src/lib/graph/formats/text';

describe('decodeText', () => {
	it('decodes UTF-8 and drops a byte-order mark', () => {
		expect(decodeText(new TextEncoder().encode('\uFEFFthé'), 'g.txt')).toEqual({ ok: true, text: 'thé' });
		expect(decodeText('\uFEFFthé', 'g.txt')).toEqual({ ok: true, text: 'thé' });
		expect(decodeText('', 'g.txt')).toEqual({ ok: true, text: '' });
	});

	it.each([
		[[0xff], 0],
		[[0x61, 0xc0, 0xaf], 1],
		[[0x61, 0xe0, 0x80, 0xaf], 2],
		[[0x61, 0xed, 0xa0, 0x80], 2],
		[[0x61, 0xe2, 0x82], 1]
	])('names the first bad byte of %j: offset %i', (bytes, offset) => {
		const result = decodeText(new Uint8Array(bytes), 'g.txt');
		expect(result.ok ? [] : result.problems.map(({ code, message }) => ({ code, message }))).toEqual([
			{
				code: 'file.not-utf8',
				message: `is not valid UTF-8 text (first bad byte at offset ${offset}); save it as UTF-8`
			}
		]);
	});
});

describe('lineAndColumn', () => {
	const text = 'ab\ncd\n\nefg';
	it.each([
		[0, 1, 1],
		[1, 1, 2],
		[2, 1, 3],
		[3, 2, 1],
		[6, 3, 1],
		[7, 4, 1],
		[10, 4, 4]
	])('offset %i is line %i, column %i', (offset, line, column) =>
		expect(lineAndColumn(text, offset)).toEqual({ line, column })
	);
});
