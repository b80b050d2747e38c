import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlSafe } from '../../../src/lib/graph/xml-text';

describe('xml-text', () => {
	it('drops what XML 1.0 forbids and keeps the rest, astral characters included', () => {
		expect(xmlSafe('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\nh\ri😀')).toBe('abcdef\tg\nh\ri😀');
	});

	it('escapes markup so that any text reads back the same from an element and an attribute', () => {
		const hostile = `</t><script>alert("x")</script> & 'quoted' "double" ]]>`;
		const doc = new DOMParser().parseFromString(
			`<t a="${escapeXml(hostile)}">${escapeXml(hostile)}</t>`,
			'application/xml'
		);
		expect(doc.documentElement?.textContent).toBe(hostile);
		expect(doc.documentElement?.getAttribute('a')).toBe(hostile);
	});
});
