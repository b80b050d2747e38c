/**
 * Taking a view out of the explorer: its data as files in every format the explorer reads (graph/exports.ts), and
 * a picture of it, SVG or PNG (graph/picture.ts draws what the canvas draws, render/scene.ts; the PNG is that
 * SVG rasterised at 1×, 2× or 3×), with an optional caption: title, legend of the types shown, sources. Loaded
 * only when a reader exports something; everything happens in the browser.
 */
import type { ExportFormat } from '$lib/graph/exports';
import type { Caption, Scene } from '$lib/graph/picture';
import type { TableColumn, TableRow } from '$lib/graph/table';
import { graphIdSlug } from '$lib/graph/rules';
import type { CanvasScene } from '$lib/render/scene';
import type { Explorer } from './explorer.svelte';
import { graphIdFromFileName } from '$lib/graph/formats/catalogue';
import { graphOrigin } from './local-id';
import { detailSources, fetchAllDetails } from './graph-source';

/** A file to save: its name and its bytes. */
export interface Download {
	name: string;
	blob: Blob;
}

/**
 * Whether an export covers what the view shows (filters and depth applied), the whole graph, or the entities and
 * relationships a page picked (the data view's rows), named `-<name>`.
 */
export type Scope =
	'view' | 'graph' | { name: string; nodes: ReadonlySet<string>; edges: ReadonlySet<string> };

/**
 * The name files of the graph get: its id (a local graph's name), with the entity and `-view` for a part of it, or
 * the name of the part a page picked.
 */
function baseName(explorer: Explorer, scope: Scope): string {
	const id = graphName(explorer);
	if (typeof scope === 'object') return graphIdSlug(`${id}-${scope.name}`);
	const entity = explorer.selected ? `-${explorer.selected}` : '';
	return graphIdSlug(scope === 'view' && explorer.visible ? `${id}${entity}-view` : id);
}

/** The name of the graph's files: its id, a local graph's name, or a graph from the web named after its file. */
function graphName(explorer: Explorer): string {
	const origin = graphOrigin(explorer.graphId);
	// A graph from the web is named after its file (`…/tea.gexf` is tea), not after its address.
	return origin?.kind === 'local'
		? origin.name
		: origin?.kind === 'open'
			? graphIdFromFileName(new URL(origin.url).pathname.split('/').pop() || 'graph')
			: explorer.graphId;
}

/** A table of the data view (its columns and rows as shown) as a CSV file named after the graph and `name`. */
export async function tableFile(
	explorer: Explorer,
	name: string,
	columns: readonly TableColumn[],
	rows: readonly TableRow[]
): Promise<Download> {
	const { tableCsv } = await import('$lib/graph/exports');
	return {
		name: `${graphIdSlug(`${graphName(explorer)}-${name}`)}.csv`,
		blob: new Blob([tableCsv(columns, rows)], { type: 'text/csv;charset=utf-8' })
	};
}

/** The graph's data (the view's part, or all of it) as files of `format`. */
export async function dataFiles(explorer: Explorer, format: ExportFormat, scope: Scope): Promise<Download[]> {
	const graph = explorer.graph;
	if (!graph) throw new Error('The graph is not loaded yet.');
	const { exportFiles, viewSubgraph } = await import('$lib/graph/exports');
	const keep = typeof scope === 'object' ? scope : scope === 'view' ? explorer.visible : null;
	// A big graph's details are fetched apart: the file gets them all, the speakers of its relationships' too
	// (which a part takes in as it is made, so it is made again once they are here).
	await fetchAllDetails(graph, keep ? keep.nodes : graph.nodes());
	let part = viewSubgraph(graph, keep);
	if (keep && detailSources.has(graph)) {
		await fetchAllDetails(graph, part.nodes());
		part = viewSubgraph(graph, keep);
	}
	return exportFiles(part, format, baseName(explorer, scope)).map((file) => ({
		name: file.name,
		blob: new Blob([file.text], { type: `${file.mime};charset=utf-8` })
	}));
}

export interface PictureOptions {
	format: 'svg' | 'png';
	/** PNG only: pixels per CSS pixel. */
	scale: 1 | 2 | 3;
	/** No background (transparent) rather than the page's. */
	transparent: boolean;
	/** With a caption below the drawing: title, legend, sources. */
	caption: boolean;
	theme: 'light' | 'dark';
}

/** A picture of what the canvas shows now. */
export async function picture(explorer: Explorer, options: PictureOptions): Promise<Download> {
	const read = explorer.canvasScene;
	if (!read) throw new Error('The graph is not drawn yet.');
	const [drawn, { pictureSize, sceneToSvg }] = await Promise.all([read(), import('$lib/graph/picture')]);
	const scene: Scene = {
		...drawn,
		theme: options.theme,
		background: !options.transparent,
		caption: options.caption ? captionOf(explorer, drawn) : null
	};
	const svg = sceneToSvg(scene);
	const name = baseName(explorer, 'view');
	if (options.format === 'svg')
		return { name: `${name}.svg`, blob: new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }) };
	return {
		name: `${name}@${options.scale}x.png`,
		blob: await rasterise(svg, pictureSize(scene), options.scale)
	};
}

/** The caption of a picture: the graph's (and entity's) title, the types of the entities shown, the sources. */
function captionOf(explorer: Explorer, drawn: CanvasScene): Caption {
	const graph = explorer.graph;
	if (!graph) return { title: '', legend: [], sources: [] };
	const { title, nodeTypes, sources } = graph.getAttributes();
	const selected = explorer.selected && graph.hasNode(explorer.selected) ? explorer.selected : null;
	const shown = new Set(drawn.nodes.map((node) => graph.getNodeAttribute(node.key, 'type')));
	const byType = explorer.options.color === 'type';
	return {
		title: selected ? `${graph.getNodeAttribute(selected, 'label')} — ${title}` : title,
		// The colours are the types' only when the view colours by type.
		legend: byType
			? Object.entries(nodeTypes)
					.filter(([type]) => shown.has(type))
					.map(([, type]) => ({ label: type.label, color: type.color }))
			: [],
		sources: sources.map((source) => ({ title: source.title, ...(source.url ? { url: source.url } : {}) })),
		...(byType ? {} : { note: `Coloured by ${explorer.options.color.replace(/^data:/, '')}.` })
	};
}

/** The SVG drawn onto a canvas `scale` times its size, as a PNG. */
async function rasterise(svg: string, size: { width: number; height: number }, scale: number): Promise<Blob> {
	const pixels = Math.round(size.width * scale) * Math.round(size.height * scale);
	// Safari draws canvases of up to 16,777,216 pixels; other browsers about as much.
	if (pixels > 16_777_216)
		throw new Error(
			`at ${scale}× the picture would have ${(pixels / 1e6).toFixed(0)} million pixels, more than browsers draw; choose a lower resolution or SVG`
		);
	const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }));
	try {
		const image = new Image();
		image.src = url;
		await image.decode();
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(size.width * scale);
		canvas.height = Math.round(size.height * scale);
		const context = canvas.getContext('2d');
		if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas).');
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((done, fail) =>
			canvas.toBlob(
				(blob) => (blob ? done(blob) : fail(new Error('The picture could not be made.'))),
				'image/png'
			)
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}

/** Saves `downloads` through the browser's downloads (nothing is sent anywhere). */
export function save(downloads: readonly Download[]): void {
	for (const { name, blob } of downloads) {
		const url = URL.createObjectURL(blob);
		const link = document.createElement('a');
		link.href = url;
		link.download = name;
		link.rel = 'noopener';
		document.body.append(link);
		link.click();
		link.remove();
		// The download has started from the link; the URL may go once the click has been handled.
		setTimeout(() => URL.revokeObjectURL(url), 10_000);
	}
}
