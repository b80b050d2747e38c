/**
 * Search on the flagship, typed as a reader would: words of descriptions, claims and types find entities, each
 * result says where it matched with the words marked and how many relationships the entity has; several words
 * with one unmatched still find; relationships are listed and open on their entity's page with the relationship
 * shown and marked on the canvas; a query that finds nothing offers names and entities of its type.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { graphSettled, nodeDisplay, panelHeading, squash } from './graph-page';

const GRAPH = 'india-russia';
const file = JSON.parse(readFileSync(`graph-data/${GRAPH}.json`, 'utf8')) as {
	nodes: { key: string; attributes: { label: string } }[];
	edges: { key: string; source: string; target: string; attributes: { label: string; claim?: string } }[];
};
const labelOf = (key: string) => file.nodes.find((node) => node.key === key)?.attributes.label ?? key;
/** How many relationships the file gives an entity. */
const degreeOf = (key: string) =>
	file.edges.filter((edge) => edge.source === key || edge.target === key).length;

async function typeQuery(page: Page, query: string) {
	const search = page.getByRole('combobox', { name: 'Search the graph' });
	await search.fill(query);
	return search;
}

/** The options listed, as text, in order (waits for the list). */
async function optionTexts(page: Page): Promise<string[]> {
	const list = page.getByRole('listbox', { name: 'Search results' });
	await list.getByRole('option').first().waitFor();
	return list.getByRole('option').allInnerTexts();
}

describe('search', () => {
	const browser = useBrowser();

	it('finds entities by words of their descriptions, claims and types, saying where, with the count', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		const list = page.getByRole('listbox', { name: 'Search results' });
		for (const [query, label, where, marked] of [
			// a word of a relationship's label or claim
			['discounted', labelOf('india'), /^in a (claim|relationship): .*discounted/, 'discounted'],
			// an entity's type
			['project', labelOf('kudankulam-nuclear-power-plant'), /^type: Project$/, 'Project'],
			// a word form: "diversify" reaches "Diversification", marked in the name
			['diversify', 'Diversification of India’s defence suppliers', null, 'Diversification']
		] as const) {
			await typeQuery(page, query);
			const texts = await optionTexts(page);
			const option = list.getByRole('option').filter({ hasText: label }).first();
			expect(
				texts.some((text) => text.startsWith(label)),
				`${query}: ${texts.join(' | ')}`
			).toBe(true);
			// Where it matched, after the name and type (nothing more when the name itself matched).
			const matched = option.locator('.match');
			if (where) await expect(matched.textContent().then(squash)).resolves.toMatch(where);
			else await expect(matched.count()).resolves.toBe(0);
			await expect(option.locator('mark').allTextContents()).resolves.toContain(marked);
		}
		// The count is the entity's relationships, as the file has them.
		await typeQuery(page, 'discounted');
		const india = (await optionTexts(page)).find((text) => text.startsWith('India'));
		expect(india).toMatch(new RegExp(`\\b${degreeOf('india')}\\s+relationships`));
		// The matched words are marked.
		const marks = await page.getByRole('listbox', { name: 'Search results' }).locator('mark').allInnerTexts();
		expect(marks.length).toBeGreaterThan(0);
		for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^discount/);
		expect(page.errors).toEqual([]);
	});

	it('lists what matches some words when none matches all, and the entity that matches all first', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		await typeQuery(page, 'crude zzzyzx');
		const texts = await optionTexts(page);
		expect(texts[0]).toMatch(/^Crude oil/);
		await typeQuery(page, 'crude oil');
		expect((await optionTexts(page))[0]).toMatch(/^Crude oil/);
		expect(page.errors).toEqual([]);
	});

	it('opens a relationship found: its entity, the relationship marked in the panel and on the canvas', async () => {
		const edge = file.edges.find((each) => each.key === 'india-buys-crude-oil-from-russia');
		if (!edge) throw new Error('the flagship should have India buying crude oil from Russia');
		// A neighbour of India other than Russia: India's own page does not fade it, the relationship's highlight does.
		const neighbour = file.edges.find(
			(each) => each.source === edge.source && each.target !== edge.target && each.target !== edge.source
		)?.target as string;
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/${edge.source}`));
		await graphSettled(page);
		const before = await nodeDisplay(page, neighbour);
		await typeQuery(page, '"discounted crude"');
		const list = page.getByRole('listbox', { name: 'Search results' });
		const option = list
			.getByRole('group', { name: 'Relationships' })
			.getByRole('option')
			.filter({ hasText: `${labelOf(edge.source)} — ${edge.attributes.label}` });
		await option.click();
		await page.waitForURL(
			(url) => url.pathname === `/${GRAPH}/${edge.source}` && url.hash === `#relation-${edge.key}`
		);
		await expect(panelHeading(page).innerText()).resolves.toBe(labelOf(edge.source));
		const opened = page.locator(`[aria-current="true"][data-edge="${edge.key}"]`);
		await expect.poll(() => opened.isVisible()).toBe(true);
		await expect(opened.innerText()).resolves.toContain(edge.attributes.claim ?? '');
		// India's other neighbours fade; the relationship's two entities stay drawn.
		await expect.poll(async () => (await nodeDisplay(page, neighbour)).color).not.toBe(before.color);
		for (const key of [edge.source, edge.target]) expect((await nodeDisplay(page, key)).hidden).toBeFalsy();
		expect(page.errors).toEqual([]);
	});

	it('offers the closest names and the most connected entities of a type when nothing matches', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		await typeQuery(page, 'kudankxlxmx');
		const list = page.getByRole('listbox', { name: 'Search results' });
		await list.getByRole('option').first().waitFor();
		await expect(list.locator('.none-found').textContent()).resolves.toBe('Nothing matches “kudankxlxmx”.');
		await expect(page.getByRole('search').getByRole('status').textContent().then(squash)).resolves.toMatch(
			/^Nothing matches “kudankxlxmx”; \d+ suggestions\.$/
		);
		const closest = list.getByRole('group', { name: 'Closest names' }).getByRole('option');
		await expect(closest.first().innerText()).resolves.toMatch(/^Kudankulam Nuclear Power Plant/);
		await expect(list.getByRole('group', { name: 'Most connected: Project' }).count()).resolves.toBe(1);
		// Enter does not open a suggestion the reader did not choose: the query stays in the box.
		const box = page.getByRole('combobox', { name: 'Search the graph' });
		await box.press('Enter');
		await expect(box.inputValue()).resolves.toBe('kudankxlxmx');
		expect(new URL(page.url()).pathname).toBe(`/${GRAPH}`);
		// Choosing one with the keyboard opens it.
		await page.getByRole('combobox', { name: 'Search the graph' }).press('ArrowDown');
		await page.getByRole('combobox', { name: 'Search the graph' }).press('Enter');
		await page.waitForURL(browser().url(`/${GRAPH}/kudankulam-nuclear-power-plant`));
		expect(page.errors).toEqual([]);
	});
});
