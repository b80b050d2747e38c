/**
 * The current view as an SVG picture, for "export the current view as an image" (the PNG is this SVG rasterised
 * in the browser). A pure function of a drawn scene, strings only: entities as circles, relationships as lines or
 * quadratic curves with arrowheads, labels as selectable <text>, and an optional caption block below the drawing
 * (title, legend of entity types, sources, note). It draws what the canvas draws (render/: reducers.ts,
 * labels.ts, renderer.ts and sigma's programs), in the same order: relationships, then entities, then labels.
 *
 * Everything that comes from the graph is made safe here: text is escaped and stripped of the characters XML 1.0
 * forbids, colours that do not look like #rgb, #rrggbb, rgb() or rgba() become grey, numbers are rounded to two
 * decimals, and only http(s) URLs become links.
 */
import { escapeXml as xml, xmlSafe } from './xml-text';

export interface SceneNode {
	key: string;
	x: number;
	y: number;
	/** radius in px */
	size: number;
	color: string;
	label: string;
	/** whether the canvas shows its label */
	labelShown: boolean;
}

export interface SceneEdge {
	source: string;
	target: string;
	color: string;
	/** line width px */
	size: number;
	arrow: boolean;
	/** curvature like @sigma/edge-curve's (0 = straight) */
	curvature: number;
	dashed: boolean;
}

export interface Caption {
	title: string;
	/** the entity types shown, with their colours */
	legend: { label: string; color: string }[];
	/** the graph's sources; url optional */
	sources: { title: string; url?: string }[];
	note?: string;
}

export interface Scene {
	width: number;
	height: number;
	theme: 'light' | 'dark';
	/** transparent background when false */
	background: boolean;
	nodes: SceneNode[];
	edges: SceneEdge[];
	caption: Caption | null;
}

/**
 * The page's colours (src/app.css, the light and dark halves of its light-dark() pairs): background --bg, text
 * --fg, secondary text --fg-muted, links --link, the line above the caption --border.
 */
const THEMES = {
	light: { background: '#ffffff', text: '#1b1d22', muted: '#5a606b', link: '#0b5cad', border: '#d9dce1' },
	dark: { background: '#111318', text: '#e8eaee', muted: '#a3a9b4', link: '#7cb7f5', border: '#343944' }
} as const;

/** The page's font stack (src/app.css), as the canvas labels use it. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
/** sigma's labelSize in renderer.ts; labels sit `LABEL_GAP` px right of the node, baseline a third below centre. */
const LABEL_SIZE = 13;
const LABEL_GAP = 3;
/** sigma's arrowheads (DEFAULT_EDGE_ARROW_HEAD_PROGRAM_OPTIONS): length and full width per px of edge width. */
const ARROW_LENGTH = 2.5;
const ARROW_WIDTH = 2;
/** What a colour that is not one becomes (the reducers' own fallback). */
const FALLBACK_COLOR = '#999999';
/** The caption block: font sizes, line height (× font size), padding, legend dot radius and spacing, in px. */
const CAPTION = { title: 14, text: 12, lineHeight: 1.5, padding: 12, dot: 5, dotGap: 5, itemGap: 14 };

/** The picture's total size: the drawing plus the caption block below it. */
export function pictureSize(scene: Scene): { width: number; height: number } {
	const width = dimension(scene.width);
	const caption = scene.caption ? layoutCaption(scene.caption, width, THEMES[scene.theme]).height : 0;
	return { width, height: dimension(scene.height) + caption };
}

/** The scene as an SVG document: width × height plus the caption block below the drawing when there is one. */
export function sceneToSvg(scene: Scene): string {
	const theme = THEMES[scene.theme];
	const width = dimension(scene.width);
	const drawing = dimension(scene.height);
	const caption = scene.caption ? layoutCaption(scene.caption, width, theme) : null;
	const height = drawing + (caption?.height ?? 0);
	const nodes = new Map(scene.nodes.map((node) => [node.key, node]));
	const title = clean(scene.caption?.title ?? '').trim() || 'Graph view';

	const out = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${FONT}">`,
		`<title>${xml(title)}</title>`
	];
	if (scene.background)
		out.push(
			`<rect class="background" width="${num(width)}" height="${num(height)}" fill="${theme.background}"/>`
		);

	out.push('<g class="edges" fill="none">');
	for (const edge of scene.edges) {
		const source = nodes.get(edge.source);
		const target = nodes.get(edge.target);
		if (source && target) out.push(...edgeMarkup(edge, source, target));
	}
	out.push('</g>', '<g class="nodes">');
	for (const node of scene.nodes)
		out.push(
			`<circle cx="${num(node.x)}" cy="${num(node.y)}" r="${num(Math.max(0, node.size))}" fill="${safeColor(node.color)}"/>`
		);
	out.push(
		'</g>',
		`<g class="labels" font-size="${LABEL_SIZE}" fill="${theme.text}" stroke="${theme.background}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`
	);
	for (const node of scene.nodes) {
		const label = clean(node.label);
		if (!node.labelShown || label === '') continue;
		const x = node.x + Math.max(0, node.size) + LABEL_GAP;
		out.push(`<text x="${num(x)}" y="${num(node.y + LABEL_SIZE / 3)}">${xml(label)}</text>`);
	}
	out.push('</g>');
	if (caption) {
		out.push(
			`<g class="caption" transform="translate(0 ${num(drawing)})">`,
			`<line x1="0" y1="0" x2="${num(width)}" y2="0" stroke="${theme.border}"/>`,
			...caption.markup,
			'</g>'
		);
	}
	out.push('</svg>');
	return out.join('\n') + '\n';
}

// ---- Relationships ----

interface Point {
	x: number;
	y: number;
}

/**
 * A relationship as @sigma/edge-curve draws it: a quadratic curve from centre to centre whose control point is
 * `curvature` × the distance off the midpoint, to the left of the way from source to target on screen (a straight
 * line for 0). With an arrow, the line stops `ARROW_LENGTH` × width short of the target's circle and a triangle
 * runs from there to the circle's edge.
 */
function edgeMarkup(edge: SceneEdge, source: SceneNode, target: SceneNode): string[] {
	const p0 = { x: source.x, y: source.y };
	const p2 = { x: target.x, y: target.y };
	const dx = p2.x - p0.x;
	const dy = p2.y - p0.y;
	if (dx === 0 && dy === 0) return [];
	const curvature = Number.isFinite(edge.curvature) ? edge.curvature : 0;
	const p1 = { x: (p0.x + p2.x) / 2 + dy * curvature, y: (p0.y + p2.y) / 2 - dx * curvature };
	const width = Math.max(0, edge.size);
	const paint = `stroke="${safeColor(edge.color)}" stroke-width="${num(width)}"${
		edge.dashed ? ` stroke-dasharray="${num(width * 4)} ${num(width * 3)}"` : ''
	}`;

	let end = { control: p1, point: p2 };
	let arrow: string | null = null;
	if (edge.arrow) {
		const radius = Math.max(0, target.size);
		const length = width * ARROW_LENGTH;
		const tip = bezier(p0, p1, p2, tAtDistance(p0, p1, p2, radius));
		const baseT = tAtDistance(p0, p1, p2, radius + length);
		end = { control: lerp(p0, p1, baseT), point: bezier(p0, p1, p2, baseT) };
		const ux = tip.x - end.point.x;
		const uy = tip.y - end.point.y;
		const norm = Math.hypot(ux, uy);
		if (norm > 0) {
			const [u, v] = [ux / norm, uy / norm];
			const base = { x: tip.x - u * length, y: tip.y - v * length };
			const half = (width * ARROW_WIDTH) / 2;
			arrow =
				`<path class="arrow" d="M${num(tip.x)} ${num(tip.y)}L${num(base.x - v * half)} ${num(base.y + u * half)}` +
				`L${num(base.x + v * half)} ${num(base.y - u * half)}Z" fill="${safeColor(edge.color)}"/>`;
		}
	}
	const line =
		curvature === 0
			? `<line class="edge" x1="${num(p0.x)}" y1="${num(p0.y)}" x2="${num(end.point.x)}" y2="${num(end.point.y)}" ${paint}/>`
			: `<path class="edge" d="M${num(p0.x)} ${num(p0.y)}Q${num(end.control.x)} ${num(end.control.y)} ${num(end.point.x)} ${num(end.point.y)}" ${paint}/>`;
	return arrow ? [line, arrow] : [line];
}

function lerp(a: Point, b: Point, t: number): Point {
	return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
}

/** The quadratic curve p0 → p2 (control p1) at `t`. */
function bezier(p0: Point, p1: Point, p2: Point, t: number): Point {
	return lerp(lerp(p0, p1, t), lerp(p1, p2, t), t);
}

/**
 * The last `t` at which the curve is `distance` from its end point (bisection: the distance shrinks towards the
 * end for the gentle curvatures drawn); 0 when the whole curve is closer than that. The curve up to `t` is
 * p0, lerp(p0, p1, t), bezier(…, t) (de Casteljau).
 */
function tAtDistance(p0: Point, p1: Point, p2: Point, distance: number): number {
	const away = (t: number) => {
		const point = bezier(p0, p1, p2, t);
		return Math.hypot(point.x - p2.x, point.y - p2.y);
	};
	if (away(0) <= distance) return 0;
	let [low, high] = [0, 1];
	for (let i = 0; i < 30; i++) {
		const middle = (low + high) / 2;
		if (away(middle) > distance) low = middle;
		else high = middle;
	}
	return low;
}

// ---- Caption ----

/** A word of caption text; words of a link carry its address. */
interface Word {
	text: string;
	href?: string;
}

/**
 * Estimated width of `text` at `fontSize`: 0.6 × font size per character, a little wider than the average
 * character of a proportional sans-serif, so that an estimated line rarely overflows the real one.
 */
function textWidth(text: string, fontSize: number): number {
	return 0.6 * fontSize * [...text].length;
}

/** The caption block, laid out from y = 0 at the drawing's bottom edge: its markup and its height. */
function layoutCaption(
	caption: Caption,
	width: number,
	theme: (typeof THEMES)[keyof typeof THEMES]
): { height: number; markup: string[] } {
	const { padding } = CAPTION;
	const inner = width - 2 * padding;
	const markup: string[] = [];
	let y = padding;

	/** Adds `words` as lines of text wrapped to the caption's width. */
	const paragraph = (words: Word[], fontSize: number, attributes: string) => {
		const lineHeight = fontSize * CAPTION.lineHeight;
		for (const line of wrap(words, fontSize, inner)) {
			markup.push(
				`<text x="${padding}" y="${num(baseline(y, fontSize))}" ${attributes}>${lineMarkup(line, theme.link)}</text>`
			);
			y += lineHeight;
		}
	};
	const words = (text: string, href?: string): Word[] =>
		clean(text)
			.split(' ')
			.filter((word) => word !== '')
			.map((word) => ({ text: word, href }));

	const title = words(caption.title);
	if (title.length > 0)
		paragraph(title, CAPTION.title, `font-size="${CAPTION.title}" font-weight="bold" fill="${theme.text}"`);

	// The legend: a coloured dot and the type's name per item, items flowing onto as many rows as they need.
	const lineHeight = CAPTION.text * CAPTION.lineHeight;
	let x = padding;
	let row = 0;
	const items = caption.legend.map(({ label, color }) => ({ label: clean(label).trim(), color }));
	for (const item of items) {
		const itemWidth = 2 * CAPTION.dot + CAPTION.dotGap + textWidth(item.label, CAPTION.text);
		if (x > padding && x + itemWidth > width - padding) {
			x = padding;
			row++;
		}
		const top = y + row * lineHeight;
		markup.push(
			`<circle cx="${num(x + CAPTION.dot)}" cy="${num(top + lineHeight / 2)}" r="${CAPTION.dot}" fill="${safeColor(item.color)}"/>`,
			`<text x="${num(x + 2 * CAPTION.dot + CAPTION.dotGap)}" y="${num(baseline(top, CAPTION.text))}" font-size="${CAPTION.text}" fill="${theme.text}">${xml(item.label)}</text>`
		);
		x += itemWidth + CAPTION.itemGap;
	}
	if (items.length > 0) y += (row + 1) * lineHeight;

	// Sources, one per line (wrapped when long), the first after "Sources:"; then the note.
	const muted = `font-size="${CAPTION.text}" fill="${theme.muted}"`;
	caption.sources.forEach((source, i) => {
		const url = source.url === undefined ? '' : clean(source.url).trim();
		const href = httpUrl(url);
		paragraph(
			[...(i === 0 ? words('Sources:') : []), ...words(source.title), ...words(url, href ?? undefined)],
			CAPTION.text,
			muted
		);
	});
	const note = words(caption.note ?? '');
	if (note.length > 0) paragraph(note, CAPTION.text, muted);

	return { height: y + padding, markup };
}

/** The baseline of a line of text at `fontSize` that starts at `top`, centred in its line height. */
function baseline(top: number, fontSize: number): number {
	return top + (fontSize * CAPTION.lineHeight) / 2 + fontSize * 0.35;
}

/** Words flowed greedily into lines at most `maxWidth` wide (a word wider than that gets a line of its own). */
function wrap(words: Word[], fontSize: number, maxWidth: number): Word[][] {
	const lines: Word[][] = [];
	let line: Word[] = [];
	let used = 0;
	for (const word of words) {
		const wordWidth = textWidth(word.text, fontSize);
		const space = line.length > 0 ? textWidth(' ', fontSize) : 0;
		if (line.length > 0 && used + space + wordWidth > maxWidth) {
			lines.push(line);
			line = [];
			used = 0;
		}
		used += (line.length > 0 ? space : 0) + wordWidth;
		line.push(word);
	}
	if (line.length > 0) lines.push(line);
	return lines;
}

/** A line's words as text content, the words of a link in one <a> (href for SVG 2, xlink:href for older tools). */
function lineMarkup(line: Word[], linkColor: string): string {
	const parts: string[] = [];
	for (let i = 0; i < line.length;) {
		const href = line[i]?.href;
		let j = i;
		while (j < line.length && line[j]?.href === href) j++;
		const text = xml(
			line
				.slice(i, j)
				.map((word) => word.text)
				.join(' ')
		);
		const space = i > 0 ? ' ' : '';
		parts.push(
			href === undefined
				? space + text
				: `${space}<a href="${xml(href)}" xlink:href="${xml(href)}"><tspan fill="${linkColor}" text-decoration="underline">${text}</tspan></a>`
		);
		i = j;
	}
	return parts.join('');
}

// ---- Safe values ----

/** `value` as an absolute http(s) address (normalised by the URL parser), or null. */
function httpUrl(value: string): string | null {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
	} catch {
		return null;
	}
}

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;
const RGB_COLOR = /^rgba?\(\s*[\d.]+%?(?:(?:\s*[,/]\s*|\s+)[\d.]+%?){2,3}\s*\)$/i;

/** `value` when it looks like #rgb, #rrggbb, rgb() or rgba(); otherwise grey (no other text reaches an attribute). */
function safeColor(value: string): string {
	return HEX_COLOR.test(value) || RGB_COLOR.test(value) ? value : FALLBACK_COLOR;
}

/** `value` rounded to two decimals (not finite: 0). */
function num(value: number): string {
	const rounded = Math.round(value * 100) / 100;
	return Number.isFinite(rounded) && rounded !== 0 ? String(rounded) : '0';
}

/** A width or height: a finite number of px, at least 0. */
function dimension(value: number): number {
	return Number.isFinite(value) ? Math.max(0, value) : 0;
}

const LINE_BREAKS = /[\t\n\r\u0085\u2028\u2029]/g;

/**
 * Text without the characters XML 1.0 forbids (xml-text.ts), and with tabs and line breaks (also NEL, U+2028 and
 * U+2029, which XML 1.1 parsers read as line ends) as spaces: SVG text is one line.
 */
function clean(text: string): string {
	return xmlSafe(text).replace(LINE_BREAKS, ' ');
}
