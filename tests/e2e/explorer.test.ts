/**
 * The explorer on the flagship graph, driven as a person would: search, click on the canvas, follow panel links,
 * go back and forward, filter, reload a shared link, use only the keyboard, use a phone.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import {
	graphSettled,
	isDrawn,
	nodePosition,
	openLegend,
	panelHeading,
	panelSentences,
	panelShows
} from './graph-page';

const GRAPH = 'india-russia';

describe('explorer', () => {
	const browser = useBrowser();

	it('opens the entity that a search finds, with its own URL', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('Delhi');
		const option = page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first();
		await expect(option.innerText()).resolves.toContain('India');
		await expect(option.innerText()).resolves.toContain('matched “New Delhi”');
		await search.press('Enter');
		await page.waitForURL(browser().url(`/${GRAPH}/india`));
		await expect(panelHeading(page).innerText()).resolves.toBe('India');
		expect(page.errors).toEqual([]);
	});

	it('opens an entity clicked on the canvas', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		const { x, y } = await nodePosition(page, 'russia');
		await page.mouse.click(x, y);
		await page.waitForURL(browser().url(`/${GRAPH}/russia`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Russia');
		expect(page.errors).toEqual([]);
	});

	it('follows a panel link to a neighbour without rebuilding the canvas, and back and forward', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/kudankulam-nuclear-power-plant`));
		await graphSettled(page);
		await page
			.locator('[data-testid="graph-canvas"] canvas')
			.first()
			.evaluate((canvas) => {
				canvas.dataset.marker = 'first';
			});
		await page.getByRole('complementary').getByRole('link', { name: 'Tamil Nadu', exact: true }).click();
		await page.waitForURL(browser().url(`/${GRAPH}/tamil-nadu`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Tamil Nadu');
		const marker = await page
			.locator('[data-testid="graph-canvas"] canvas')
			.first()
			.getAttribute('data-marker');
		expect(marker).toBe('first');

		await page.goBack();
		await page.waitForURL(browser().url(`/${GRAPH}/kudankulam-nuclear-power-plant`));
		await panelShows(page, 'Kudankulam Nuclear Power Plant');
		await page.goForward();
		await page.waitForURL(browser().url(`/${GRAPH}/tamil-nadu`));
		await panelShows(page, 'Tamil Nadu');
		expect(page.errors).toEqual([]);
	});

	it('hides a node type from the canvas and the panel', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/india`));
		await graphSettled(page);
		expect(await isDrawn(page, 'narendra-modi')).toBe(true);
		expect((await panelSentences(page)).some((s) => s.includes('Narendra Modi'))).toBe(true);

		await openLegend(page);
		const person = page.getByRole('button', { name: /^Person/ });
		await expect(person.getAttribute('aria-pressed')).resolves.toBe('true');
		await person.click();
		await page.waitForURL((url) => url.searchParams.get('hide') === 'person');
		await expect(person.getAttribute('aria-pressed')).resolves.toBe('false');
		expect(await isDrawn(page, 'narendra-modi')).toBe(false);
		expect(await isDrawn(page, 'russia')).toBe(true);
		expect((await panelSentences(page)).some((s) => s.includes('Narendra Modi'))).toBe(false);
		await expect(page.getByRole('complementary').innerText()).resolves.toMatch(/\d+ hidden by filters/);
		expect(page.errors).toEqual([]);
	});

	it('at depth 1 shows only the selected entity and its neighbours', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/tamil-nadu`));
		await graphSettled(page);
		await openLegend(page);
		await page.getByRole('combobox', { name: /^Show/ }).selectOption('1');
		await page.waitForURL((url) => url.searchParams.get('depth') === '1');
		expect(await isDrawn(page, 'tamil-nadu')).toBe(true);
		expect(await isDrawn(page, 'kudankulam-nuclear-power-plant')).toBe(true);
		expect(await isDrawn(page, 'united-states')).toBe(false);
		expect(await isDrawn(page, 'narendra-modi')).toBe(false);
		expect(page.errors).toEqual([]);
	});

	it('reloads a shared link into the same view', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/india?hide=person&depth=1`));
		await graphSettled(page);
		await page.reload();
		await graphSettled(page);
		await expect(panelHeading(page).innerText()).resolves.toBe('India');
		await openLegend(page);
		await expect(page.getByRole('button', { name: /^Person/ }).getAttribute('aria-pressed')).resolves.toBe(
			'false'
		);
		await expect(page.getByRole('combobox', { name: /^Show/ }).inputValue()).resolves.toBe('1');
		expect(await isDrawn(page, 'narendra-modi')).toBe(false);
		expect(await isDrawn(page, 'russia')).toBe(true);
		expect(page.errors).toEqual([]);
	});

	it('works from search to a neighbour with the keyboard alone', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		await page.keyboard.press('/');
		await page.keyboard.type('kudan');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Enter');
		await page.waitForURL(browser().url(`/${GRAPH}/kudankulam-nuclear-power-plant`));
		let focused = '';
		for (let i = 0; i < 40 && focused !== 'Tamil Nadu'; i++) {
			await page.keyboard.press('Tab');
			focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		}
		expect(focused).toBe('Tamil Nadu');
		expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
		await page.keyboard.press('Enter');
		await page.waitForURL(browser().url(`/${GRAPH}/tamil-nadu`));
		await expect(panelHeading(page).innerText()).resolves.toBe('Tamil Nadu');
		expect(page.errors).toEqual([]);
	});
});

describe('explorer on a phone', () => {
	const browser = useBrowser('phone');

	it('shows the canvas above the panel, and a tap on a node opens it', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		const canvas = await page.getByTestId('graph-canvas').boundingBox();
		const panel = await page.getByRole('complementary', { name: 'Details' }).boundingBox();
		expect(canvas && panel && canvas.y + canvas.height <= panel.y + 16).toBe(true);
		expect(canvas?.width).toBeGreaterThan(380);
		const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(scrollWidth).toBeLessThanOrEqual(390);

		const { x, y } = await nodePosition(page, 'india');
		await page.touchscreen.tap(x, y);
		await page.waitForURL(browser().url(`/${GRAPH}/india`));
		await expect(panelHeading(page).innerText()).resolves.toBe('India');
		expect(page.errors).toEqual([]);
	});
});

describe('explorer without WebGL', () => {
	const browser = useBrowser('no-webgl');

	it('says so in one line and keeps the entity, its relationships and search working', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/kudankulam-nuclear-power-plant`));
		await expect(page.getByRole('status').filter({ hasText: 'WebGL' }).innerText()).resolves.toMatch(
			/WebGL is unavailable/
		);
		expect(
			(await panelSentences(page)).some((s) => s.includes('is located in') && s.includes('Tamil Nadu'))
		).toBe(true);
		await page.getByRole('complementary').getByRole('link', { name: 'Tamil Nadu', exact: true }).click();
		await panelShows(page, 'Tamil Nadu');
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('washington');
		await search.press('Enter');
		await panelShows(page, 'United States');
		expect(page.errors).toEqual([]);
	});
});

describe('explorer on another graph', () => {
	const browser = useBrowser();

	it('draws it, searches its own names, and opens its own entities', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/tea-trade'));
		await graphSettled(page);
		expect(await isDrawn(page, 'kenya')).toBe(true);
		// Every entity is named on the canvas from the first frame, with nothing selected or moving.
		const labelled = await page.evaluate(() => window.__graph?.labelled() ?? []);
		expect(labelled.sort()).toEqual(['coffee', 'india', 'kenya', 'russia', 'tea']);
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('assam');
		await search.press('Enter');
		await page.waitForURL(browser().url('/tea-trade/india'));
		await panelShows(page, 'India');
		expect((await panelSentences(page)).some((s) => s.includes('grows and exports'))).toBe(true);
		expect(page.errors).toEqual([]);
	});
});
