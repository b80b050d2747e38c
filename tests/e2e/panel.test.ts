/**
 * A hub's entity page a reader can get through: its relationships narrowed by words typed into the panel, and each
 * group's direction said in words ("India → …", "… → India") rather than "outgoing" and "incoming".
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { graphSettled, panelSentences } from './graph-page';

describe('a hub’s panel', () => {
	const browser = useBrowser();

	it('narrows the relationships to those a few words find, and gives them all back when cleared', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		const all = await panelSentences(page);
		expect(all.length).toBeGreaterThan(30);
		const box = page.getByRole('searchbox', { name: 'Filter these relationships' });
		await box.fill('crude oil');
		await page.getByRole('status').filter({ hasText: 'match “crude oil”' }).waitFor();
		const items = page.locator('article[data-entity="india"] [data-edge]');
		const found = await items.allInnerTexts();
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(all.length);
		for (const text of found) expect(text.toLowerCase()).toMatch(/crude/);
		await expect(page.getByRole('status').filter({ hasText: 'match' }).innerText()).resolves.toBe(
			`${found.length} of ${all.length} match “crude oil”`
		);
		await box.fill('no such words here');
		await page.getByText('No relationship matches these words.').waitFor();
		await box.fill('');
		await expect.poll(() => panelSentences(page).then((lines) => lines.length)).toBe(all.length);
		expect(page.errors).toEqual([]);
	});

	it('says each group’s direction with the entity’s name', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		const directions = await page.locator('article[data-entity="india"] h3 .dir').allInnerTexts();
		expect(directions).toContain('India → …');
		expect(directions).toContain('… → India');
		expect(directions.some((text) => /outgoing|incoming/.test(text))).toBe(false);
	});
});

describe('a hub’s panel without JavaScript', () => {
	const browser = useBrowser('no-js');

	it('lists every relationship, with no filter box that could not work', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await expect(page.getByRole('searchbox', { name: 'Filter these relationships' }).count()).resolves.toBe(
			0
		);
		await expect(page.locator('article[data-entity="india"] [data-edge]').count()).resolves.toBeGreaterThan(
			30
		);
	});
});
