/**
 * Text written into XML (the GEXF and GraphML exports, the SVG picture): without the characters XML 1.0 forbids,
 * and escaped. One place, so that every file the explorer writes treats hostile text the same way.
 */

/** Characters XML 1.0 does not allow: controls but tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids. */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML, '');
}

const ENTITIES: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/** `text` without forbidden characters and with markup escaped: safe as element content and as an attribute value. */
export function escapeXml(text: string): string {
	return xmlSafe(text).replace(/[&<>"']/g, (character) => ENTITIES[character] ?? character);
}
