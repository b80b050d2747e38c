/**
 * What the XML readers share (src/lib/graph/formats/xml.ts): decoding, the refusal of DTDs and entities before
 * parsing, the element limit, one located problem for a syntax error, nothing printed, and the DOM helpers.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../../src/lib/graph/problems';
import { LIMITS } from '../../../../src/lib/graph/rules';
import {
	Tally,
	childElements,
	descendants,
	handOver,
	ownText,
	parseXml,
	positionOf
} from '../../../../src/lib/graph/formats/xml';
import { fixture, forbidConsoleOutput } from './xml-readers';

const GRAPHML = { name: 'GraphML', root: 'graphml', locate: true };

function problems(input: string | Uint8Array, file = 'x.graphml'): string[] {
	const result = parseXml(input, file, GRAPHML);
	return result.ok ? [] : result.problems.map(formatProblem);
}

describe('parseXml', () => {
	forbidConsoleOutput();

	it('parses a document and gives its root element', () => {
		const result = parseXml('<?xml version="1.0"?>\n<graphml><graph/></graphml>', 'x.graphml', GRAPHML);
		expect(result.ok).toBe(true);
		if (result.ok) {
			expect(result.root.localName).toBe('graphml');
			expect(childElements(result.root).map((e) => e.localName)).toEqual(['graph']);
		}
	});

	it('reads UTF-16 with and without a byte-order mark, and UTF-8 with one', () => {
		const text = '<?xml version="1.0" encoding="UTF-16"?>\n<graphml><graph id="東京"/></graphml>';
		const le = new Uint8Array([0xff, 0xfe, ...encode16(text, true)]);
		const be = new Uint8Array(encode16(text, false));
		const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
		for (const bytes of [le, be, utf8]) {
			const result = parseXml(bytes, 'x.graphml', GRAPHML);
			expect(result.ok && childElements(result.root)[0]?.getAttribute('id')).toBe('東京');
		}
	});

	it('refuses bytes that are not UTF-8 or UTF-16, and an empty file', () => {
		expect(problems(new Uint8Array([0x3c, 0x61, 0xff, 0x3e]))).toEqual([
			'x.graphml: is not valid UTF-8 text (first bad byte at offset 2); save it as UTF-8'
		]);
		expect(problems(' \n ')).toEqual([
			'x.graphml: is empty; a GraphML file is an XML document with a <graphml> element'
		]);
	});

	it('refuses a DOCTYPE before parsing, where it is', () => {
		expect(problems('<?xml version="1.0"?>\n  <!DOCTYPE graphml SYSTEM "graphml.dtd">\n<graphml/>')).toEqual([
			'x.graphml: declares a DOCTYPE (<!DOCTYPE …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 3'
		]);
		expect(problems('<!doctype graphml><graphml/>')[0]).toMatch(/declares a DOCTYPE .* at line 1, column 1$/);
		expect(problems('<graphml>\n<!ENTITY x "y"></graphml>')).toEqual([
			'x.graphml: declares an entity (<!ENTITY …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 1'
		]);
	});

	it('counts line ends as XML does (CR LF, CR) when it locates a declaration', () => {
		expect(problems('<?xml version="1.0"?>\r\n\r<!DOCTYPE x>')[0]).toMatch(/at line 3, column 1$/);
	});

	it('does not take a DOCTYPE in a comment or a CDATA section for one', () => {
		const text = '<graphml><!-- <!DOCTYPE x> --><desc><![CDATA[<!ENTITY y "z">]]></desc></graphml>';
		expect(parseXml(text, 'x.graphml', GRAPHML).ok).toBe(true);
	});

	it('refuses an entity bomb and an external entity in well under a second', () => {
		for (const name of ['billion-laughs.graphml', 'external-entity.graphml', 'billion-laughs.gexf']) {
			const started = performance.now();
			const lines = problems(fixture(`hostile/${name}`), name);
			expect(performance.now() - started).toBeLessThan(100);
			expect(lines).toEqual([
				`${name}: declares a DOCTYPE (<!DOCTYPE …>); the explorer reads no DTDs and expands no entities: remove the declaration at line 2, column 1`
			]);
		}
	});

	it('refuses a file with more elements than the explorer reads, before parsing it', () => {
		const text = `<graphml>${'<n/>'.repeat(LIMITS.elements)}</graphml>`;
		const started = performance.now();
		expect(problems(text)).toEqual([
			`x.graphml: has more than ${LIMITS.elements} elements; the explorer reads at most ${LIMITS.elements} at line 1, column ${10 + 4 * (LIMITS.elements - 1)}`
		]);
		expect(performance.now() - started).toBeLessThan(2000);
	});

	it.each([
		[
			'a truncated file',
			'<graphml>\n  <graph>\n    <node id="a"/>\n',
			'<graphml> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 1, column 1'
		],
		[
			'an element not closed',
			'<graphml>\n  <graph>\n    <node id="a">\n  </graph>\n</graphml>',
			'<node> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 3, column 5'
		],
		[
			'a file cut inside a tag',
			'<graphml>\n  <graph>\n    <node id="a',
			'<graphml> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 1, column 1'
		],
		[
			'a misspelt end tag',
			'<graphml>\n  <graph>\n  </grap>\n</graphml>',
			'<graph> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 2, column 3'
		],
		[
			'end tags in the wrong order',
			'<graphml><graph>\n  <node>\n  </graph></node>\n</graphml>',
			'<graph> is never closed: its end tag is missing or misspelt (is the file cut short?) at line 1, column 10'
		],
		[
			'an attribute value never closed',
			'<graphml>\n  <graph id="a>\n  </graph>\n</graphml>',
			'an attribute value has no closing quote at line 2, column 3'
		],
		[
			'an end tag cut short',
			'<graphml>\n  <graph>\n  </graph\n</graphml>',
			'the end tag </graph> is not complete (is the file cut short?) at line 3, column 3'
		],
		[
			'an end tag with more than a name',
			'<graphml>\n  <graph>\n  </graph id="x">\n</graphml>',
			'an end tag has more than a name at line 3, column 3'
		],
		[
			'an attribute without a value',
			'<graphml>\n  <graph id="a" directed/>\n</graphml>',
			'an attribute has no value at line 2, column 3'
		],
		[
			'attributes not apart',
			'<graphml>\n  <graph id="a"edgedefault="directed"/>\n</graphml>',
			'two attributes are not separated by a space at line 2, column 3'
		],
		[
			'an unquoted value',
			'<graphml>\n  <graph edgedefault=directed/>\n</graphml>',
			'an attribute value is not in quotes at line 2, column 3'
		],
		[
			'an attribute given twice',
			'<graphml>\n <graph id="a" id="b"/>\n</graphml>',
			'the attribute id is given twice in one element at line 2, column 2'
		],
		[
			'an unknown entity',
			'<graphml>\n  <desc>&nbsp;</desc>\n</graphml>',
			'unknown entity &nbsp; (XML knows &lt; &gt; &amp; &quot; &apos;) at line 2, column 3'
		],
		[
			'two root elements',
			'<graphml/>\n<graphml/>',
			'a second root element (an XML file has exactly one) at line 2, column 1'
		],
		[
			'a comment never closed',
			'<graphml>\n<!-- note </graphml>',
			'a comment (<!--) is never closed at line 2, column 1'
		],
		[
			'a tag without a name',
			'<graphml>\n  <:x/>\n</graphml>',
			'a tag without a valid name at line 2, column 3'
		]
	])('reports %s as one located problem', (_, text, what) => {
		expect(problems(text)).toEqual([`x.graphml: is not well-formed XML: ${what}`]);
	});

	it('says so when there is no element at all', () => {
		expect(problems('\n  just text')).toEqual([
			'x.graphml: is not XML: it has no element; a GraphML file is an XML document with a <graphml> element at line 2, column 3'
		]);
	});

	it('names the root element of a file of another format', () => {
		expect(problems('<?xml version="1.0"?>\n<gexf version="1.3"/>')).toEqual([
			'x.graphml: is not a GraphML file: its root element is <gexf>, not <graphml> at line 2, column 1'
		]);
	});

	it('accepts the root element in any namespace, with a prefix', () => {
		const text = '<g:graphml xmlns:g="http://graphml.graphdrawing.org/xmlns"><g:graph/></g:graphml>';
		expect(parseXml(text, 'x.graphml', GRAPHML).ok).toBe(true);
	});
});

describe('parseXml without the locator (the first pass of the readers)', () => {
	const quick = { name: 'GraphML', root: 'graphml' };

	it('records no positions on a clean file, and still locates a syntax error', () => {
		const result = parseXml('<graphml>\n  <graph/>\n</graphml>', 'x.graphml', quick);
		if (!result.ok) throw new Error('a document');
		expect(positionOf(result.root)).toBeUndefined();
		const broken = parseXml('<graphml>\n  <graph a="1>\n</graphml>', 'x.graphml', quick);
		expect(broken.ok ? [] : broken.problems.map((problem) => problem.line)).toEqual([2]);
	});
});

describe('DOM helpers', () => {
	const result = parseXml(
		'<graphml>\n  <a>one<b>two</b><![CDATA[ three]]></a>\n  <b/><c><b/></c>\n</graphml>',
		'x.graphml',
		GRAPHML
	);
	if (!result.ok) throw new Error('the helpers need a document');
	const root = result.root;

	it('lists child elements, all or by local name', () => {
		expect(childElements(root).map((e) => e.localName)).toEqual(['a', 'b', 'c']);
		expect(childElements(root, 'b')).toHaveLength(1);
	});

	it('finds descendants in document order', () => {
		expect(descendants(root, 'b').map((e) => positionOf(e))).toEqual([
			{ line: 2, column: 9 },
			{ line: 3, column: 3 },
			{ line: 3, column: 10 }
		]);
	});

	it("reads an element's own text, without its children's", () => {
		const a = childElements(root, 'a')[0];
		expect(a && ownText(a)).toBe('one three');
	});
});

describe('handOver', () => {
	it.each([
		['text', 'text'],
		['', undefined],
		[0, 0],
		[-1.5, -1.5],
		[NaN, undefined],
		[Infinity, undefined],
		[false, false],
		[['a', 1, true, NaN, ''], 'a; 1; true'],
		[[], undefined],
		[null, undefined],
		[{ a: 1 }, undefined]
	])('hands %j over as %j', (value, expected) => expect(handOver(value)).toEqual(expected));
});

describe('Tally', () => {
	it('gives one warning per kind, with a count and the first case', () => {
		const result = parseXml('<graphml>\n  <edge/>\n  <edge/>\n  <port/>\n</graphml>', 'x.graphml', GRAPHML);
		if (!result.ok) throw new Error('a document');
		const tally = new Tally();
		for (const element of childElements(result.root)) {
			if (element.localName === 'edge') {
				tally.add('edge', element, 'skipped an <edge>', (n) => `skipped ${n} <edge> elements`);
			} else {
				tally.add('port', element, 'skipped a <port>', (n) => `skipped ${n} <port> elements`);
			}
		}
		tally.add('other', undefined, 'left out a value', (n) => `left out ${n} values`);
		tally.add('other', undefined, 'left out a value', (n) => `left out ${n} values`);
		expect(tally.problems('x.graphml').map(formatProblem)).toEqual([
			'warning: x.graphml: skipped 2 <edge> elements, the first at line 2, column 3',
			'warning: x.graphml: skipped a <port> at line 4, column 3',
			'warning: x.graphml: left out 2 values'
		]);
	});
});

function encode16(text: string, littleEndian: boolean): number[] {
	const bytes: number[] = [];
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		const [high, low] = [unit >> 8, unit & 0xff];
		bytes.push(...(littleEndian ? [low, high] : [high, low]));
	}
	return bytes;
}
