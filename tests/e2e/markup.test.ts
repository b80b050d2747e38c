/**
 * Text is text: a graph whose every free-text field is hostile markup (tests/fixtures/graphs/markup.json: `<img
 * onerror>`, `<script>`, `<svg onload>`, `"><b>`, `</title><script>`, `{@html x}`, entities, `javascript:` text,
 * quotes and backslashes) renders as visible text, exactly as written, on every kind of page, with and without
 * JavaScript, in the page's title and meta tags, in search results, on hover, in the "Embed this view" snippet and
 * in the JSON API; no element from the data exists, nothing from it runs, no dialog opens.
 *
 * The browser ignores the Content-Security-Policy here (`bypassCSP`): the policy would stop injected script
 * anyway, and these tests must fail on a rendering that lets markup through even when the policy would save it.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedSnippet } from '../../src/lib/explorer/embed-snippet';
import { type KnowledgeGraph, exportGraph } from '../../src/lib/graph/build';
import { citedSections } from '../../src/lib/graph/citations';
import { entityDetails, evidenceBySource, groupPhrase } from '../../src/lib/graph/query';
import { allGraphs } from '../../src/lib/server/graphs';
import { type Browser, useBrowser } from './browser';
import { expectSourcesList } from './entity-panel';
import { graphSettled, nodePosition, openLegend, panelHeading, panelShows, squash } from './graph-page';
import { type HostPage, startHostPage } from './host-page';

declare global {
	interface Window {
		/** What the fixture's payloads set when they run. */
		__pwned?: unknown;
	}
}

const GRAPH = 'markup';
const graph = allGraphs().get(GRAPH) as KnowledgeGraph;
if (!graph) throw new Error('npm run build:test builds tests/fixtures/graphs/markup.json');
const { title: TITLE, description: DESCRIPTION, sources: SOURCES } = graph.getAttributes();
const KEYS = graph.nodes();
const label = (key: string): string => graph.getNodeAttribute(key, 'label');
const sourceTitle = (id: string) => SOURCES.find((source) => source.id === id)?.title ?? id;

/** The fixture really is hostile: each payload is somewhere in it (guards against a fixture gone tame). */
const PAYLOADS = [
	'<img src=x onerror=',
	'<script>',
	'<svg onload=',
	'"><b>bold</b>',
	'</title><script>',
	'{@html x}'
];
const everyText = JSON.stringify(graph.export());
for (const payload of PAYLOADS) {
	if (!everyText.includes(JSON.stringify(payload).slice(1, -1)))
		throw new Error(`markup.json lacks ${payload}`);
}

/** What PageMeta writes into the description tags. */
const summary = (text: string) => (text.length > 300 ? `${text.slice(0, 297)}…` : text);
const escapeRegExp = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');

// ---------------------------------------------------------------------------------------------------------------
// What must never happen

interface Guard {
	dialogs: string[];
	/** Requests for `x`: the `src` of an injected `<img src=x>` (same-site, so the policy would let it load). */
	strays: string[];
	/** Uncaught exceptions and unhandled rejections. */
	pageErrors: string[];
}

function guard(page: Page): Guard {
	const seen: Guard = { dialogs: [], strays: [], pageErrors: [] };
	page.on('dialog', (dialog) => {
		seen.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss().catch(() => undefined);
	});
	page.on('request', (request) => {
		if (/\/x$/.test(new URL(request.url()).pathname)) seen.strays.push(request.url());
	});
	page.on('pageerror', (error) => seen.pageErrors.push(error.message));
	return seen;
}

/** Elements, attributes and effects that only markup from the data could have made, in one document. */
function injected(frame: Page | Frame): Promise<string[]> {
	return frame.evaluate(() => {
		const found: string[] = [];
		for (const element of document.querySelectorAll('*')) {
			for (const name of element.getAttributeNames()) {
				if (/^on/i.test(name)) found.push(`<${element.localName} ${name}>`);
			}
			const href = element.getAttribute('href') ?? element.getAttribute('src') ?? '';
			if (/^\s*javascript:/i.test(href)) found.push(`<${element.localName}> to ${href}`);
		}
		for (const element of document.querySelectorAll('img[src="x"], svg, b, i')) {
			if (element.closest('[data-testid="graph-canvas"]') && element.localName === 'svg') continue;
			found.push(element.outerHTML.slice(0, 80));
		}
		for (const script of document.querySelectorAll('script')) {
			if (/^\s*window\.__pwned/.test(script.textContent ?? '')) found.push(script.outerHTML.slice(0, 80));
		}
		if (window.__pwned !== undefined) found.push(`window.__pwned = ${String(window.__pwned)}`);
		return found;
	});
}

/** Nothing injected in the page or any of its frames, no dialog, no request for `x`, no uncaught error. */
async function expectClean(page: Page & { errors: string[] }, seen: Guard): Promise<void> {
	// Give an onerror/onload a moment to fire.
	await page.waitForTimeout(100);
	for (const frame of page.frames()) {
		if (frame.url().startsWith('http')) expect(await injected(frame), frame.url()).toEqual([]);
	}
	expect(seen.dialogs).toEqual([]);
	expect(seen.strays).toEqual([]);
	expect(seen.pageErrors).toEqual([]);
	// Console errors other than the browser's own report of a 404 (the not-found page) or a refused load.
	expect(page.errors.filter((error) => !/^Failed to load resource/.test(error))).toEqual([]);
}

/** The title, description and Open Graph tags of the page, as text. */
async function expectHead(
	page: Page | Frame,
	title: string,
	description: string,
	openGraph = true
): Promise<void> {
	await expect.poll(() => page.title()).toBe(title);
	const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute('content');
	await expect(meta('name="description"')).resolves.toBe(summary(description));
	if (!openGraph) return;
	await expect(meta('property="og:title"')).resolves.toBe(title);
	await expect(meta('property="og:description"')).resolves.toBe(summary(description));
}

// ---------------------------------------------------------------------------------------------------------------
// What must be there, as text

/**
 * The sentence, claim and evidence lines of a relationship, as a person reads them: in a path or an embed's
 * caption, each source's title with its sections; in an entity's page, which lists the sources at its end, only
 * the sections, each once.
 */
function relationText(edge: string, where: 'panel' | 'path') {
	const { label: verb, claim, evidence } = graph.getEdgeAttributes(edge);
	const sentence = `${label(graph.source(edge))} — ${verb} → ${label(graph.target(edge))}`;
	const lines =
		where === 'path'
			? evidenceBySource(evidence ?? []).map(
					([source, sections]) =>
						`${sourceTitle(source)} — ${sections.length === 1 ? 'section' : 'sections'} ${sections.map((s) => `“${s}”`).join(', ')}`
				)
			: [
					citedSections([{ evidence: evidence ?? [] }])
						.flatMap(([, sections]) => sections.map((section) => `§ ${section}`))
						.join(' · ')
				];
	return { sentence, claim, evidence: lines.map(squash) };
}

/** One relationship as listed in `scope` (a panel or a path). */
async function expectRelation(scope: Locator, edge: string, where: 'panel' | 'path'): Promise<void> {
	const expected = relationText(edge, where);
	const item = scope.locator(`[data-edge="${edge}"]`).first();
	await expect(item.locator('.sentence').textContent().then(squash)).resolves.toBe(expected.sentence);
	await expect(item.locator('.claim').textContent()).resolves.toBe(expected.claim);
	const evidence = (await item.locator('.evidence').allTextContents()).map(squash);
	expect(evidence).toEqual(expected.evidence);
}

/**
 * An entity's panel (explorer, page without JavaScript, embed caption): every text of it, exactly; its groups
 * named by what they say; on the entity's page, the sources it cites listed once at its end (an embed's caption
 * gives each relationship's sources under it instead).
 */
async function expectPanel(page: Page | Frame, key: string, where: 'page' | 'embed' = 'page'): Promise<void> {
	const details = entityDetails(graph, key);
	if (!details) throw new Error(key);
	const panel = page.locator(`article[data-entity="${key}"]`);
	await expect(panel.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(details.label);
	const text = squash(await panel.textContent());
	expect(text).toContain(details.typeLabel);
	if (details.aliases.length > 0) expect(text).toContain(`Also called: ${details.aliases.join(', ')}`);
	await expect(panel.locator('.description').textContent()).resolves.toBe(details.description);
	const headings = (await panel.getByRole('heading', { level: 3 }).allTextContents()).map(squash);
	expect(headings).toEqual(
		details.groups.map((group) => squash(`${groupPhrase(details.label, group)} (${group.relations.length})`))
	);
	for (const edge of new Set(graph.edges(key))) {
		await expectRelation(panel, edge, where === 'page' ? 'panel' : 'path');
	}
	if (where === 'page') await expectSourcesList(page, graph, key);
	else await expect(panel.locator('section.sources').count()).resolves.toBe(0);
}

/** Where each source links: its http(s) URL, exactly as the file has it; a source without one links nowhere. */
async function expectSourceLinks(page: Page): Promise<void> {
	for (const source of SOURCES) {
		const link = page.getByRole('link', { name: source.title, exact: true });
		if (source.url) {
			await expect(link.count(), `a link named ${source.title}`).resolves.toBeGreaterThan(0);
			await expect(link.first().getAttribute('href')).resolves.toBe(source.url);
			expect(source.url).toMatch(/^https:\/\//);
		} else {
			await expect(link.count()).resolves.toBe(0);
			await expect(page.locator('cite').getByText(source.title, { exact: true }).count()).resolves.toBe(1);
		}
		const text = squash(await page.locator('body').textContent());
		for (const part of [source.publisher, source.note]) if (part) expect(text).toContain(part);
	}
}

let host: HostPage | undefined;
afterEach(async () => {
	await host?.close();
	host = undefined;
});

/** Waits until the address is an entity page of the graph, and gives its key. */
async function openedEntity(page: Page): Promise<string> {
	const keyOf = (url: URL) =>
		url.pathname.startsWith(`/${GRAPH}/`) ? url.pathname.slice(GRAPH.length + 2) : '';
	await page.waitForURL((url) => KEYS.includes(keyOf(url)));
	return keyOf(new URL(page.url()));
}

async function open(browser: Browser, path: string) {
	const page = await browser.newPage();
	const seen = guard(page);
	const response = await page.goto(browser.url(path));
	return { page, seen, status: response?.status() };
}

// ---------------------------------------------------------------------------------------------------------------

describe('hostile markup in the data, with JavaScript', () => {
	const browser = useBrowser('desktop', { bypassCSP: true });

	it('home page: the graph title, description and sources are text; the source links to its https URL', async () => {
		const { page, seen } = await open(browser(), '/');
		const item = page
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: TITLE, exact: true }) });
		await expect(item.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(TITLE);
		await expect(item.getByText(DESCRIPTION, { exact: true }).count()).resolves.toBe(1);
		await expectSourceLinks(page);
		await expectClean(page, seen);
	});

	it('graph overview: title, description, sources, entity lists, legend and head tags are text', async () => {
		const { page, seen, status } = await open(browser(), `/${GRAPH}`);
		expect(status).toBe(200);
		await graphSettled(page);
		await panelShows(page, TITLE);
		await expect(panelHeading(page).textContent()).resolves.toBe(TITLE);
		const panel = page.getByRole('complementary', { name: 'Details' });
		await expect(panel.getByText(DESCRIPTION, { exact: true }).count()).resolves.toBe(1);
		await expect(
			panel.getByRole('navigation', { name: 'Breadcrumb' }).textContent().then(squash)
		).resolves.toBe(`Graphs › ${TITLE}`);
		await expectSourceLinks(page);
		// Every entity is listed by its name, under its type's name, and links to its page.
		for (const key of KEYS) {
			const links = panel.getByRole('link', { name: label(key), exact: true });
			await expect(links.first().getAttribute('href')).resolves.toBe(`/${GRAPH}/${key}`);
		}
		const headings = (await panel.getByRole('heading', { level: 3 }).allTextContents()).map(squash);
		for (const { label: typeLabel } of Object.values(graph.getAttribute('nodeTypes'))) {
			expect(headings.some((heading) => heading.startsWith(typeLabel))).toBe(true);
		}
		// The legend names every entity and relationship type.
		await openLegend(page);
		for (const [type, { label: typeLabel }] of Object.entries(graph.getAttribute('nodeTypes'))) {
			const button = page.locator(`button[data-node-type="${type}"]`);
			await expect(button.textContent().then(squash)).resolves.toMatch(
				new RegExp(`^${escapeRegExp(typeLabel)} \\d+$`)
			);
		}
		for (const [type, { label: typeLabel }] of Object.entries(graph.getAttribute('edgeTypes'))) {
			const button = page.locator(`button[data-edge-type="${type}"]`);
			await expect(button.textContent().then(squash)).resolves.toMatch(
				new RegExp(`^${escapeRegExp(typeLabel)} \\d+$`)
			);
		}
		await expectHead(page, `${TITLE} · Knowledge Graph Explorer`, DESCRIPTION);
		await expectClean(page, seen);
	});

	it('graph overview coloured by community: the communities are named by their hub, as text', async () => {
		const { page, seen } = await open(browser(), `/${GRAPH}?color=community`);
		await graphSettled(page);
		await openLegend(page);
		const metrics = (await (await fetch(browser().url(`/api/graphs/${GRAPH}/metrics.json`))).json()) as {
			communities: { size: number; hub: string }[];
		};
		const items = page.getByRole('list', { name: 'Communities' }).getByRole('listitem');
		await items.first().waitFor();
		const texts = (await items.allTextContents()).map(squash);
		expect(texts).toEqual(metrics.communities.map(({ hub, size }) => `around ${label(hub)} ${size}`));
		await expectClean(page, seen);
	});

	it('entity pages: every entity, opened by its address, shows its texts exactly, and its head tags', async () => {
		for (const key of KEYS) {
			const { page, seen, status } = await open(browser(), `/${GRAPH}/${key}`);
			expect(status).toBe(200);
			await graphSettled(page);
			await expectPanel(page, key);
			const details = entityDetails(graph, key);
			await expectHead(page, `${label(key)} · ${TITLE}`, details?.description ?? '');
			await expect(page.locator('meta[property="og:type"]').getAttribute('content')).resolves.toBe('article');
			await expect(
				page.getByRole('navigation', { name: 'Breadcrumb' }).textContent().then(squash)
			).resolves.toBe(`Graphs › ${TITLE}`);
			await expect(
				page.getByText(`how ${label(key)} leads to another entity`, { exact: true }).count()
			).resolves.toBe(1);
			await expectClean(page, seen);
			await page.close();
		}
	});

	it('entity pages reached by clicking (rendered in the browser): the same texts, nothing runs', async () => {
		const { page, seen } = await open(browser(), `/${GRAPH}`);
		await graphSettled(page);
		const panel = page.getByRole('complementary', { name: 'Details' });
		for (const key of KEYS) {
			await panel
				.getByRole('link', { name: label(key), exact: true })
				.first()
				.click();
			await page.waitForURL(browser().url(`/${GRAPH}/${key}`));
			await panelShows(page, label(key));
			await expectPanel(page, key);
			await expect.poll(() => page.title()).toBe(`${label(key)} · ${TITLE}`);
			await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: TITLE }).click();
			await page.waitForURL(browser().url(`/${GRAPH}`));
			await panelShows(page, TITLE);
		}
		// From entity to entity through the panel's own links.
		await page.goto(browser().url(`/${GRAPH}/img-onerror`));
		await graphSettled(page);
		for (const [from, to] of [
			['img-onerror', 'script-tag'],
			['script-tag', 'svg-onload'],
			['svg-onload', 'bold-break'],
			['bold-break', 'title-break'],
			['title-break', 'braces']
		] as const) {
			await page.locator(`article[data-entity="${from}"] a[href="/${GRAPH}/${to}"]`).first().click();
			await page.waitForURL(browser().url(`/${GRAPH}/${to}`));
			await panelShows(page, label(to));
			await expectPanel(page, to);
		}
		// "Connect to…" names the entity in its field's label.
		await page.goto(browser().url(`/${GRAPH}/img-onerror`));
		await page.getByRole('button', { name: 'Connect to…' }).click();
		await page.getByRole('combobox', { name: `Connect ${label('img-onerror')} to…`, exact: true }).waitFor();
		await expectClean(page, seen);
	});

	it('canvas: hovering each entity draws its name on the canvas and adds nothing to the page', async () => {
		const { page, seen } = await open(browser(), `/${GRAPH}`);
		await graphSettled(page);
		for (const key of KEYS) {
			const { x, y } = await nodePosition(page, key);
			await page.mouse.move(x, y);
			await page.evaluate(
				() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
			);
			expect(await injected(page), key).toEqual([]);
		}
		await expectClean(page, seen);
	});

	it('search: results show names, types and matched aliases as text, and open the entity', async () => {
		const { page, seen } = await open(browser(), `/${GRAPH}`);
		await graphSettled(page);
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		const options = page.getByRole('option');
		for (const [query, key] of [
			['img', 'img-onerror'],
			['script', 'script-tag'],
			['svg', 'svg-onload'],
			['bold', 'bold-break'],
			['title', 'title-break'],
			['html', 'braces']
		] as const) {
			await search.fill(query);
			await options.first().waitFor();
			const texts = (await options.allTextContents()).map(squash);
			const { label: name, type } = graph.getNodeAttributes(key);
			const typeLabel = graph.getAttribute('nodeTypes')[type]?.label ?? '';
			expect(texts, query).toContainEqual(expect.stringContaining(`${name} ${typeLabel}`));
			expect(await injected(page), query).toEqual([]);
		}
		// An alias that matched is quoted as text.
		await search.fill('alias');
		await options.first().waitFor();
		const aliasTexts = (await options.allTextContents()).map(squash);
		for (const key of ['img-onerror', 'script-tag']) {
			const alias = graph.getNodeAttribute(key, 'aliases').find((a) => a.includes('alias')) ?? '';
			expect(aliasTexts).toContainEqual(expect.stringContaining(`matched “${alias}”`));
		}
		await search.fill('img');
		await options.first().waitFor();
		await options
			.filter({ hasText: label('img-onerror') })
			.first()
			.click();
		const key = await openedEntity(page);
		await panelShows(page, label(key));
		await expectPanel(page, key);
		await expectClean(page, seen);
	});

	it('connect page: the paths, their sentences, claims and evidence, and both pickers are text', async () => {
		const { page, seen, status } = await open(browser(), `/${GRAPH}/connect?from=img-onerror&to=title-break`);
		expect(status).toBe(200);
		await graphSettled(page);
		const sections = page.locator('section.path');
		await sections.first().waitFor();
		for (const section of await sections.all()) {
			const nodes = ((await section.getAttribute('data-path')) ?? '').split(' ');
			// The summary's names, each as text (the × beside an inner one leaves it out of the paths).
			const names = await section
				.locator('.chain .node')
				.evaluateAll((items) => items.map((item) => item.firstChild?.textContent ?? ''));
			expect(names).toEqual(nodes.map(label));
			const edges = await section
				.locator('[data-edge]')
				.evaluateAll((items) => items.map((item) => item.getAttribute('data-edge') ?? ''));
			expect(edges.length).toBeGreaterThan(0);
			for (const edge of edges) await expectRelation(section, edge, 'path');
		}
		await expect(page.getByRole('combobox', { name: 'From entity' }).inputValue()).resolves.toBe(
			label('img-onerror')
		);
		await expect(page.getByRole('combobox', { name: 'To entity' }).inputValue()).resolves.toBe(
			label('title-break')
		);
		await expectHead(
			page,
			`How are they connected? · ${TITLE}`,
			`The shortest chains of relationships between two entities of ${TITLE}, with the claim and source of every step.`
		);
		await expectClean(page, seen);
	});

	it('connect page: markup in the address is quoted as text', async () => {
		const from = label('img-onerror');
		const { page, seen } = await open(
			browser(),
			`/${GRAPH}/connect?from=${encodeURIComponent(from)}&to=braces`
		);
		await graphSettled(page);
		await expect(page.getByRole('alert').textContent().then(squash)).resolves.toBe(
			`This graph has no entity “${from}”. Pick one with the search above.`
		);
		await expectClean(page, seen);
	});

	it('embeds: the graph and each entity, their legend and head tags are text', async () => {
		const { page, seen, status } = await open(browser(), `/embed/${GRAPH}?legend=1`);
		expect(status).toBe(200);
		await graphSettled(page);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
		await expectHead(page, TITLE, DESCRIPTION, false);
		const legend = (
			await page.getByRole('list', { name: 'Entity types' }).getByRole('listitem').allTextContents()
		).map(squash);
		expect(legend.sort()).toEqual(
			Object.values(graph.getAttribute('nodeTypes'))
				.map((t) => t.label)
				.sort()
		);
		for (const key of KEYS) {
			const { x, y } = await nodePosition(page, key);
			await page.mouse.move(x, y);
		}
		await expectClean(page, seen);

		for (const key of KEYS) {
			const embed = await open(browser(), `/embed/${GRAPH}/${key}?legend=1`);
			expect(embed.status).toBe(200);
			await graphSettled(embed.page);
			await expectPanel(embed.page, key, 'embed');
			const details = entityDetails(graph, key);
			await expectHead(embed.page, `${label(key)} · ${TITLE}`, details?.description || label(key), false);
			await expectClean(embed.page, embed.seen);
			await embed.page.close();
		}
	});

	it('embeds: a click on a neighbour renders it in the frame as text', async () => {
		const { page, seen } = await open(browser(), `/embed/${GRAPH}/img-onerror`);
		await graphSettled(page);
		for (const next of ['script-tag', 'svg-onload', 'bold-break', 'title-break', 'braces']) {
			await page.locator(`a[href="/embed/${GRAPH}/${next}"]`).first().click();
			await page.waitForURL(browser().url(`/embed/${GRAPH}/${next}`));
			await page.locator(`article[data-entity="${next}"]`).waitFor();
			await expectPanel(page, next, 'embed');
			await expect.poll(() => page.title()).toBe(`${label(next)} · ${TITLE}`);
		}
		await expectClean(page, seen);
	});

	it('"Embed this view": the snippet escapes the names, and pasted elsewhere makes exactly one iframe', async () => {
		for (const key of ['img-onerror', 'title-break', 'bold-break', null]) {
			const { page, seen } = await open(browser(), key ? `/${GRAPH}/${key}` : `/${GRAPH}`);
			await graphSettled(page);
			await page.getByRole('button', { name: 'Embed this view' }).click();
			const dialog = page.getByRole('dialog', { name: 'Embed this view' });
			const name = key ? `${label(key)} — ${TITLE}` : TITLE;
			const src = browser().url(key ? `/embed/${GRAPH}/${key}` : `/embed/${GRAPH}`);
			const snippet = await dialog.getByLabel('HTML').inputValue();
			expect(snippet).toBe(embedSnippet(src, name, EMBED_SIZES[0]));
			expect(snippet.match(/</g)).toHaveLength(2); // <iframe …></iframe>: every other < is escaped
			if (key) {
				await expect(dialog.locator('.hint').textContent().then(squash)).resolves.toContain(
					`readers see ${label(key)} as shown here`
				);
			}
			const preview = dialog.locator('iframe');
			await expect(preview.getAttribute('title')).resolves.toBe(`Preview: ${name}`);
			const frame = await (await preview.elementHandle())?.contentFrame();
			if (!frame) throw new Error('no preview frame');
			await frame.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
			await expect(frame.getByRole('heading', { level: 1 }).first().textContent()).resolves.toBe(
				key ? label(key) : TITLE
			);
			await expectClean(page, seen);

			// Pasted into an article, the snippet is one iframe whose title is the names, as text.
			host = await startHostPage(snippet);
			const article = await browser().newPage();
			const articleSeen = guard(article);
			await article.goto(host.url);
			await expect(article.locator('iframe').count()).resolves.toBe(1);
			await expect(article.locator('iframe').getAttribute('title')).resolves.toBe(name);
			await expect(article.locator('iframe').getAttribute('src')).resolves.toBe(src);
			await expect(article.locator('body > *').count()).resolves.toBe(3); // h1, iframe, p
			const embedded = await (await article.locator('iframe').elementHandle())?.contentFrame();
			await embedded?.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
			await expectClean(article, articleSeen);
			await host.close();
			host = undefined;
			await page.close();
			await article.close();
		}
	});

	it('not found: an address in the graph offers a search whose field and results are text', async () => {
		for (const [path, guess] of [
			[`/${GRAPH}/img`, 'img'],
			[`/${GRAPH}/${encodeURIComponent(label('img-onerror'))}`, label('img-onerror').replace(/[-_.]+/g, ' ')],
			[`/${GRAPH}/${encodeURIComponent('"><b>bold</b>')}/more`, '"><b>bold</b>']
		] as const) {
			const { page, seen, status } = await open(browser(), path);
			expect(status).toBe(404);
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not found');
			await expect(page.getByRole('heading', { level: 2, name: /^Search/ }).textContent()).resolves.toBe(
				`Search “${TITLE}”`
			);
			const search = page.getByRole('combobox', { name: 'Search the graph' });
			await expect(search.inputValue()).resolves.toBe(guess);
			await search.focus();
			const options = page.getByRole('option');
			await options.first().waitFor();
			const texts = (await options.allTextContents()).map(squash);
			expect(texts.every((text) => KEYS.some((key) => text.startsWith(label(key))))).toBe(true);
			expect(await injected(page)).toEqual([]);
			await search.press('Enter');
			const key = await openedEntity(page);
			await panelShows(page, label(key));
			await expectPanel(page, key);
			await expectClean(page, seen);
			await page.close();
		}
	});

	it('JSON API: application/json, every text a JSON string exactly as in the file', async () => {
		const get = async (path: string) => {
			const response = await fetch(browser().url(path));
			expect(response.status, path).toBe(200);
			expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			const text = await response.text();
			return { text, json: JSON.parse(text) as unknown };
		};
		const list = await get('/api/graphs.json');
		expect(list.json).toContainEqual(
			expect.objectContaining({ id: GRAPH, title: TITLE, description: DESCRIPTION })
		);
		expect(list.text).toContain(JSON.stringify(TITLE));
		const file = await get(`/api/graphs/${GRAPH}.json`);
		expect(file.json).toEqual(exportGraph(graph));
		const about = await get(`/api/graphs/${GRAPH}/about.json`);
		expect(about.json).toMatchObject({ title: TITLE, description: DESCRIPTION, sources: SOURCES });
		for (const key of KEYS) {
			const entity = await get(`/api/graphs/${GRAPH}/entities/${key}.json`);
			expect(entity.json).toEqual({ graph: GRAPH, ...entityDetails(graph, key) });
			expect(entity.text).toContain(JSON.stringify(label(key)));
		}
		// Opened in the browser, a JSON file is shown as text.
		const { page, seen } = await open(browser(), `/api/graphs/${GRAPH}/entities/img-onerror.json`);
		await expect(page.locator('body').textContent()).resolves.toContain(JSON.stringify(label('img-onerror')));
		await expectClean(page, seen);
	});
});

describe('hostile markup in the data, without JavaScript', () => {
	const browser = useBrowser('no-js');

	it('home, overview, connect and not-found pages are text', async () => {
		const home = await open(browser(), '/');
		await expect(home.page.getByRole('link', { name: TITLE, exact: true }).textContent()).resolves.toBe(
			TITLE
		);
		await expect(home.page.getByText(DESCRIPTION, { exact: true }).count()).resolves.toBe(1);
		await expectSourceLinks(home.page);
		await expectClean(home.page, home.seen);

		const overview = await open(browser(), `/${GRAPH}`);
		await expect(panelHeading(overview.page).textContent()).resolves.toBe(TITLE);
		for (const key of KEYS) {
			await expect(
				overview.page
					.getByRole('link', { name: label(key), exact: true })
					.first()
					.getAttribute('href')
			).resolves.toBe(`/${GRAPH}/${key}`);
		}
		await expectSourceLinks(overview.page);
		await expectHead(overview.page, `${TITLE} · Knowledge Graph Explorer`, DESCRIPTION);
		await expectClean(overview.page, overview.seen);

		const connect = await open(browser(), `/${GRAPH}/connect?from=img-onerror&to=braces`);
		await expect(connect.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'How are these two connected?'
		);
		await expectClean(connect.page, connect.seen);

		const missing = await open(browser(), `/${GRAPH}/${encodeURIComponent(label('script-tag'))}`);
		expect(missing.status).toBe(404);
		await expect(missing.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Not found');
		await expectClean(missing.page, missing.seen);
	});

	it('every entity page and embed is text, head tags included', async () => {
		for (const key of KEYS) {
			const details = entityDetails(graph, key);
			const { page, seen } = await open(browser(), `/${GRAPH}/${key}`);
			await expectPanel(page, key);
			await expectHead(page, `${label(key)} · ${TITLE}`, details?.description ?? '');
			await expectClean(page, seen);
			await page.close();

			const embed = await open(browser(), `/embed/${GRAPH}/${key}`);
			await expectPanel(embed.page, key, 'embed');
			await expectHead(embed.page, `${label(key)} · ${TITLE}`, details?.description || label(key), false);
			await expectClean(embed.page, embed.seen);
			await embed.page.close();
		}
		const embed = await open(browser(), `/embed/${GRAPH}`);
		await expect(embed.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
		await expectHead(embed.page, TITLE, DESCRIPTION, false);
		await expectClean(embed.page, embed.seen);
	});
});
