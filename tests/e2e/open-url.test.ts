/**
 * Opening a graph file from another site by its address (/open?url=…), as the test build allows for
 * http://127.0.0.1:* (OPEN_ORIGINS): a second server on another port plays the other site, with and without CORS.
 * The graph's address names the file, so a link to one of its entities opens it in a browser that never saw it.
 * Each way a fetch fails gets its own plain message.
 */
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { graphSettled, nodePosition, panelHeading } from './graph-page';

const GEXF = readFileSync('tests/fixtures/graphs/les-miserables.gexf');
/** 400 relationships: above the 300 from which npm test's build draws a graph from its drawing. */
const BIG = readFileSync('tests/fixtures/graphs/big-synthetic.json');
/** How many times the other site was asked for each path. */
const asked = new Map<string, number>();

let other: Server;
let origin = '';

beforeAll(async () => {
	other = createServer((request, response) => {
		const path = request.url ?? '/';
		asked.set(path, (asked.get(path) ?? 0) + 1);
		const cors = path.startsWith('/cors/') ? { 'access-control-allow-origin': '*' } : {};
		if (path === '/cors/big-synthetic.json') {
			response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(BIG);
		} else if (path.endsWith('/les-miserables.gexf')) {
			response.writeHead(200, { ...cors, 'content-type': 'application/gexf+xml' }).end(GEXF);
		} else if (path === '/cors/page') {
			response.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<h1>Hello</h1>');
		} else if (path === '/cors/huge.gexf') {
			response.writeHead(200, {
				...cors,
				'content-type': 'application/gexf+xml',
				'content-length': 300 * 1024 * 1024
			});
			response.write('<gexf>');
			setTimeout(() => response.destroy(), 100);
		} else {
			response.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('no');
		}
	});
	await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => other.close(() => done())));

describe('opening a graph file by its address', () => {
	const browser = useBrowser();
	const open = (url: string) => browser().url(`/open?url=${encodeURIComponent(url)}`);

	it('fetches a file another site shares (CORS), explores it, and a link to an entity opens it anywhere', async () => {
		const page = await browser().newPage();
		const file = `${origin}/cors/les-miserables.gexf`;
		const home = browser().url(`/open/${encodeURIComponent(file)}`);
		await page.goto(open(file));
		await page.waitForURL(home);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Les miserables');
		await page.getByText('This address names the file').waitFor();
		await graphSettled(page);
		const { x, y } = await nodePosition(page, '11');
		await page.mouse.click(x, y);
		await page.waitForURL(`${home}/11`);
		await expect(panelHeading(page).innerText()).resolves.toBe('Valjean');

		// Someone else opens that link: their browser keeps nothing yet, so it fetches the file and comes back.
		await page.evaluate(
			() =>
				new Promise<void>((done) => {
					const request = indexedDB.deleteDatabase('knowledge-graph-explorer');
					request.onsuccess = request.onerror = request.onblocked = () => done();
				})
		);
		const other = await browser().newPage();
		await other.goto(`${home}/11`);
		await other.waitForURL(`${home}/11`);
		await expect(panelHeading(other).innerText()).resolves.toBe('Valjean');
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
		expect(other.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('keeps a big graph from the web, held by a worker, and reads it back from the browser on a reload', async () => {
		const page = await browser().newPage();
		const file = `${origin}/cors/big-synthetic.json`;
		const home = browser().url(`/open/${encodeURIComponent(file)}`);
		await page.goto(open(file));
		await page.waitForURL(home);
		await graphSettled(page);
		// Its note waits for the worker to have kept it.
		await page.getByText('This address names the file').waitFor();
		expect(asked.get('/cors/big-synthetic.json')).toBe(1);
		await page.reload();
		await graphSettled(page);
		await page.getByText('This address names the file').waitFor();
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
			'Synthetic graph, 150 entities'
		);
		// Read back from where the browser keeps it, not fetched again.
		expect(asked.get('/cors/big-synthetic.json')).toBe(1);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('embeds a view of a graph from the web: the frame fetches the file itself', async () => {
		const file = `${origin}/cors/les-miserables.gexf`;
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		await page.evaluate(
			() =>
				new Promise<void>((done) => {
					const request = indexedDB.deleteDatabase('knowledge-graph-explorer');
					request.onsuccess = request.onerror = request.onblocked = () => done();
				})
		);
		await page.goto(browser().url(`/embed/open/${encodeURIComponent(file)}/11`));
		await page.getByRole('heading', { level: 1, name: 'Valjean' }).waitFor();
		await graphSettled(page);
		// "Embed this view" in the explorer of that graph gives this frame's address.
		const explorer = await browser().newPage();
		await explorer.goto(browser().url(`/open/${encodeURIComponent(file)}/11`));
		await graphSettled(explorer);
		await explorer.getByRole('button', { name: 'Embed this view' }).click();
		const snippet = await explorer.locator('#embed-snippet').inputValue();
		expect(snippet).toContain(`/embed/open/${encodeURIComponent(file)}/11`);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	it('opens the address typed into the page’s form, and a second one after it', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/open'));
		const field = page.getByRole('textbox', { name: /Address of a GEXF/ });
		await field.fill(`${origin}/cors/missing.gexf`);
		await page.getByRole('button', { name: 'Open', exact: true }).click();
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(/404 Not Found/);
		const file = `${origin}/cors/les-miserables.gexf`;
		await field.fill(file);
		await page.getByRole('button', { name: 'Open', exact: true }).click();
		await page.waitForURL(browser().url(`/open/${encodeURIComponent(file)}`));
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Les miserables');
	});

	it('keeps only addresses of the graph from a shared link’s view', async () => {
		const page = await browser().newPage();
		const file = `${origin}/cors/les-miserables.gexf`;
		const home = browser().url(`/open/${encodeURIComponent(file)}`);
		await page.goto(`${open(file)}&then=${encodeURIComponent('/../../embed/india-russia')}`);
		await page.waitForURL(home);
	});

	for (const [name, path, wanted] of [
		[
			'a server that does not share its files (no CORS)',
			'/no-cors/les-miserables.gexf',
			/does not let other sites read its files \(CORS\)/
		],
		['a file that is not there', '/cors/missing.gexf', /the server answered 404 Not Found/],
		['a web page instead of a file', '/cors/page', /is a web page \(text\/html\), not a graph file/],
		[
			'a file over the size cap',
			'/cors/huge.gexf',
			/The file is 300 MB; the explorer opens files of up to 256 MB/
		]
	] as const) {
		it(`says why it cannot open ${name}`, async () => {
			const page = await browser().newPage();
			await page.goto(open(`${origin}${path}`));
			await expect(page.getByRole('alert').innerText()).resolves.toMatch(wanted);
			await expect(page.getByRole('textbox', { name: /Address of a GEXF/ }).inputValue()).resolves.toBe(
				`${origin}${path}`
			);
		});
	}

	it('fetches nothing from a site the build does not allow, and says which it allows', async () => {
		const page = await browser().newPage();
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		const elsewhere = origin.replace('127.0.0.1', 'localhost');
		await page.goto(open(`${elsewhere}/cors/les-miserables.gexf`));
		await expect(page.getByRole('alert').innerText()).resolves.toMatch(
			/opens graph files only from .*http:\/\/127\.0\.0\.1:\*; http:\/\/localhost:\d+ is not among them/
		);
		expect(requests.filter((url) => url.startsWith(elsewhere))).toEqual([]);
	});
});
