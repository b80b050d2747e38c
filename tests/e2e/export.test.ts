/**
 * Taking a view out of the explorer, as a reader would: the Export dialog's data files, downloaded and read back
 * by the site's own readers (the same entities, relationships, directions and attributes), and pictures of the
 * view: an SVG whose labels are text, a PNG at twice the canvas's size.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import Papa from 'papaparse';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadGraph } from '../../src/lib/graph/load';
import { useBrowser } from './browser';
import { exportBy, graphSettled } from './graph-page';

async function text(download: Download): Promise<string> {
	return readFileSync(await download.path(), 'utf8');
}

describe('export', () => {
	const browser = useBrowser();

	it('saves the view as data in every format, each read back with the same entities and relationships', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india?depth=1'));
		await graphSettled(page);

		const [json] = await exportBy(page, 'JSON');
		expect(json?.suggestedFilename()).toBe('india-russia-india-view.json');
		const view = loadGraph(await text(json as Download), 'india-russia-india-view.json');
		if (!view.ok) throw new Error(view.problems.map((p) => p.message).join('\n'));
		const keys = view.graph.nodes().sort();
		expect(keys).toContain('india');
		expect(keys.length).toBeGreaterThan(5);
		// The depth-1 view: every entity is India or one step from it, or the speaker of one of its relationships.
		const speakers = new Set(view.graph.mapEdges((_edge, { attributedTo }) => attributedTo));
		for (const key of keys)
			if (key !== 'india' && !speakers.has(key))
				expect(view.graph.areNeighbors('india', key), key).toBe(true);

		for (const [button, count] of [
			['GEXF', 1],
			['GraphML', 1],
			['CSV', 2]
		] as const) {
			const files = await exportBy(page, button, count);
			const named = new Map(
				await Promise.all(files.map(async (f) => [f.suggestedFilename(), await text(f)] as const))
			);
			const main = [...named.keys()].find((name) => !name.endsWith('.nodes.csv')) as string;
			const back = loadGraph(named.get(main) as string, main, (name) => named.get(name));
			if (!back.ok) throw new Error(`${main}: ${back.problems.map((p) => p.message).join('\n')}`);
			expect(back.graph.nodes().sort(), main).toEqual(keys);
			expect(back.graph.size, main).toBe(view.graph.size);
			expect(back.graph.getNodeAttribute('india', 'label'), main).toBe('India');
		}
		expect(page.errors).toEqual([]);
	});

	it('neutralises CSV cells a spreadsheet would run as formulas, in a graph opened in the browser', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'formulas.edges.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'Source,Target,Label\n"=HYPERLINK(""https://example.org"")",b,@SUM(A1)\n+cmd,b,-3\n'
			)
		});
		await page.waitForURL(browser().url('/local/formulas'));
		await graphSettled(page);
		const files = await exportBy(page, 'CSV', 2);
		const cells = (
			await Promise.all(files.map(async (file) => Papa.parse<string[]>(await text(file)).data.flat()))
		).flat();
		expect(cells.filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
		expect(cells).toContain(`'=HYPERLINK("https://example.org")`);
		expect(cells).toContain(`'@SUM(A1)`);
		expect(cells).toContain(`'+cmd`);
		// A number stays a number.
		expect(cells).toContain('-3');
		expect(page.errors).toEqual([]);
	});

	it('saves an SVG of the view whose labels are text, and a PNG at twice its size', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		await page.getByRole('button', { name: 'Export' }).click();
		const [svg] = await exportBy(page, 'Save picture');
		expect(svg?.suggestedFilename()).toMatch(/\.svg$/);
		const document = new DOMParser().parseFromString(await text(svg as Download), 'image/svg+xml');
		const root = document.documentElement;
		expect(root?.nodeName).toBe('svg');
		const labels = [...Array.from(document.getElementsByTagName('text'))].map((t) => t.textContent);
		expect(labels).toContain('India');
		expect(labels.join(' ')).toContain('India and Russia after the Modi–Putin talks');
		expect(document.getElementsByTagName('circle').length).toBeGreaterThan(5);
		const width = Number(root?.getAttribute('width'));

		const dialog = page.getByRole('dialog', { name: 'Export' });
		await dialog.getByLabel('PNG').check();
		await dialog.getByLabel('Resolution').selectOption('2');
		const [png] = await exportBy(page, 'Save picture');
		expect(png?.suggestedFilename()).toMatch(/@2x\.png$/);
		const bytes = readFileSync(await (png as Download).path());
		expect(bytes.subarray(1, 4).toString()).toBe('PNG');
		expect(bytes.readUInt32BE(16)).toBe(width * 2);
		expect(page.errors).toEqual([]);
	});

	it('links the files of a graph of the site in every format from its page, each read back the same', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia'));
		const links = page.locator('.downloads a');
		const hrefs = await links.evaluateAll((all) => all.map((a) => (a as HTMLAnchorElement).href));
		expect(hrefs.map((href) => href.split('/').pop())).toEqual([
			'india-russia.json',
			'india-russia.gexf',
			'india-russia.graphml',
			'india-russia.edges.csv',
			'india-russia.nodes.csv'
		]);
		const texts = new Map(
			await Promise.all(
				hrefs.map(
					async (href) => [href.split('/').pop() as string, await (await fetch(href)).text()] as const
				)
			)
		);
		const json = loadGraph(texts.get('india-russia.json') as string, 'india-russia.json');
		if (!json.ok) throw new Error('the JSON file does not load');
		for (const name of ['india-russia.gexf', 'india-russia.graphml', 'india-russia.edges.csv']) {
			const back = loadGraph(texts.get(name) as string, name, (other) => texts.get(other));
			if (!back.ok) throw new Error(`${name}: ${back.problems.map((p) => p.message).join('\n')}`);
			expect(back.graph.nodes().sort(), name).toEqual(json.graph.nodes().sort());
			expect(back.graph.size, name).toBe(json.graph.size);
		}
	});
});
