import { describe, expect, it } from 'vitest';
import { plural } from '../../src/lib/format';
import { useBrowser } from './browser';
import { expectedGraphs } from './expected';

describe('home page', () => {
	const browser = useBrowser();

	const graphs = expectedGraphs();

	it('has at least one graph to list', () => {
		expect(graphs.length).toBeGreaterThan(0);
	});

	it('lists every graph with its title, description, source and size', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await expect(page.title()).resolves.toBe('Knowledge Graph Explorer');
		const items = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
		await expect(items.count()).resolves.toBe(graphs.length);
		for (const graph of graphs) {
			const item = items.filter({ has: page.getByRole('link', { name: graph.title, exact: true }) });
			const text = await item.innerText();
			expect(text).toContain(graph.description);
			expect(text).toContain(
				`${plural(graph.nodes, 'entity', 'entities')} · ${plural(graph.edges, 'relationship')}`
			);
			for (const source of graph.sources) expect(text).toContain(source.title);
		}
		expect(page.errors).toEqual([]);
	});

	it('links each graph to its own page', async () => {
		const page = await browser().newPage();
		for (const graph of graphs) {
			await page.goto(browser().url('/'));
			await page.getByRole('link', { name: graph.title, exact: true }).click();
			await page.waitForURL(browser().url(`/${graph.id}`));
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(graph.title);
		}
		expect(page.errors).toEqual([]);
	});
});
