/**
 * Opening a graph file in the browser, as a reader with a file in hand: through the file input on the home page,
 * read in a worker, kept in the browser (IndexedDB) under /local/<name>, explored like any graph, kept across a
 * reload, and forgotten when removed. Files that cannot be opened say why, as `npm run validate` would.
 */
import { describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { entityDetails } from '../../src/lib/graph/query';
import { allGraphs } from '../../src/lib/server/graphs';
import { useBrowser } from './browser';
import { graphSettled, nodePosition, panelHeading, panelShows } from './graph-page';

const GEXF = 'tests/fixtures/graphs/les-miserables.gexf';
const CSV = ['tests/fixtures/graphs/tea-routes.edges.csv', 'tests/fixtures/graphs/tea-routes.nodes.csv'];

/**
 * Goes to the `home` page and chooses a graph file `name` made here: `entities` entities n0, n1 … with the
 * attributes `attributes` gives each, and `relationships` relationships spread over them.
 */
async function chooseGenerated(
	page: Page,
	home: string,
	name: string,
	entities: number,
	relationships: number,
	attributes: (i: number) => Record<string, unknown>
): Promise<void> {
	const nodes = Array.from({ length: entities }, (_, i) => ({ key: `n${i}`, attributes: attributes(i) }));
	const edges = Array.from({ length: relationships }, (_, i) => ({
		source: `n${i % entities}`,
		target: `n${(i * 7 + 1) % entities}`
	}));
	await page.goto(home);
	await page.getByLabel('Choose a file…').setInputFiles({
		name,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify({ options: { multi: true }, nodes, edges }))
	});
}

/** Counts the records of the browser's store `store` of kept graphs, or clears it (its answer). */
function inStore(page: Page, store: string, work: 'count' | 'clear'): Promise<unknown> {
	return page.evaluate(
		([store, work]) =>
			new Promise<unknown>((done, fail) => {
				const request = indexedDB.open('knowledge-graph-explorer');
				request.onerror = () => fail(request.error);
				request.onsuccess = () => {
					const tx = request.result.transaction(store, 'readwrite');
					const asked = work === 'count' ? tx.objectStore(store).count() : tx.objectStore(store).clear();
					tx.oncomplete = () => {
						request.result.close();
						done(asked.result);
					};
				};
			}),
		[store, work] as const
	);
}

describe('opening a graph file in the browser', () => {
	const browser = useBrowser();

	it('opens a GEXF through the file input, explores it, keeps it across a reload, and removes it', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await expect(page.getByText('nothing is uploaded').count()).resolves.toBe(1);
		await page.getByLabel('Choose a file…').setInputFiles(GEXF);
		await page.waitForURL(browser().url('/local/les-miserables'));
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Les miserables');
		await graphSettled(page);
		const { x, y } = await nodePosition(page, '11');
		await page.mouse.click(x, y);
		await page.waitForURL(browser().url('/local/les-miserables/11'));
		await expect(panelHeading(page).innerText()).resolves.toBe('Valjean');

		// Reload: the static host answers with 404.html, which opens the kept graph again at the same address.
		await page.reload();
		await page.waitForURL(browser().url('/local/les-miserables/11'));
		await expect(panelHeading(page).innerText()).resolves.toBe('Valjean');
		await graphSettled(page);

		await page.goto(browser().url('/'));
		const kept = page.getByRole('list', { name: 'Your graphs' });
		await kept.getByRole('link').first().waitFor();
		await expect(kept.getByRole('link').allInnerTexts()).resolves.toEqual(['Les miserables']);
		await kept.getByRole('button', { name: 'Remove Les miserables' }).click();
		await page.getByRole('list', { name: 'Your graphs' }).waitFor({ state: 'detached' });
		await page.goto(browser().url('/local/les-miserables'));
		await page.getByText('This browser keeps no graph called “les-miserables”').waitFor();
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('opens a file chosen before the page’s script ran, once it runs', async () => {
		const page = await browser().newPage();
		// A slow connection: the page's modules arrive after the reader has chosen a file.
		let release = () => {};
		const arrived = new Promise<void>((done) => (release = done));
		await page.route('**/_app/immutable/**', async (route) => {
			await arrived;
			await route.continue();
		});
		await page.goto(browser().url('/'), { waitUntil: 'commit' });
		await page.getByLabel('Choose a file…').setInputFiles(GEXF);
		release();
		await page.waitForURL(browser().url('/local/les-miserables'));
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Les miserables');
	});

	it('answers an address deeper than any graph’s with "Not found", once, without reloading again and again', async () => {
		const page = await browser().newPage();
		let loads = 0;
		page.on('load', () => loads++);
		await page.goto(browser().url('/local/les-miserables/11/more/segments'));
		await page.getByRole('heading', { name: 'Not found' }).waitFor();
		await page.waitForTimeout(500);
		expect(loads).toBe(1);
	});

	it('opens a CSV pair chosen together, with its attributes', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles(CSV);
		await page.waitForURL(browser().url('/local/tea-routes'));
		await page.goto(browser().url('/local/tea-routes/mombasa'));
		await expect(panelHeading(page).innerText()).resolves.toBe('Mombasa Tea Auction');
		const data = page.getByRole('complementary', { name: 'Details' }).locator('dl.data').first();
		await expect(data.innerText()).resolves.toMatch(/Country\s+Kenya/);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('opens a file with problems it can repair, and shows what reading it warned of', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'dangling.json',
			mimeType: 'application/json',
			buffer: Buffer.from(
				JSON.stringify({
					nodes: [{ key: 'a', attributes: { label: 'A' } }],
					edges: [{ source: 'a', target: 'b' }]
				})
			)
		});
		await page.waitForURL(browser().url('/local/dangling'));
		const warned = page.getByText(/Reading it warned of \d+ things?/);
		await warned.click();
		await expect(page.locator('.problems').innerText()).resolves.toContain(
			'warning: dangling.json: 1 relationship names an entity the file does not have; it was added (first: edge #0 › target "b")'
		);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Dangling');
	});

	it('lists the problems of a file that is not a graph, and stays usable', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'broken.gexf',
			mimeType: 'application/xml',
			buffer: Buffer.from('<gexf><graph><nodes><node id="a"></nodes></graph></gexf>')
		});
		const alert = page.getByRole('alert');
		await expect(alert.innerText()).resolves.toMatch(/broken\.gexf could not be opened \(1 problem\)/);
		await expect(alert.innerText()).resolves.toMatch(/broken\.gexf: .* at line 1/);
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'list.json',
			mimeType: 'application/json',
			buffer: Buffer.from('[1, 2, 3]')
		});
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(/list\.json/);
		expect(page.url()).toBe(browser().url('/'));
	});
});

describe('opening a big graph file in the browser', () => {
	const browser = useBrowser();
	// 400 relationships: above the 300 from which npm test's build draws a graph from its drawing.
	const BIG = 'tests/fixtures/graphs/big-synthetic.json';
	const graph = allGraphs().get('big-synthetic');
	if (!graph) throw new Error('npm test builds tests/fixtures/graphs/big-synthetic.json');
	const entity =
		graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a) || a.localeCompare(b))[0] ?? '';
	const label = graph.getNodeAttribute(entity, 'label');
	const description = graph.getNodeAttribute(entity, 'description');
	// The first relationship the panel lists (the others may be folded).
	const claim = entityDetails(graph, entity)?.groups[0]?.relations[0]?.claim ?? '?';

	/** The page's workers whose script's name holds `name`, as they start; `closed` those that stopped. */
	const watchWorkers = (page: { on(event: 'worker', listener: (worker: Worker) => void): unknown }) => {
		const started: Worker[] = [];
		const closed = new Set<Worker>();
		page.on('worker', (worker) => {
			started.push(worker);
			worker.on('close', () => closed.add(worker));
		});
		const named = (name: string) => started.filter((worker) => worker.url().includes(name));
		return { named, closed, clear: () => (started.length = 0) };
	};

	it('is held by the worker that opened it, which hands the page its drawing, details and searches', async () => {
		const page = await browser().newPage();
		const workers = watchWorkers(page);
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles(BIG);
		await page.waitForURL(browser().url('/local/big-synthetic'));
		await graphSettled(page);
		// A small graph's opening worker stops once it has handed the graph over; this one holds the graph.
		const [opener] = workers.named('open-worker');
		expect(opener).toBeDefined();
		expect(workers.closed.has(opener as Worker)).toBe(false);
		expect(workers.named('graph-worker')).toEqual([]);
		// It keeps the graph once it is drawn; the page's note then says where it came from.
		await page.getByText('Opened from big-synthetic.json').waitFor();

		// Its search finds a word of descriptions only, once the worker has indexed them.
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.pressSequentially('coastal', { delay: 30 });
		const results = page.getByRole('listbox', { name: 'Search results' });
		await expect.poll(() => results.getByRole('option').first().innerText()).toMatch(/coastal/i);
		await search.fill(label);
		await results
			.getByRole('option', { name: new RegExp(`^${label}`) })
			.first()
			.waitFor();
		await search.press('Enter');
		await page.waitForURL(browser().url(`/local/big-synthetic/${entity}`));
		await panelShows(page, label);
		const panel = page.getByRole('complementary', { name: 'Details' });
		await expect(panel.locator('p.description').innerText()).resolves.toBe(description);
		await expect(panel.getByText(claim, { exact: true }).first().isVisible()).resolves.toBe(true);

		// Read back from where the browser keeps it, by a graph worker of its own: the same path.
		workers.clear();
		await page.reload();
		await panelShows(page, label);
		await expect(panel.locator('p.description').innerText()).resolves.toBe(description);
		expect(workers.named('graph-worker')).toHaveLength(1);

		// Kept by an explorer before drawings were kept with a big graph: drawn from its data, and its drawing kept.
		await expect(inStore(page, 'drawn', 'count')).resolves.toBe(1);
		await inStore(page, 'drawn', 'clear');
		await expect(inStore(page, 'drawn', 'count')).resolves.toBe(0);
		workers.clear();
		await page.reload();
		await panelShows(page, label);
		await expect(panel.locator('p.description').innerText()).resolves.toBe(description);
		await expect.poll(() => inStore(page, 'drawn', 'count')).toBe(1);
		const [reader] = workers.named('graph-worker');
		expect(reader).toBeDefined();

		// Removed, it is let go of: its worker stops.
		await page.getByRole('link', { name: 'Knowledge Graph Explorer' }).click();
		const kept = page.getByRole('list', { name: 'Your graphs' });
		await kept.getByRole('button', { name: /^Remove / }).click();
		await kept.waitFor({ state: 'detached' });
		await expect.poll(() => workers.closed.has(reader as Worker)).toBe(true);
		await expect(inStore(page, 'drawn', 'count')).resolves.toBe(0);
		// The reload's 404 is the static host's answer for /local/…, which 404.html turns into the page.
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});
});

describe('opening a graph too big for one record of the browser’s store', () => {
	const browser = useBrowser();

	it('keeps it in parts, and reads it back whole after a reload', async () => {
		// 10,500 relationships: above the 10,000 a record of the store holds.
		const page = await browser().newPage();
		await chooseGenerated(page, browser().url('/'), 'parts.json', 1_000, 10_500, (i) => ({
			label: `Entity ${i}`,
			description: `The entity numbered ${i}.`,
			x: i % 40,
			y: i / 40
		}));
		await page.waitForURL(browser().url('/local/parts'));
		await page.getByText('Opened from parts.json').waitFor();
		// One part of entities, two of relationships.
		await expect(inStore(page, 'parts', 'count')).resolves.toBe(3);

		await page.goto(browser().url('/local/parts/n999'));
		await panelShows(page, 'Entity 999');
		const panel = page.getByRole('complementary', { name: 'Details' });
		await expect(panel.locator('p.description').innerText()).resolves.toBe('The entity numbered 999.');
		await page.goto(browser().url('/local/parts'));
		await page.getByText('1,000 entities · 10,500 relationships').waitFor();

		await page.goto(browser().url('/'));
		await page.getByRole('button', { name: 'Remove parts' }).click();
		await page.getByRole('list', { name: 'Your graphs' }).waitFor({ state: 'detached' });
		await expect(inStore(page, 'parts', 'count')).resolves.toBe(0);
	});
});

describe('opening a big graph file that cannot be drawn', () => {
	const browser = useBrowser();

	it('says why, rather than waiting for ever, and keeps nothing', async () => {
		// A graph the drawing file cannot hold (a name with a 0 character), above npm test's 300 relationships.
		const page = await browser().newPage();
		await chooseGenerated(page, browser().url('/'), 'zero.json', 40, 320, (i) => ({
			label: i === 0 ? 'Zero\u0000name' : `Entity ${i}`
		}));
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(
			/zero\.json: could not be opened: The graph could not be drawn: .*0 character/
		);
		expect(page.url()).toBe(browser().url('/'));
		await expect(page.getByRole('list', { name: 'Your graphs' }).count()).resolves.toBe(0);
	});
});

describe('opening a graph file when the browser gets in the way', () => {
	const browser = useBrowser();

	it('opens the graph for this page where the browser keeps no data (no IndexedDB), and says so', async () => {
		const page = await browser().newPage();
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { get: () => undefined });
		});
		await page.goto(browser().url('/'));
		await page.getByText('This browser cannot keep graphs').waitFor();
		await page.getByLabel('Choose a file…').setInputFiles(GEXF);
		await page.waitForURL(browser().url('/local/les-miserables'));
		await graphSettled(page);
		await page.getByText('This browser could not keep the graph').waitFor();
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Les miserables');
		// Gone with the page, as the message said; the address then says so.
		await page.reload();
		await page.getByText('This browser keeps no graph called “les-miserables”').waitFor();
	});

	it('says the reading stopped when the worker fails, and the page goes on working', async () => {
		const page = await browser().newPage();
		await page.addInitScript(() => {
			// A worker that dies at once, as one does when the tab runs out of memory.
			class FailingWorker extends EventTarget {
				onerror: ((event: ErrorEvent) => void) | null = null;
				onmessage: ((event: MessageEvent) => void) | null = null;
				postMessage() {
					setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'out of memory' })), 10);
				}
				terminate() {}
			}
			Object.defineProperty(window, 'Worker', { value: FailingWorker });
		});
		await page.goto(browser().url('/'));
		await page.getByLabel('Choose a file…').setInputFiles(GEXF);
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(
			/les-miserables\.gexf could not be opened \(1 problem\):\s+les-miserables\.gexf: could not be opened: the reading stopped \(out of memory\)/
		);
		expect(page.url()).toBe(browser().url('/'));
		// Choosing again works as before.
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'not-a-graph.png',
			mimeType: 'image/png',
			buffer: Buffer.from('png')
		});
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(/not-a-graph\.png/);
	});
});
