/**
 * The data view (/<graph>/data), driven as an analyst would: from the explorer's "Table" to a table of every
 * entity, sorted by a header (a second key by shift-click), filtered by a category's values and a number range,
 * searched, reloaded from its address, its rows opened in the explorer and shown on the canvas, exported as CSV;
 * its relationships tab; moved through with the keyboard; read without JavaScript; checked by axe. Expected
 * answers are worked out here from the graph itself, not by the table's own code.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allGraphs } from '../../src/lib/server/graphs';
import { useBrowser } from './browser';
import { graphSettled, nodeDisplay, panelShows } from './graph-page';

const flagship = allGraphs().get('india-russia');
const tea = allGraphs().get('tea-routes');
const big = allGraphs().get('big-synthetic');
const gexf = allGraphs().get('les-miserables');
if (!flagship || !tea || !big || !gexf) throw new Error('npm run build:test builds these graphs');
const label = (key: string) => flagship.getNodeAttribute(key, 'label');

/** The table of the page, once it lists rows. */
async function table(page: Page): Promise<Locator> {
	const grid = page.getByRole('grid');
	await grid.locator('tbody tr[aria-rowindex]').first().waitFor();
	return grid;
}

/** The first cell (the label) of each row the table renders, top to bottom. */
async function firstCells(grid: Locator): Promise<string[]> {
	return grid
		.locator('tbody tr[aria-rowindex]')
		.evaluateAll((rows) => rows.map((row) => row.querySelector('td')?.textContent?.trim() ?? ''));
}

/** How many rows the table says it lists: "12 of 83 entities" → 12, "83 entities" → 83. */
async function listed(page: Page): Promise<number> {
	const text = await page.locator('.data-view .listed[role="status"]').innerText();
	return Number(/^([\d,]+)/.exec(text)?.[1]?.replaceAll(',', '') ?? NaN);
}

/** The flagship's entities by relationship count, most first; ties in the graph's order. */
const byDegree = flagship
	.nodes()
	.map((key, i) => ({ key, degree: flagship.degree(key), i }))
	.sort((a, b) => b.degree - a.degree || a.i - b.i);

describe('the data view', () => {
	const browser = useBrowser();

	it('is reached from the toolbar, sorts by a header and keeps the sort through a reload', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia'));
		await graphSettled(page);
		await page.getByRole('link', { name: 'Table' }).click();
		await page.waitForURL(browser().url('/india-russia/data'));
		let grid = await table(page);
		await expect(listed(page)).resolves.toBe(flagship.order);
		// Virtualised or not, the grid says how many rows it has (and two for the header: names and filters).
		await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(flagship.order + 2));

		const header = grid.getByRole('button', { name: 'Relationships', exact: true });
		await header.click();
		await page.waitForURL(/sort=relationships/);
		await header.click();
		await page.waitForURL(/sort=-relationships/);
		const column = grid.getByRole('columnheader', { name: 'Relationships' });
		await expect(column.getAttribute('aria-sort')).resolves.toBe('descending');
		const top = byDegree.slice(0, 3).map((entity) => label(entity.key));
		await expect.poll(async () => (await firstCells(grid)).slice(0, 3)).toEqual(top);

		// A second key by shift-click: the label, for ties.
		await grid.getByRole('button', { name: 'Label', exact: true }).click({ modifiers: ['Shift'] });
		await page.waitForURL(/sort=-relationships&sort=label/);

		await page.reload();
		grid = await table(page);
		await expect.poll(async () => (await firstCells(grid)).slice(0, 3)).toEqual(top);
		await expect(
			grid.getByRole('columnheader', { name: 'Relationships' }).getAttribute('aria-sort')
		).resolves.toBe('descending');
		expect(page.errors).toEqual([]);
	});

	it('filters by a category and a range on a CSV graph, keeps them through a reload, and exports what passes', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/tea-routes/data'));
		const grid = await table(page);
		await expect(listed(page)).resolves.toBe(tea.order);

		// Which entities in Kenya move the most tea? Country: Kenya, Tonnes from 1,000.
		await grid
			.locator('.filters td')
			.nth(await columnIndex(grid, 'Country'))
			.locator('summary')
			.click();
		await grid.getByRole('checkbox', { name: /^Kenya/ }).check();
		await page.waitForURL(/in\.data%3ACountry=Kenya|in\.data:Country=Kenya/);
		const kenya = tea.filterNodes((_key, attributes) => attributes.data?.Country === 'Kenya');
		await expect.poll(() => listed(page)).toBe(kenya.length);

		await grid.getByRole('textbox', { name: 'Tonnes: from' }).fill('1000');
		await page.waitForURL(/min\.data(%3A|:)Tonnes=1000/);
		const heavy = kenya.filter((key) => Number(tea.getNodeAttribute(key, 'data')?.Tonnes) >= 1000);
		expect(heavy.length).toBeGreaterThan(0);
		expect(heavy.length).toBeLessThan(kenya.length);
		await expect.poll(() => listed(page)).toBe(heavy.length);
		const names = heavy.map((key) => tea.getNodeAttribute(key, 'label'));
		await expect.poll(() => firstCells(grid)).toEqual(names);

		await page.reload();
		const again = await table(page);
		await expect.poll(() => firstCells(again)).toEqual(names);
		await expect(again.getByRole('textbox', { name: 'Tonnes: from' }).inputValue()).resolves.toBe('1000');

		await page.locator('details.menu', { hasText: 'Export' }).locator('summary').click();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Table as CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('tea-routes-entities.csv');
		const csv = readFileSync((await download.path()) as string, 'utf8');
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]?.split(',').slice(0, 3)).toEqual(['Label', 'Type', 'Relationships']);
		expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(names);
		expect(page.errors).toEqual([]);
	});

	it('answers "the most connected of community 8" on a GEXF from Gephi, by its own attribute', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/les-miserables/data'));
		const grid = await table(page);
		await grid.getByRole('textbox', { name: 'modularity_class: from' }).fill('8');
		await grid.getByRole('textbox', { name: 'modularity_class: to' }).fill('8');
		await page.waitForURL(/min\.data(%3A|:)modularity_class=8&max\.data(%3A|:)modularity_class=8/);
		const eight = gexf
			.filterNodes((_key, attributes) => Number(attributes.data?.modularity_class) === 8)
			.map((key, i) => ({ key, degree: gexf.degree(key), i }))
			.sort((a, b) => b.degree - a.degree || a.i - b.i);
		expect(eight.length).toBeGreaterThan(1);
		expect(eight.length).toBeLessThan(gexf.order);
		await expect.poll(() => listed(page)).toBe(eight.length);
		const header = grid.getByRole('button', { name: 'Relationships', exact: true });
		await header.click();
		await header.click();
		await page.waitForURL(/sort=-relationships/);
		await expect
			.poll(() => firstCells(grid))
			.toEqual(eight.map(({ key }) => gexf.getNodeAttribute(key, 'label')));
		expect(page.errors).toEqual([]);
	});

	it('opens an entity from its row, and a relationship from the relationships tab', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/data?sort=-relationships'));
		const grid = await table(page);
		const [first] = byDegree;
		if (!first) throw new Error('the flagship has entities');
		await expect.poll(async () => (await firstCells(grid))[0]).toBe(label(first.key));
		// A click on the row, not on its link.
		await grid.locator('tbody tr[aria-rowindex="3"] td').nth(1).click();
		await page.waitForURL(browser().url(`/india-russia/${first.key}`));
		await panelShows(page, label(first.key));

		await page.goBack();
		await page.getByRole('link', { name: /^Relationships/ }).click();
		await page.waitForURL(/tab=relationships/);
		const relationships = await table(page);
		await expect(listed(page)).resolves.toBe(flagship.size);
		const edge = flagship.edges()[0] as string;
		await expect(relationships.locator('tbody tr[aria-rowindex="3"] td').first().innerText()).resolves.toBe(
			label(flagship.source(edge))
		);
		await relationships.locator('tbody tr[aria-rowindex="3"] td').nth(3).click();
		await page.waitForURL(
			browser().url(`/india-russia/${flagship.source(edge)}#relation-${encodeURIComponent(edge)}`)
		);
		expect(page.errors).toEqual([]);
	});

	it('shows the rows that pass on the canvas, and the graph’s filters narrow the table', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/data?in.type=Country'));
		await graphSettled(page);
		const countries = flagship.filterNodes(
			(_key, attributes) => flagship.getAttribute('nodeTypes')[attributes.type]?.label === 'Country'
		);
		expect(countries.length).toBeGreaterThan(1);
		await expect.poll(() => listed(page)).toBe(countries.length);
		const stranger = flagship.nodes().find((key) => !countries.includes(key)) as string;
		const before = await nodeDisplay(page, stranger);
		const country = await nodeDisplay(page, countries[0] as string);
		await page.getByRole('button', { name: 'Show these on the graph' }).click();
		await page.waitForURL(/show=1/);
		await expect.poll(async () => (await nodeDisplay(page, stranger)).color).not.toBe(before.color);
		await expect(nodeDisplay(page, countries[0] as string)).resolves.toMatchObject({ color: country.color });
		await page.getByRole('button', { name: 'Show these on the graph' }).click();
		await expect.poll(async () => (await nodeDisplay(page, stranger)).color).toBe(before.color);

		// The graph hides countries: the table follows, unless told not to.
		const countryType = Object.entries(flagship.getAttribute('nodeTypes')).find(
			([, type]) => type.label === 'Country'
		)?.[0];
		await page.goto(browser().url(`/india-russia/data?hide=${countryType}`));
		await table(page);
		await expect.poll(() => listed(page)).toBe(flagship.order - countries.length);
		await page.getByRole('checkbox', { name: "only what the graph's filters show" }).uncheck();
		await page.waitForURL(/narrow=0/);
		await expect.poll(() => listed(page)).toBe(flagship.order);
		expect(page.errors).toEqual([]);
	});

	it('lists a graph opened in the browser, and keeps its table through a reload', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page
			.getByLabel('Choose a file…')
			.setInputFiles([
				'tests/fixtures/graphs/tea-routes.edges.csv',
				'tests/fixtures/graphs/tea-routes.nodes.csv'
			]);
		await page.waitForURL(browser().url('/local/tea-routes'));
		await graphSettled(page);
		await page.getByRole('link', { name: 'Table' }).click();
		await page.waitForURL(browser().url('/local/tea-routes/data'));
		const grid = await table(page);
		await expect(listed(page)).resolves.toBe(tea.order);
		await grid.getByRole('button', { name: 'Label', exact: true }).click();
		await page.waitForURL(/sort=label/);
		const labels = tea.mapNodes((_key, attributes) => attributes.label as string);
		const sorted = [...labels].sort(
			new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' }).compare
		);
		await expect.poll(() => firstCells(grid)).toEqual(sorted);
		// A static host answers the address with 404.html, which opens the kept graph and its table again.
		await page.reload();
		await expect.poll(async () => firstCells(await table(page))).toEqual(sorted);
		await page.locator('tbody tr[aria-rowindex="3"] td').nth(1).click();
		const first = tea.findNode((_key, attributes) => attributes.label === sorted[0]) as string;
		await page.waitForURL(browser().url(`/local/tea-routes/${first}`));
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('moves between cells with the keyboard and opens a row with Enter', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/data'));
		const grid = await table(page);
		await grid.getByRole('button', { name: 'Label', exact: true }).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowRight');
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell'));
		await expect(focused()).resolves.toBe('1:1');
		await page.keyboard.press('End');
		await expect(focused()).resolves.toMatch(/^1:\d+$/);
		await page.keyboard.press('Home');
		await expect(focused()).resolves.toBe('1:0');
		const second = flagship.nodes()[1] as string;
		await page.keyboard.press('Enter');
		await page.waitForURL(browser().url(`/india-russia/${second}`));
		await panelShows(page, label(second));
	});

	it('keeps the focus on a cell through Page Down and Ctrl+End, and lets Tab back in after a scroll', async () => {
		const page = await browser().newPage();
		await page.setViewportSize({ width: 1280, height: 700 });
		await page.goto(browser().url('/big-synthetic/data'));
		const grid = await table(page);
		await grid.getByRole('button', { name: 'Label', exact: true }).focus();
		await page.keyboard.press('ArrowDown');
		const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell') ?? null);
		for (let i = 0; i < 4; i++) await page.keyboard.press('PageDown');
		const paged = Number((await focused())?.split(':')[0]);
		expect(paged).toBeGreaterThan(20);
		await page.keyboard.press('Control+End');
		await expect.poll(focused).toMatch(new RegExp(`^${big.order - 1}:\\d+$`));
		await expect(
			page.evaluate(() => document.activeElement?.closest('tr')?.querySelector('td')?.textContent?.trim())
		).resolves.toBe(big.getNodeAttribute(big.nodes()[big.order - 1] as string, 'label'));
		await page.keyboard.press('Control+Home');
		await expect.poll(focused).toBe('0:0');
		// Scrolled away from the active cell: Tab from the search box still reaches the grid, at its column's header.
		await page.locator('.scroller').evaluate((element) => (element.scrollTop = element.scrollHeight));
		await page.locator(`tbody tr[aria-rowindex="${big.order + 2}"]`).waitFor();
		await page.getByRole('searchbox', { name: 'Search the table' }).focus();
		const stops: (string | null)[] = [];
		for (let i = 0; i < 40 && !stops.includes('-1:0'); i++) {
			await page.keyboard.press('Tab');
			stops.push(await focused());
		}
		expect(stops).toContain('-1:0');
	});

	it('brings a big graph’s details for its cells: claims and sections come apart from its drawing', async () => {
		// npm test's build draws big-synthetic from its drawing file: its claims are in detail shards.
		const page = await browser().newPage();
		await page.goto(browser().url('/big-synthetic/data?tab=relationships'));
		const grid = await table(page);
		const [first] = big.edges();
		const claim = big.getEdgeAttribute(first as string, 'claim') as string;
		const section = big.getEdgeAttribute(first as string, 'evidence')?.[0]?.section as string;
		await grid.getByText(claim, { exact: true }).waitFor();
		await expect(grid.getByText(section, { exact: true }).first().isVisible()).resolves.toBe(true);
		await expect(page.getByText('Bringing every').count()).resolves.toBe(0);
		expect(page.errors).toEqual([]);
	});

	it('renders only the rows in sight of a long table, and scrolls to the rest', async () => {
		const page = await browser().newPage();
		await page.setViewportSize({ width: 1280, height: 700 });
		await page.goto(browser().url('/big-synthetic/data'));
		const grid = await table(page);
		// 700 pixels of rows at 34 pixels each, and a few more either side.
		const rendered = await grid.locator('tbody tr[aria-rowindex]').count();
		expect(rendered).toBeLessThan(40);
		await expect(grid.getAttribute('aria-rowcount')).resolves.toBe(String(big.order + 2));
		await page.locator('.scroller').evaluate((element) => (element.scrollTop = element.scrollHeight));
		// The header's two rows come first.
		const last = grid.locator(`tbody tr[aria-rowindex="${big.order + 2}"]`);
		await last.waitFor();
		await expect(last.locator('td').first().innerText()).resolves.toBe(
			big.getNodeAttribute(big.nodes()[big.order - 1] as string, 'label')
		);
	});
});

describe('the data view, checked by axe', () => {
	// axe is a script added to the page: the page's Content-Security-Policy would refuse it.
	const browser = useBrowser('desktop', { bypassCSP: true });

	it('has no accessibility violations in its table and controls (axe)', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/tea-routes/data?sort=-data:Tonnes'));
		await table(page);
		const axe = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
		await page.addScriptTag({ path: axe });
		const violations = await page.evaluate(async () => {
			// @ts-expect-error axe is the script just added
			const result = await window.axe.run('.data-view', { resultTypes: ['violations'] });
			return (result.violations as { id: string; nodes: { html: string }[] }[]).map(
				(violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`
			);
		});
		expect(violations).toEqual([]);
	});
});

describe('the data view without JavaScript', () => {
	const browser = useBrowser('no-js');

	it('lists a small graph’s entities with links, and links a big graph to its file', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/data'));
		// A plain table: no sort buttons or filters that would need JavaScript.
		const plain = page.getByRole('table');
		await expect(plain.getByRole('button').count()).resolves.toBe(0);
		await expect(plain.getByRole('textbox').count()).resolves.toBe(0);
		const links = plain.locator('tbody td a');
		await expect(links.count()).resolves.toBe(flagship.order);
		const first = flagship.nodes()[0] as string;
		await expect(links.first().getAttribute('href')).resolves.toBe(`/india-russia/${first}`);
		await expect(links.first().innerText()).resolves.toBe(label(first));

		await page.goto(browser().url('/big-synthetic/data'));
		await expect(page.getByRole('link', { name: 'download it (JSON)' }).getAttribute('href')).resolves.toBe(
			'/api/graphs/big-synthetic.json'
		);
	});
});

/** The place of the column named `name` among the table's columns. */
async function columnIndex(grid: Locator, name: string): Promise<number> {
	const names = await grid.locator('thead th').allInnerTexts();
	const index = names.findIndex((text) => text.replace(/[▲▼\d]/g, '').trim() === name);
	if (index < 0) throw new Error(`no column ${name} among ${names.join(', ')}`);
	return index;
}
