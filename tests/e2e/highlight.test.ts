/**
 * What the canvas makes stand out, the same in the explorer and the embed: the entities a search matches while
 * the reader types (and nothing once the box is cleared), and the selected entity's neighbourhood, whether the
 * entity was opened from its address or by a click.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { graphSettled, nodeDisplay, nodePosition, panelShows } from './graph-page';

const GRAPH = 'india-russia';
const KUDANKULAM = 'kudankulam-nuclear-power-plant';

/** How two entities are drawn now: colours only (sizes do not change for a highlight). */
async function colours(page: Page, keys: string[]): Promise<string[]> {
	await graphSettled(page);
	return Promise.all(keys.map(async (key) => (await nodeDisplay(page, key)).color));
}

describe('search highlight', () => {
	const browser = useBrowser();

	for (const [where, address, box] of [
		['in the explorer', `/${GRAPH}`, 'Search the graph'],
		['in an embed with search=1', `/embed/${GRAPH}?search=1`, 'Search the graph']
	] as const) {
		it(`marks the entities a search matches on the canvas ${where}, and drops the mark when cleared`, async () => {
			const page = await browser().newPage();
			await page.goto(browser().url(address));
			const [oil, china] = await colours(page, ['crude-oil', 'china']);
			const search = page.getByRole('combobox', { name: box });
			await search.fill('crude oil');
			await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
			// The match keeps its colour, the rest fades.
			await expect.poll(async () => (await nodeDisplay(page, 'china')).color).not.toBe(china);
			await expect(nodeDisplay(page, 'crude-oil')).resolves.toMatchObject({ color: oil });
			await search.fill('');
			await expect.poll(async () => (await nodeDisplay(page, 'china')).color).toBe(china);
			expect(page.errors).toEqual([]);
		});
	}

	it('shows no search box in an embed by default', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/embed/${GRAPH}`));
		await graphSettled(page);
		await expect(page.getByRole('combobox').count()).resolves.toBe(0);
	});
});

describe('selected neighbourhood', () => {
	const browser = useBrowser();

	/** The drawing of an entity page: colours of the entity, a neighbour and a stranger; where they are. */
	async function view(page: Page) {
		const [selected, neighbour, stranger] = await colours(page, [KUDANKULAM, 'tamil-nadu', 'china']);
		const box = await page.locator('[data-testid="graph-canvas"]').boundingBox();
		const centre = await nodePosition(page, KUDANKULAM);
		const around = await nodePosition(page, 'tamil-nadu');
		return {
			selected,
			neighbour,
			stranger,
			box,
			centre,
			spread: Math.hypot(around.x - centre.x, around.y - centre.y)
		};
	}

	it('stands out and fills the view the same way from its address and from a click', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		const overview = await view(page);
		const at = await nodePosition(page, KUDANKULAM);
		await page.mouse.click(at.x, at.y);
		await page.waitForURL(browser().url(`/${GRAPH}/${KUDANKULAM}`));
		await panelShows(page, 'Kudankulam Nuclear Power Plant');
		const clicked = await view(page);

		const linked = await browser().newPage();
		await linked.goto(browser().url(`/${GRAPH}/${KUDANKULAM}`));
		const deep = await view(linked);

		for (const shown of [clicked, deep]) {
			// The entity and its neighbours keep their colours; everything else fades.
			expect(shown.selected).toBe(overview.selected);
			expect(shown.neighbour).toBe(overview.neighbour);
			expect(shown.stranger).not.toBe(overview.stranger);
			// The camera comes closer, the entity in the middle and its neighbour in view.
			expect(shown.spread).toBeGreaterThan(overview.spread);
			const box = shown.box ?? { x: 0, y: 0, width: 0, height: 0 };
			expect(Math.abs(shown.centre.x - (box.x + box.width / 2))).toBeLessThan(2);
			expect(Math.abs(shown.centre.y - (box.y + box.height / 2))).toBeLessThan(2);
		}
		expect(clicked).toEqual(deep);
		expect(page.errors).toEqual([]);
		expect(linked.errors).toEqual([]);
	});
});
