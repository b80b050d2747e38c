/**
 * oEmbed discovery on the built site (`npm run build:test` builds with SITE_URL=https://graphs.example.org): each
 * embeddable page (a graph, a prerendered entity, a story, a step) names its oEmbed file in its head, as HTML
 * without JavaScript and after hydrating; the file is served as JSON, keeps oEmbed 1.0's rules for a rich
 * response (tests/oembed-spec.ts, the unit test's validator) and frames an embed that exists. The build writes
 * one file per such page and no other; the pages without one (connect, home, a big graph's entity) name none.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { allGraphs } from '../../src/lib/server/graphs';
import { entityEntries, storyEntries } from '../../src/lib/server/prerender';
import { iframeOf, oembedProblems } from '../oembed-spec';
import { useBrowser } from './browser';
import { panelShows } from './graph-page';

/** SITE_URL of the test build (package.json, build:test). */
const SITE = 'https://graphs.example.org';
const base = inject('baseURL');
/** The same address on the test server. */
const local = (url: string) => {
	expect(url.startsWith(`${SITE}/`), url).toBe(true);
	return new URL(url.slice(SITE.length), base).href;
};

const GRAPH = 'india-russia';
const ENTITY = 'kudankulam-nuclear-power-plant';
const STORY = 'talks-section-by-section';
const flagship = allGraphs().get(GRAPH);
if (!flagship) throw new Error('the flagship graph is missing');
const graphTitle = flagship.getAttribute('title');
const story = (flagship.getAttribute('stories') ?? []).find((each) => each.id === STORY);
if (!story) throw new Error(`the flagship should carry the story ${STORY}`);
const big = allGraphs().get('big-synthetic');
if (!big) throw new Error('npm run build:test builds tests/fixtures/graphs/big-synthetic.json');

const PAGES = [
	{ path: `/${GRAPH}`, embed: `/embed/${GRAPH}`, title: graphTitle, width: 600, height: 400 },
	{
		path: `/${GRAPH}/${ENTITY}`,
		embed: `/embed/${GRAPH}/${ENTITY}`,
		title: `${flagship.getNodeAttribute(ENTITY, 'label')} — ${graphTitle}`,
		width: 600,
		height: 400
	},
	{
		path: `/${GRAPH}/story/${STORY}`,
		embed: `/embed/${GRAPH}/story/${STORY}`,
		title: `${story.title} — ${graphTitle}`,
		width: 800,
		height: 500
	},
	{
		path: `/${GRAPH}/story/${STORY}/2`,
		embed: `/embed/${GRAPH}/story/${STORY}/2`,
		title: `${story.steps[1]?.title} — ${story.title}`,
		width: 800,
		height: 500
	}
];

const DISCOVERY = 'link[rel="alternate"][type="application/json+oembed"]';

/** The discovery links of the page the browser shows: href and title of each. */
const discoveryLinks = (page: Page) =>
	page
		.locator(DISCOVERY)
		.evaluateAll((links) =>
			links.map((link) => ({ href: link.getAttribute('href'), title: link.getAttribute('title') }))
		);

/** Once SvelteKit's client has started, so that the page's head is the one it keeps after hydrating. */
const hydrated = (page: Page) =>
	page.waitForFunction(() => history.state?.['sveltekit:history'] !== undefined);

/** The discovery links in a page's HTML as served, which is what a consumer reads (it runs no script). */
async function servedDiscoveryLinks(path: string): Promise<string[]> {
	const html = await (await fetch(new URL(path, base))).text();
	return [...html.matchAll(/<link\b[^>]*type="application\/json\+oembed"[^>]*>/g)].map(([tag]) => tag);
}

describe('oEmbed', () => {
	const browser = useBrowser();

	it.each(PAGES)(
		'$path names its oEmbed file, a valid rich response that frames $embed',
		async (expected) => {
			const page = await browser().newPage();
			await page.goto(browser().url(expected.path));
			await hydrated(page);
			const file = `${SITE}/oembed${expected.path}.json`;
			// After hydrating: one link, named like the page.
			await expect(discoveryLinks(page)).resolves.toEqual([{ href: file, title: await page.title() }]);
			// As served: the same link, for consumers that read the HTML only.
			const served = await servedDiscoveryLinks(expected.path);
			expect(served).toHaveLength(1);
			expect(served[0]).toContain(`href="${file}"`);

			const response = await fetch(local(file));
			expect(response.status, file).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^application\/json\b/);
			const oembed = (await response.json()) as Record<string, unknown>;
			expect(oembedProblems(oembed)).toEqual([]);
			expect(oembed).toMatchObject({
				title: expected.title,
				width: expected.width,
				height: expected.height,
				provider_name: 'Knowledge Graph Explorer',
				provider_url: `${SITE}/`
			});
			const src = iframeOf(String(oembed.html))?.src ?? '';
			expect(src).toBe(SITE + expected.embed);
			expect((await fetch(local(src))).status, src).toBe(200);
			expect(page.errors).toEqual([]);
		}
	);

	const bigEntity = big.nodes().sort()[0] ?? '';
	it.each([
		{ name: 'the connect page', path: `/${GRAPH}/connect?from=united-states&to=${ENTITY}` },
		{ name: 'the home page', path: '/' },
		{
			name: 'a big graph’s entity page, rendered by 404.html',
			path: `/big-synthetic/${bigEntity}`,
			big: true
		}
	])('$name names no oEmbed file', async ({ path, big: isBig }) => {
		const page = await browser().newPage();
		await page.goto(browser().url(path));
		await hydrated(page);
		if (isBig) await panelShows(page, big.getNodeAttribute(bigEntity, 'label'));
		await expect(discoveryLinks(page)).resolves.toEqual([]);
		await expect(servedDiscoveryLinks(path)).resolves.toEqual([]);
	});

	it('files are written for every embeddable page, and for no other', () => {
		const root = resolve(process.env.BUILD_DIR ?? 'build', 'oembed');
		expect(existsSync(root), `${root}: build with SITE_URL, as npm run build:test does`).toBe(true);
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
			.filter((file) => file.endsWith('.json'))
			.map((file) => `/${file.split(/[\\/]/).join('/')}`)
			.sort();
		const expected = [
			...[...allGraphs().keys()].map((graph) => `/${graph}.json`),
			...entityEntries().map(({ graph, entity }) => `/${graph}/${entity}.json`),
			...storyEntries().flatMap(({ graph, story, steps }) => [
				`/${graph}/story/${story}.json`,
				...Array.from({ length: steps }, (_, i) => `/${graph}/story/${story}/${i + 1}.json`)
			])
		].sort();
		expect(files).toEqual(expected);
		expect(files).not.toContain(`/big-synthetic/${bigEntity}.json`);
		// Every one valid, the hostile titles of tests/fixtures/graphs/markup.json included.
		for (const file of files) {
			const oembed: unknown = JSON.parse(readFileSync(join(root, file), 'utf8'));
			expect(oembedProblems(oembed), file).toEqual([]);
		}
	});
});
