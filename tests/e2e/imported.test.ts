/**
 * Graphs from other tools, built into the test site as they are (tests/fixtures/graphs): a CSV pair in Gephi's
 * spreadsheet convention (semicolons, decimal commas, an undirected row) and a GEXF from Gephi. Drawn, clicked
 * through and searched like the flagship; their attributes shown with and without JavaScript; coloured by a
 * category attribute through the address.
 */
import { describe, expect, it } from 'vitest';
import { COMMUNITY_PALETTE } from '../../src/lib/graph/appearance';
import { launchBrowser, useBrowser } from './browser';
import {
	graphSettled,
	nodeDisplay,
	nodePosition,
	openLegend,
	panelHeading,
	panelSentences
} from './graph-page';

const CSV = 'tea-routes';
const GEXF = 'les-miserables';

describe('a CSV graph (edges and nodes tables)', () => {
	const browser = useBrowser();

	it('is drawn, searched and clicked through, with its attributes in the panel', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${CSV}`));
		const { x, y } = await nodePosition(page, 'kolkata');
		await page.mouse.click(x, y);
		await page.waitForURL(browser().url(`/${CSV}/kolkata`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Kolkata Tea Auction');
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('Mombasa');
		const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
		await expect(option.innerText()).resolves.toContain('Mombasa');
		await search.press('Enter');
		await page.waitForURL(browser().url(`/${CSV}/mombasa`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Mombasa Tea Auction');
		const details = page.getByRole('complementary', { name: 'Details' });
		const data = details.locator('dl.data').first();
		await expect(data.innerText()).resolves.toMatch(/Country\s+Kenya/);
		await expect(data.innerText()).resolves.toMatch(/Tonnes\s+620,000\.5/);
		await expect(data.innerText()).resolves.toMatch(/Founded\s+1956/);
		await expect(
			data.getByRole('link', { name: 'https://example.org/mombasa' }).getAttribute('href')
		).resolves.toBe('https://example.org/mombasa');
		// No claims in a CSV: the panel shows the relationships and their own data, and pretends nothing.
		const sentences = await panelSentences(page);
		expect(sentences).toContain('Mombasa Tea Auction — trades with — Colombo Tea Auction');
		expect(sentences).toContain('Kenya Tea Development Agency — sells at → Mombasa Tea Auction');
		expect(await details.locator('.claim').count()).toBe(0);

		expect(page.errors).toEqual([]);
	});

	it('keeps the id of an entity whose key was made from it, and opens it at that key', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${CSV}/EAC-Buyers`));
		await graphSettled(page);
		await expect(panelHeading(page).innerText()).resolves.toBe("East African Buyers' Group");
		await expect(page.getByText('Id in the graph file: EAC Buyers').count()).resolves.toBe(1);
		expect(page.errors).toEqual([]);
	});

	it('colours by a category attribute from the address, with its values in the legend', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${CSV}?color=data:Country`));
		await graphSettled(page);
		// Values commonest first: Kenya (3), India (2), then Sri Lanka and United Kingdom (1 each, in text order).
		await page.waitForFunction(
			(colour) => window.__graph?.display('kolkata')?.color.toLowerCase() === colour,
			COMMUNITY_PALETTE[1].toLowerCase()
		);
		expect((await nodeDisplay(page, 'ktda')).color.toLowerCase()).toBe(COMMUNITY_PALETTE[0].toLowerCase());
		expect((await nodeDisplay(page, 'london')).color.toLowerCase()).toBe(COMMUNITY_PALETTE[3].toLowerCase());
		await openLegend(page);
		const values = page.getByRole('list', { name: 'Values of Country' });
		await expect(values.innerText()).resolves.toMatch(/Kenya\s*3/);
		// Hiding a value hides its entities and keeps the choice in the address.
		await values.getByRole('button', { name: /India/ }).click();
		await page.waitForURL(/hideVal=India/);
		await page.waitForFunction(() => window.__graph?.display('kolkata')?.hidden === true);
		expect(await nodeDisplay(page, 'mombasa')).toMatchObject({ hidden: false });
		expect(page.errors).toEqual([]);
	});
});

describe('a GEXF graph from Gephi (positions, sizes, colours and a typed attribute of its own)', () => {
	const browser = useBrowser();

	it('is drawn where Gephi placed it, in its colours, searched and clicked through', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GEXF}`));
		await graphSettled(page);
		// Valjean is red in the file (viz:color 245, 91, 91).
		expect((await nodeDisplay(page, '11')).color.toLowerCase()).toBe('#f55b5b');
		const { x, y } = await nodePosition(page, '48');
		await page.mouse.click(x, y);
		await page.waitForURL(browser().url(`/${GEXF}/48`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Gavroche');
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('Valjean');
		const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
		await expect(option.innerText()).resolves.toContain('Valjean');
		await search.press('Enter');
		await page.waitForURL(browser().url(`/${GEXF}/11`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Valjean');
		const details = page.getByRole('complementary', { name: 'Details' });
		await expect(details.locator('dl.data').first().innerText()).resolves.toMatch(/modularity_class\s+1/);
		// Undirected in the file: read both ways, drawn without arrowheads.
		expect(await panelSentences(page)).toContain('Valjean — linked with — Marius');

		expect(page.errors).toEqual([]);
	});
});

describe('a GEXF graph coloured by its modularity class', () => {
	const browser = useBrowser();

	it('colours by a number attribute with few values, each a class, from the address and the legend', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GEXF}?color=data:modularity_class`));
		await graphSettled(page);
		// Classes commonest first: 8 (Gavroche and 11 more), then 1 (Valjean) and 6 (Marius), in text order.
		await page.waitForFunction(
			(colour) => window.__graph?.display('48')?.color.toLowerCase() === colour,
			COMMUNITY_PALETTE[0].toLowerCase()
		);
		expect((await nodeDisplay(page, '11')).color.toLowerCase()).toBe(COMMUNITY_PALETTE[1].toLowerCase());
		await openLegend(page);
		await expect(page.getByLabel('Colour by').inputValue()).resolves.toBe('data:modularity_class');
		const values = page.getByRole('list', { name: 'Values of modularity_class' });
		await expect(values.innerText()).resolves.toMatch(/8\s*12/);
		expect(page.errors).toEqual([]);
	});
});

describe('without JavaScript', () => {
	it('an imported entity page shows its attributes, links and relationships', async () => {
		const browser = await launchBrowser('no-js');
		try {
			const page = await browser.newPage();
			await page.goto(browser.url(`/${CSV}/mombasa`));
			const text = await page.locator('main').innerText();
			expect(text).toMatch(/Country\s+Kenya/);
			expect(text).toContain('Mombasa Tea Auction — trades with — Colombo Tea Auction');
			await expect(
				page.getByRole('link', { name: 'https://example.org/mombasa' }).getAttribute('rel')
			).resolves.toContain('noopener');
		} finally {
			await browser.close();
		}
	});
});
