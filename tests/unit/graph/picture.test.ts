/**
 * The current view as an SVG picture (src/lib/graph/picture.ts): every output is parsed back with xmldom and
 * checked as a document (shapes, places, text, colours, links, caption), then a property test throws any labels
 * at it.
 */
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	type Caption,
	type Scene,
	type SceneEdge,
	type SceneNode,
	pictureSize,
	sceneToSvg
} from '../../../src/lib/graph/picture';

const node = (key: string, x: number, y: number, more: Partial<SceneNode> = {}): SceneNode => ({
	key,
	x,
	y,
	size: 8,
	color: '#4477aa',
	label: key.toUpperCase(),
	labelShown: true,
	...more
});
const edge = (source: string, target: string, more: Partial<SceneEdge> = {}): SceneEdge => ({
	source,
	target,
	color: '#c3c7cf',
	size: 1.5,
	arrow: true,
	curvature: 0,
	dashed: false,
	...more
});
const scene = (more: Partial<Scene> = {}): Scene => ({
	width: 400,
	height: 300,
	theme: 'light',
	background: true,
	nodes: [node('a', 100, 100, { size: 10 }), node('b', 300, 100), node('c', 200, 250, { size: 6 })],
	edges: [],
	caption: null,
	...more
});
const caption = (more: Partial<Caption> = {}): Caption => ({
	title: 'Who funds whom',
	legend: [
		{ label: 'person', color: '#ee6677' },
		{ label: 'organisation', color: '#228833' }
	],
	sources: [],
	...more
});

/** Parses `svg`, failing on any error or warning xmldom reports. */
function parse(svg: string): Document {
	const problems: string[] = [];
	const report = (message: string) => problems.push(message);
	const document = new DOMParser({
		errorHandler: { warning: report, error: report, fatalError: report }
	}).parseFromString(svg, 'image/svg+xml') as unknown as Document;
	expect(problems).toEqual([]);
	expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
	expect(document.documentElement?.tagName).toBe('svg');
	return document;
}

const elements = (parent: Document | Element, tag: string): Element[] =>
	Array.from(parent.getElementsByTagName(tag) as unknown as ArrayLike<Element>);
/** The <g class="…"> of the picture. */
const group = (document: Document, name: string): Element => {
	const found = elements(document, 'g').find((g) => g.getAttribute('class') === name);
	if (!found) throw new Error(`no <g class="${name}">`);
	return found;
};
const labelTexts = (document: Document) =>
	elements(group(document, 'labels'), 'text').map((t) => t.textContent);
const numbers = (d: string) => (d.match(/-?[\d.]+/g) ?? []).map(Number);

/** What the picture makes of text: XML 1.0's forbidden characters dropped, line breaks and tabs as spaces. */
const cleaned = (text: string) => text.replace(FORBIDDEN, '').replace(/[\t\n\r\u0085\u2028\u2029]/g, ' ');
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

describe('sceneToSvg', () => {
	it('is an SVG document with namespaces, size, view box and a title', () => {
		const svg = sceneToSvg(scene());
		expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		const root = parse(svg).documentElement as Element;
		expect(root.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
		expect(root.getAttribute('xmlns:xlink')).toBe('http://www.w3.org/1999/xlink');
		expect([root.getAttribute('width'), root.getAttribute('height')]).toEqual(['400', '300']);
		expect(root.getAttribute('viewBox')).toBe('0 0 400 300');
		expect(root.getAttribute('font-family')).toContain('system-ui');
		expect(elements(root, 'title')[0]?.textContent).toBe('Graph view');
	});

	it('draws one circle per node, at its place, with its radius and colour', () => {
		const document = parse(sceneToSvg(scene({ nodes: [...scene().nodes, node('d', 12.345, 6.789)] })));
		const circles = elements(group(document, 'nodes'), 'circle').map((c) =>
			['cx', 'cy', 'r', 'fill'].map((name) => c.getAttribute(name))
		);
		expect(circles).toEqual([
			['100', '100', '10', '#4477aa'],
			['300', '100', '8', '#4477aa'],
			['200', '250', '6', '#4477aa'],
			['12.35', '6.79', '8', '#4477aa']
		]);
	});

	it('draws edges first, then nodes, then labels', () => {
		const document = parse(sceneToSvg(scene({ edges: [edge('a', 'b')] })));
		const order = elements(document, 'g').map((g) => g.getAttribute('class'));
		expect(order).toEqual(['edges', 'nodes', 'labels']);
	});

	it('labels only the nodes whose label is shown, right of the node, with a halo', () => {
		const nodes = [
			node('a', 100, 100, { size: 10 }),
			node('b', 300, 100, { labelShown: false }),
			node('c', 50, 60)
		];
		const document = parse(sceneToSvg(scene({ nodes })));
		expect(labelTexts(document)).toEqual(['A', 'C']);
		const first = elements(group(document, 'labels'), 'text')[0];
		expect([first?.getAttribute('x'), first?.getAttribute('y')]).toEqual(['113', '104.33']);
		const labels = group(document, 'labels');
		expect(labels.getAttribute('paint-order')).toBe('stroke');
		expect(labels.getAttribute('fill')).toBe('#1b1d22');
		expect(labels.getAttribute('stroke')).toBe('#ffffff');
		expect(Number(labels.getAttribute('font-size'))).toBeGreaterThanOrEqual(12);
	});

	it('escapes hostile labels, which come back as the same text', () => {
		const hostile = [
			'</text><script>alert(1)</script>',
			'Tom & Jerry',
			'say "hi" it\'s <b>',
			']]><![CDATA[',
			'bell\u0007null\u0000esc\u001b',
			'line\nbreak\ttab',
			'lone \ud800 surrogate, pair 😀'
		];
		const nodes = hostile.map((label, i) => node(`n${i}`, 20, 20 * i, { label }));
		const svg = sceneToSvg(scene({ nodes }));
		expect(svg).not.toContain('<script>');
		// eslint-disable-next-line no-control-regex
		expect(svg).not.toMatch(/[\u0000-\u0008]/);
		const document = parse(svg);
		expect(elements(document, 'script')).toHaveLength(0);
		expect(labelTexts(document)).toEqual([
			'</text><script>alert(1)</script>',
			'Tom & Jerry',
			'say "hi" it\'s <b>',
			']]><![CDATA[',
			'bellnullesc',
			'line break tab',
			'lone  surrogate, pair 😀'
		]);
	});

	it('ends an arrow at the border of the target, and only arrow edges have one', () => {
		const edges = [edge('a', 'b'), edge('a', 'c', { arrow: false }), edge('b', 'c', { curvature: 0.25 })];
		const document = parse(sceneToSvg(scene({ edges })));
		const arrows = elements(group(document, 'edges'), 'path').filter(
			(p) => p.getAttribute('class') === 'arrow'
		);
		expect(arrows).toHaveLength(2);
		// a (100,100) → b (300,100, radius 8): tip on b's circle, base 2.5 × 1.5 px before it, 2 × 1.5 px wide.
		expect(numbers(arrows[0]?.getAttribute('d') ?? '')).toEqual([292, 100, 288.25, 101.5, 288.25, 98.5]);
		// b → c (200,250, radius 6) curved: the tip is on c's circle too.
		const [tipX = 0, tipY = 0] = numbers(arrows[1]?.getAttribute('d') ?? '');
		expect(Math.hypot(tipX - 200, tipY - 250)).toBeCloseTo(6, 1);

		const lines = elements(group(document, 'edges'), 'line');
		// The arrow edge's line stops at the arrowhead's base; the undirected one runs from centre to centre.
		expect(['x1', 'y1', 'x2', 'y2'].map((name) => lines[0]?.getAttribute(name))).toEqual([
			'100',
			'100',
			'288.25',
			'100'
		]);
		expect(['x1', 'y1', 'x2', 'y2'].map((name) => lines[1]?.getAttribute(name))).toEqual([
			'100',
			'100',
			'200',
			'250'
		]);
	});

	it('curves edges with curvature as a quadratic path, bending like edge-curve', () => {
		const nodes = [node('a', 0, 0), node('b', 100, 0)];
		const document = parse(
			sceneToSvg(scene({ nodes, edges: [edge('a', 'b', { curvature: 0.25, arrow: false })] }))
		);
		const path = elements(group(document, 'edges'), 'path')[0];
		// Control point: the midpoint moved by curvature × length, to the left of a → b on screen (up here).
		expect(path?.getAttribute('d')).toBe('M0 0Q50 -25 100 0');
		expect(path?.getAttribute('stroke')).toBe('#c3c7cf');
		expect(elements(group(document, 'edges'), 'line')).toHaveLength(0);
	});

	it('dashes dashed edges only', () => {
		const edges = [
			edge('a', 'b', { dashed: true }),
			edge('a', 'c', { dashed: true, curvature: 0.3 }),
			edge('b', 'c')
		];
		const document = parse(sceneToSvg(scene({ edges })));
		const drawn = elements(group(document, 'edges'), '*').filter((e) => e.getAttribute('class') === 'edge');
		expect(drawn.map((e) => e.hasAttribute('stroke-dasharray'))).toEqual([true, true, false]);
	});

	it('skips edges whose ends are not in the scene', () => {
		const document = parse(sceneToSvg(scene({ edges: [edge('a', 'nowhere'), edge('nowhere', 'b')] })));
		expect(elements(group(document, 'edges'), '*')).toHaveLength(0);
	});

	it('keeps colours that look like colours and turns anything else grey', () => {
		const colors = ['#abc', '#A1B2C3', 'rgb(12, 34, 56)', 'rgba(1,2,3,0.5)', 'rgb(1 2 3 / 50%)'];
		const bad = [
			'red;fill:url(javascript:alert(1))',
			'" onload="alert(1)',
			'red',
			'#abcd',
			'rgb(1,2,3)"',
			''
		];
		const nodes = [...colors, ...bad].map((color, i) => node(`n${i}`, 10 * i, 10, { color }));
		const edges = [edge('n0', 'n1', { color: 'red;fill:url(javascript:alert(1))' })];
		const svg = sceneToSvg(scene({ nodes, edges }));
		expect(svg).not.toContain('javascript');
		const document = parse(svg);
		const fills = elements(group(document, 'nodes'), 'circle').map((c) => c.getAttribute('fill'));
		expect(fills).toEqual([...colors, ...bad.map(() => '#999999')]);
		expect(elements(group(document, 'edges'), 'line')[0]?.getAttribute('stroke')).toBe('#999999');
		expect(elements(group(document, 'edges'), 'path')[0]?.getAttribute('fill')).toBe('#999999');
	});

	it("takes the dark theme's background and text colours from app.css", () => {
		const document = parse(sceneToSvg(scene({ theme: 'dark' })));
		const background = elements(document, 'rect').find((r) => r.getAttribute('class') === 'background');
		expect(background?.getAttribute('fill')).toBe('#111318');
		expect(group(document, 'labels').getAttribute('fill')).toBe('#e8eaee');
	});

	it('has no background rectangle when transparent', () => {
		expect(elements(parse(sceneToSvg(scene())), 'rect')).toHaveLength(1);
		expect(elements(parse(sceneToSvg(scene({ background: false }))), 'rect')).toHaveLength(0);
	});

	it('rounds numbers to two decimals and survives ones that are not finite', () => {
		const nodes = [node('a', 1 / 3, 2 / 3, { size: Math.PI }), node('b', Number.NaN, Infinity)];
		const svg = sceneToSvg(scene({ nodes, edges: [edge('a', 'b', { curvature: Number.NaN })] }));
		expect(svg).not.toMatch(/NaN|Infinity|\d\.\d{3}/);
		const circles = elements(group(parse(svg), 'nodes'), 'circle');
		expect(['cx', 'cy', 'r'].map((name) => circles[0]?.getAttribute(name))).toEqual(['0.33', '0.67', '3.14']);
	});
});

describe('the caption', () => {
	const sources = [
		{ title: 'Wikipedia', url: 'https://en.wikipedia.org/wiki/Graph' },
		{ title: 'Old site', url: 'http://example.org/a?b=1&c=2' },
		{ title: 'Trick', url: 'javascript:alert(1)' },
		{ title: 'Paper archive', url: 'ftp://example.org/paper.pdf' },
		{ title: 'A book' }
	];

	it('shows the title in bold, the legend, the sources and the note below the drawing', () => {
		const svg = sceneToSvg(scene({ caption: caption({ sources, note: 'Layout: ForceAtlas2 & friends' }) }));
		const document = parse(svg);
		const block = group(document, 'caption');
		expect(block.getAttribute('transform')).toBe('translate(0 300)');
		const texts = elements(block, 'text');
		expect(texts[0]?.textContent).toBe('Who funds whom');
		expect(texts[0]?.getAttribute('font-weight')).toBe('bold');
		expect(elements(document, 'title')[0]?.textContent).toBe('Who funds whom');

		const dots = elements(block, 'circle').map((c) => c.getAttribute('fill'));
		expect(dots).toEqual(['#ee6677', '#228833']);
		const all = texts.map((t) => t.textContent).join('\n');
		expect(all).toContain('person');
		expect(all).toContain('organisation');
		// Lines wrap at the estimated width (this one is 0.6 × 12 px × 54 characters, wider than 376 px).
		expect(all).toContain(
			'Sources: Wikipedia\nhttps://en.wikipedia.org/wiki/Graph\nOld site http://example.org/a?b=1&c=2'
		);
		expect(all).toContain('A book');
		expect(all).toContain('Layout: ForceAtlas2 & friends');
		// Other schemes are shown as text, never as links.
		expect(all).toContain('javascript:alert(1)');
		expect(all).toContain('ftp://example.org/paper.pdf');

		const links = elements(block, 'a').map((a) => [
			a.getAttribute('href'),
			a.getAttribute('xlink:href'),
			a.textContent
		]);
		expect(links).toEqual([
			[
				'https://en.wikipedia.org/wiki/Graph',
				'https://en.wikipedia.org/wiki/Graph',
				'https://en.wikipedia.org/wiki/Graph'
			],
			['http://example.org/a?b=1&c=2', 'http://example.org/a?b=1&c=2', 'http://example.org/a?b=1&c=2']
		]);
	});

	it('wraps legend items onto more rows when they do not fit', () => {
		const legend = Array.from({ length: 12 }, (_, i) => ({ label: `entity type ${i}`, color: '#228833' }));
		const document = parse(sceneToSvg(scene({ caption: caption({ legend }) })));
		const rows = new Set(elements(group(document, 'caption'), 'circle').map((c) => c.getAttribute('cy')));
		// 0.6 × 12 px × 13 characters + dot and gaps ≈ 124 px an item: 3 to a 400 px row.
		expect(rows.size).toBe(4);
		for (const circle of elements(group(document, 'caption'), 'circle'))
			expect(Number(circle.getAttribute('cx'))).toBeLessThan(400);
	});

	it('escapes hostile caption text', () => {
		const hostile = '</text><script>x</script> & "q" \u0001';
		const svg = sceneToSvg(
			scene({
				caption: caption({
					title: hostile,
					legend: [{ label: hostile, color: 'red;fill:url(javascript:alert(1))' }],
					sources: [{ title: hostile, url: 'https://example.org/"><script>' }],
					note: hostile
				})
			})
		);
		const document = parse(svg);
		expect(elements(document, 'script')).toHaveLength(0);
		expect(svg).not.toContain('javascript');
		const texts = elements(group(document, 'caption'), 'text').map((t) => t.textContent);
		expect(texts[0]).toBe('</text><script>x</script> & "q"');
		expect(elements(document, 'title')[0]?.textContent).toBe('</text><script>x</script> & "q"');
		expect(elements(group(document, 'caption'), 'circle')[0]?.getAttribute('fill')).toBe('#999999');
		// The URL parser percent-encodes what does not belong in an address.
		expect(elements(document, 'a')[0]?.getAttribute('href')).toBe('https://example.org/%22%3E%3Cscript%3E');
	});
});

describe('pictureSize', () => {
	it('is the drawing alone without a caption, and the SVG is that size', () => {
		expect(pictureSize(scene())).toEqual({ width: 400, height: 300 });
	});

	it('grows with the caption, its sources, its note and the rows of its legend', () => {
		const heights = [
			scene(),
			scene({ caption: caption({ legend: [] }) }),
			scene({ caption: caption() }),
			scene({ caption: caption({ sources: [{ title: 'Wikipedia', url: 'https://en.wikipedia.org/' }] }) }),
			scene({ caption: caption({ sources: [{ title: 'Wikipedia' }], note: 'A note.' }) })
		].map((s) => pictureSize(s).height);
		for (let i = 1; i < heights.length; i++) expect(heights[i]).toBeGreaterThan(heights[i - 1] ?? Infinity);

		const legend = (count: number) =>
			Array.from({ length: count }, (_, i) => ({ label: `entity type ${i}`, color: '#228833' }));
		const oneRow = pictureSize(scene({ caption: caption({ legend: legend(3) }) })).height;
		const twoRows = pictureSize(scene({ caption: caption({ legend: legend(4) }) })).height;
		expect(twoRows).toBeGreaterThan(oneRow);
		// A narrower picture wraps more.
		const narrow = pictureSize(scene({ width: 200, caption: caption({ legend: legend(4) }) })).height;
		expect(narrow).toBeGreaterThan(twoRows);
	});

	it('is the size the SVG declares, and everything in the caption lies within it', () => {
		const long = 'a long note that goes on and on '.repeat(10);
		const s = scene({
			caption: caption({ sources: [{ title: long, url: 'https://example.org/' }], note: long })
		});
		const size = pictureSize(s);
		const root = parse(sceneToSvg(s)).documentElement as Element;
		expect(root.getAttribute('height')).toBe(String(size.height));
		expect(root.getAttribute('viewBox')).toBe(`0 0 ${size.width} ${size.height}`);
		const ys = elements(root, 'text').map((t) => Number(t.getAttribute('y')));
		expect(Math.max(...ys) + 300).toBeLessThan(size.height);
	});
});

describe('any labels', () => {
	/** Any UTF-16 code unit (lone surrogates too), any code point, and pieces of markup. */
	const unit = fc.oneof(
		fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
		fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)),
		fc.constantFrom('&', '<', '>', '"', "'", ']]>', '</text>', '&amp;', '<!--', '<?xml')
	);

	it('make a well-formed SVG whose text is the labels, cleaned', () => {
		fc.assert(
			fc.property(
				fc.array(fc.string({ unit, maxLength: 30 }), { maxLength: 8 }),
				fc.string({ unit }),
				(labels, title) => {
					const nodes = labels.map((label, i) => node(`n${i}`, 10 * i, 10, { label }));
					const document = parse(sceneToSvg(scene({ nodes, caption: caption({ title }) })));
					expect(labelTexts(document)).toEqual(labels.map(cleaned).filter((label) => label !== ''));
					const titleText = cleaned(title).trim() || 'Graph view';
					expect(elements(document, 'title')[0]?.textContent).toBe(titleText);
				}
			),
			{ numRuns: 500 }
		);
	});
});
