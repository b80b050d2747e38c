/**
 * A big graph (more entities than PRERENDER_MAX_ENTITIES; npm test builds big-synthetic with a limit of 100):
 * its entity pages are not prerendered. A static host answers their addresses with 404.html, and the browser
 * renders the entity in its place from the graph file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GraphFile } from '../../src/lib/graph/schema';
import { allGraphs } from '../../src/lib/server/graphs';
import { detailShard, shardCount } from '../../src/lib/graph/drawn-graph';
import { entityDetails } from '../../src/lib/graph/query';
import { useBrowser } from './browser';
import {
	exportBy,
	graphSettled,
	isDrawn,
	isEdgeDrawn,
	nodeDisplay,
	nodePosition,
	panelSentences,
	panelShows,
	unfoldPanel
} from './graph-page';

const graph = allGraphs().get('big-synthetic');
if (!graph) throw new Error('npm test builds tests/fixtures/graphs/big-synthetic.json');
const hub = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b))[0] ?? '';

describe('an entity page of a big graph', () => {
	const browser = useBrowser();

	it('opens from its address: the browser renders the entity, its relationships and the canvas', async () => {
		const page = await browser().newPage();
		const details = entityDetails(graph, hub);
		await page.goto(browser().url(`/big-synthetic/${hub}`));
		await panelShows(page, details?.label ?? '?');
		expect(page.url()).toBe(browser().url(`/big-synthetic/${hub}`));
		await expect(page.title()).resolves.toBe(`${details?.label} · ${graph.getAttribute('title')}`);
		const relationships = details?.groups.reduce((sum, group) => sum + group.relations.length, 0) ?? -1;
		// A hub's groups are listed 15 at a time, all but three folded; "Show … more" (in the fold) lists the rest.
		const firstListed = (await panelSentences(page)).length;
		expect(firstListed).toBeLessThan(relationships);
		await unfoldPanel(page);
		const more = page.getByRole('button', { name: /^Show \d+ more$/ });
		while ((await more.count()) > 0) await more.first().click();
		await expect(panelSentences(page)).resolves.toHaveLength(relationships);
		await graphSettled(page);
		await expect(isDrawn(page, hub)).resolves.toBe(true);

		const neighbour = details?.neighbours[0];
		await page
			.getByRole('complementary', { name: 'Details' })
			.getByRole('link', { name: neighbour?.label, exact: true })
			.first()
			.click();
		await page.waitForURL(browser().url(`/big-synthetic/${neighbour?.key}`));
		await panelShows(page, neighbour?.label ?? '?');
		// The only error is the static host's 404 status for the first address.
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('embeds: the browser renders the embed of the entity, and a link loads the next one', async () => {
		const page = await browser().newPage({ width: 600, height: 400 });
		const details = entityDetails(graph, hub);
		const neighbour = details?.neighbours[0];
		await page.goto(browser().url(`/embed/big-synthetic/${hub}?legend=1`));
		await page.getByRole('heading', { level: 1, name: details?.label, exact: true }).waitFor();
		await expect(page.title()).resolves.toBe(`${details?.label} · ${graph.getAttribute('title')}`);
		await expect(page.getByRole('list', { name: 'Entity types' }).isVisible()).resolves.toBe(true);
		await expect(page.getByRole('link', { name: /Open in explorer/ }).getAttribute('href')).resolves.toBe(
			`/big-synthetic/${hub}`
		);
		await page.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
		await expect(isDrawn(page, hub)).resolves.toBe(true);
		// Nothing of the "Not found" page shows through.
		await expect(page.getByText('Not found').count()).resolves.toBe(0);

		await page.getByRole('link', { name: neighbour?.label, exact: true }).first().click();
		await page.waitForURL(browser().url(`/embed/big-synthetic/${neighbour?.key}?legend=1`));
		await page.getByRole('heading', { level: 1, name: neighbour?.label, exact: true }).waitFor();
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('reads the graph in a worker when it opens at an entity address, in the explorer and in an embed', async () => {
		for (const address of [`/big-synthetic/${hub}`, `/embed/big-synthetic/${hub}`]) {
			const page = await browser().newPage();
			const workers: string[] = [];
			page.on('worker', (worker) => workers.push(worker.url()));
			await page.goto(browser().url(address));
			await graphSettled(page);
			expect(
				workers.some((url) => /graph-worker/.test(url)),
				address
			).toBe(true);
			expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
		}
	});

	it('stays "Not found" for an entity the graph does not have', async () => {
		const page = await browser().newPage();
		const response = await page.goto(browser().url('/big-synthetic/no-such-entity'));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Not found');
		await expect(page.getByRole('combobox', { name: 'Search the graph' }).inputValue()).resolves.toBe(
			'no such entity'
		);
		expect(page.url()).toBe(browser().url('/big-synthetic/no-such-entity'));
	});
});

describe('a graph above the big-graph thresholds (npm test lowers them to 300 relationships)', () => {
	const browser = useBrowser();
	const quiet =
		graph.nodes().find((key) => graph.degree(key) === 1 && graph.getNodeAttribute(key, 'label').length > 8) ??
		'';
	const quietLabel = graph.getNodeAttribute(quiet, 'label');

	it('is read by a worker, which also answers the search', async () => {
		const page = await browser().newPage();
		const workers: string[] = [];
		page.on('worker', (worker) => workers.push(worker.url()));
		await page.goto(browser().url('/big-synthetic'));
		await graphSettled(page);
		expect(workers.some((url) => /graph-worker/.test(url))).toBe(true);
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.pressSequentially(quietLabel.slice(0, 8));
		// Scoped to the results: the legend's selects have options too.
		const results = page.getByRole('listbox', { name: 'Search results' });
		await expect(results.getByRole('option').first().innerText()).resolves.toContain(quietLabel.slice(0, 8));
		await search.fill(quietLabel);
		await search.press('Enter');
		await page.waitForURL(browser().url(`/big-synthetic/${quiet}`));
		await panelShows(page, quietLabel);
		expect(page.errors).toEqual([]);
	});

	// The browser tests run on SwiftShader, so a big graph is drawn lean: points, and the selection's relationships.
	it("draws only the selected entity's relationships without a graphics card, and says so", async () => {
		const page = await browser().newPage();
		const own = graph.edges(hub)[0] ?? '';
		const other =
			graph.findEdge((_key, _attributes, source, target) => source !== hub && target !== hub) ?? '';
		await page.goto(browser().url('/big-synthetic'));
		const note = page.getByText(
			'Drawn without a graphics card: relationships show for the selected entity only.'
		);
		await note.waitFor();
		await expect(isEdgeDrawn(page, own)).resolves.toBe(false);
		await expect(isEdgeDrawn(page, other)).resolves.toBe(false);
		await expect(isDrawn(page, hub)).resolves.toBe(true);

		// After a drag and a zoom, a click finds the hub where it is drawn now (hit-testing follows the camera).
		const start = await nodePosition(page, hub);
		await page.mouse.move(start.x + 30, start.y + 30);
		await page.mouse.down();
		for (let i = 1; i <= 5; i++) await page.mouse.move(start.x + 30 + i * 20, start.y + 30 + i * 10);
		await page.mouse.up();
		await page.mouse.wheel(0, -120);
		await page.waitForTimeout(600);
		const at = await nodePosition(page, hub);
		expect(at).not.toEqual(start);
		await page.mouse.click(at.x, at.y);
		await page.waitForURL(browser().url(`/big-synthetic/${hub}`));
		await panelShows(page, graph.getNodeAttribute(hub, 'label'));
		await expect.poll(() => isEdgeDrawn(page, own)).toBe(true);
		await expect(isEdgeDrawn(page, other)).resolves.toBe(false);

		// The flagship graph is small: everything drawn, no note.
		await page.goto(browser().url('/india-russia'));
		await graphSettled(page);
		await expect(isEdgeDrawn(page, 'narendra-modi-meets-vladimir-putin')).resolves.toBe(true);
		await expect(note.count()).resolves.toBe(0);
		expect(page.errors).toEqual([]);
	});

	// A lean drawing finds the entity under the pointer from the positions (no picking pass).
	it('opens the small entity clicked, and nothing for a click on empty canvas', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/big-synthetic'));
		await graphSettled(page);
		const box = await page.locator('canvas').first().boundingBox();
		if (!box) throw new Error('no canvas');
		// The stage padding keeps the corner clear of entities.
		await page.mouse.click(box.x + 4, box.y + 4);
		await page.waitForTimeout(300);
		expect(page.url()).toBe(browser().url('/big-synthetic'));
		const at = await nodePosition(page, quiet);
		await page.mouse.click(at.x, at.y);
		await page.waitForURL(browser().url(`/big-synthetic/${quiet}`));
		await panelShows(page, quietLabel);
		expect(page.errors).toEqual([]);
	});

	it('fades nothing on hover, and draws the selected entity highlighted', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/big-synthetic'));
		const far = graph.nodes().find((key) => key !== hub && !graph.areNeighbors(key, hub)) ?? '';
		const before = await nodeDisplay(page, far);
		const at = await nodePosition(page, hub);
		await page.mouse.move(at.x, at.y);
		await page.waitForTimeout(300);
		await expect(nodeDisplay(page, far)).resolves.toEqual(before);
		await page.mouse.click(at.x, at.y);
		await page.waitForURL(browser().url(`/big-synthetic/${hub}`));
		await panelShows(page, graph.getNodeAttribute(hub, 'label'));
		await expect(nodeDisplay(page, hub)).resolves.toMatchObject({ hidden: false });
		expect(page.errors).toEqual([]);
	});
});

describe('a graph drawn from its drawing file (npm test lowers DRAWING_FILE_RELATIONSHIPS to 300)', () => {
	const browser = useBrowser();
	/** An entity with a description and a neighbour, not the hub. */
	const [entity, neighbour] = (() => {
		const key = graph.nodes().find((candidate) => candidate !== hub && graph.degree(candidate) >= 2) ?? '';
		return [key, graph.neighbors(key)[0] ?? ''];
	})();
	const details = entityDetails(graph, entity);
	const claim = details?.groups[0]?.relations[0]?.claim ?? '';

	/** A page that lists the site's files it asks for, its workers' included. */
	async function recording(width?: number) {
		const page = await browser().newPage(width ? { width, height: 700 } : undefined);
		const asked: string[] = [];
		page.on('request', (request) => asked.push(new URL(request.url()).pathname));
		return { page, asked };
	}

	it("draws from the drawing file, never the whole graph file, and fetches an entity's details when it is opened", async () => {
		const { page, asked } = await recording();
		await page.goto(browser().url('/big-synthetic'));
		await graphSettled(page);
		expect(asked).toContain('/api/graphs/big-synthetic/drawing.bin');
		expect(asked.filter((path) => path.includes('/details/'))).toEqual([]);

		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill(details?.label ?? '?');
		await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
		await search.press('Enter');
		await page.waitForURL(browser().url(`/big-synthetic/${entity}`));
		await panelShows(page, details?.label ?? '?');
		const panel = page.getByRole('complementary', { name: 'Details' });
		await expect(panel.locator('p.description').innerText()).resolves.toBe(details?.description);
		await expect(panel.getByText(claim, { exact: true }).first().isVisible()).resolves.toBe(true);
		expect(asked.filter((path) => path.includes('/details/')).length).toBeGreaterThan(0);
		expect(asked).not.toContain('/api/graphs/big-synthetic.json');

		// Its neighbour's details were fetched ahead: opening it asks for no shard that was not asked for already.
		await page.waitForTimeout(500);
		const before = new Set(asked);
		await panel
			.getByRole('link', { name: graph.getNodeAttribute(neighbour, 'label'), exact: true })
			.first()
			.click();
		await page.waitForURL(browser().url(`/big-synthetic/${neighbour}`));
		await panelShows(page, graph.getNodeAttribute(neighbour, 'label'));
		await expect(panel.locator('p.description').innerText()).resolves.toBe(
			graph.getNodeAttribute(neighbour, 'description')
		);
		expect(asked.filter((path) => path.includes('/details/') && !before.has(path))).toEqual([]);
		expect(page.errors).toEqual([]);
	});

	it('fetches the details of the search result Enter would open once the reader pauses on it', async () => {
		const { page, asked } = await recording();
		await page.goto(browser().url('/big-synthetic'));
		await graphSettled(page);
		const shard = `/api/graphs/big-synthetic/details/${detailShard(entity, shardCount(graph.order))}.json`;
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill(details?.label ?? '?');
		await page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first().waitFor();
		// Before Enter: the best match's shard, and no other.
		await expect.poll(() => asked.filter((path) => path.includes('/details/'))).toEqual([shard]);
		await search.press('Enter');
		await page.waitForURL(browser().url(`/big-synthetic/${entity}`));
		const panel = page.getByRole('complementary', { name: 'Details' });
		await expect(panel.locator('p.description').innerText()).resolves.toBe(details?.description);
		expect(asked.filter((path) => path === shard)).toHaveLength(1);
		expect(page.errors).toEqual([]);
	});

	it('opens at an entity address with its description, and in an embed, which fills it in', async () => {
		for (const address of [`/big-synthetic/${entity}`, `/embed/big-synthetic/${entity}`]) {
			const { page, asked } = await recording();
			await page.goto(browser().url(address));
			await page.getByRole('heading', { level: 1, name: details?.label, exact: true }).waitFor();
			await page.locator('article.entity p.description').waitFor();
			await expect(page.locator('article.entity p.description').innerText()).resolves.toBe(
				details?.description
			);
			expect(asked, address).not.toContain('/api/graphs/big-synthetic.json');
			expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
		}
	});

	it('searches the words of claims and descriptions, read when the reader first searches', async () => {
		const { page, asked } = await recording();
		// The texts arrive after the last keystroke, so that the query in the field is first answered from names.
		let typed = () => {};
		const done = new Promise<void>((resolve) => (typed = resolve));
		await page.route(browser().url('/api/graphs/big-synthetic/search-texts.json'), async (route) => {
			await done;
			await route.continue();
		});
		await page.goto(browser().url('/big-synthetic'));
		await graphSettled(page);
		expect(asked).not.toContain('/api/graphs/big-synthetic/search-texts.json');
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.pressSequentially('coastal', { delay: 30 });
		const results = page.getByRole('listbox', { name: 'Search results' });
		// No name has the word: nothing matches, or suggestions of names.
		await page
			.getByText(/(Nothing|No entity) matches “coastal”/)
			.first()
			.waitFor({ state: 'attached' });
		typed();
		await expect.poll(() => asked.includes('/api/graphs/big-synthetic/search-texts.json')).toBe(true);
		// The first answer came from the names alone ("coastal" is in descriptions only); the list shows the
		// answer from every text once the worker has indexed them, without another keystroke.
		await expect
			.poll(() => results.getByRole('option').first().innerText(), { timeout: 10_000 })
			.toMatch(/coastal/i);
		expect(page.errors).toEqual([]);
	});

	it("exports a view with every entity's and relationship's details, fetched for the file", async () => {
		const { page, asked } = await recording();
		await page.goto(browser().url(`/big-synthetic/${entity}?depth=1`));
		await panelShows(page, details?.label ?? '?');
		await graphSettled(page);
		const [json] = await exportBy(page, 'JSON');
		const file = JSON.parse(readFileSync((await json?.path()) as string, 'utf8')) as GraphFile;
		const around = new Set([entity, ...graph.neighbors(entity)]);
		expect(new Set(file.nodes.map((node) => node.key))).toEqual(around);
		for (const node of file.nodes)
			expect(node.attributes.description, node.key).toBe(graph.getNodeAttribute(node.key, 'description'));
		expect(file.edges.length).toBeGreaterThan(0);
		for (const edge of file.edges) {
			const key = edge.key ?? '';
			expect(edge.attributes.claim, key).toBe(graph.getEdgeAttribute(key, 'claim'));
			expect(edge.attributes.evidence, key).toEqual(graph.getEdgeAttribute(key, 'evidence'));
		}
		expect(asked).not.toContain('/api/graphs/big-synthetic.json');
		// The only error is the static host's 404 status for the entity's address.
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it("shows the claims of a path's relationships on the connect page, fetched once the path is found", async () => {
		const { page, asked } = await recording();
		await page.goto(browser().url(`/big-synthetic/connect?from=${entity}&to=${neighbour}`));
		const between = graph.edges(entity, neighbour)[0] ?? graph.edges(neighbour, entity)[0] ?? '';
		const relation = page.locator(`[data-edge="${between}"]`).first();
		await relation.waitFor();
		await expect.poll(() => relation.innerText()).toContain(graph.getEdgeAttribute(between, 'claim') ?? '?');
		expect(asked.filter((path) => path.includes('/details/')).length).toBeGreaterThan(0);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('says so in the panel when the details do not load, keeps the relationships, and loads them on "Try again"', async () => {
		const { page } = await recording();
		await page.route(browser().url('/api/graphs/big-synthetic/details/*'), (route) =>
			route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal error' })
		);
		await page.goto(browser().url(`/big-synthetic/${entity}`));
		await panelShows(page, details?.label ?? '?');
		const panel = page.getByRole('complementary', { name: 'Details' });
		const alert = panel.getByRole('alert');
		await expect(alert.innerText()).resolves.toMatch(
			/description, attributes and the claims of its relationships could not be loaded: the server answered with an error/
		);
		await expect(panelSentences(page)).resolves.toHaveLength(graph.degree(entity));
		await expect(panel.locator('p.description').count()).resolves.toBe(0);

		await page.unroute(browser().url('/api/graphs/big-synthetic/details/*'));
		await alert.getByRole('button', { name: 'Try again' }).click();
		await panel.locator('p.description').waitFor();
		await expect(panel.locator('p.description').innerText()).resolves.toBe(details?.description);
		await expect(alert.count()).resolves.toBe(0);
	});
});
