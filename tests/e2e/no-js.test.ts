/**
 * The site without JavaScript: a crawl from / finds no broken link and a page for every entity, naming all of its
 * neighbours (big graphs: their most connected entities, on the graph's page); a person with JavaScript off can
 * read an entity and follow its links; the JSON API answers in its documented shapes.
 */
import { describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import {
	entityResponseSchema,
	graphAboutSchema,
	graphListSchema,
	graphMetricsSchema
} from '../../src/lib/api/schema';
import { type KnowledgeGraph, exportGraph } from '../../src/lib/graph/build';
import { validateGraphData } from '../../src/lib/graph/load';
import { entityDetails } from '../../src/lib/graph/query';
import { allGraphs } from '../../src/lib/server/graphs';
import { hasEntityPages } from '../../src/lib/server/prerender';
import { useBrowser } from './browser';
import { expectFolded, expectSourcesList } from './entity-panel';

const base = inject('baseURL');

/** Every same-site page reachable by links from `/`, with its status and HTML. */
async function crawl(): Promise<Map<string, { status: number; html: string }>> {
	const pages = new Map<string, { status: number; html: string }>();
	const queue = ['/'];
	while (queue.length > 0) {
		const path = queue.shift() as string;
		if (pages.has(path)) continue;
		const response = await fetch(new URL(path, base));
		const html = await response.text();
		pages.set(path, { status: response.status, html });
		for (const [, href = ''] of html.matchAll(/<a[^>]*\shref="([^"]*)"/g)) {
			const url = new URL(href.replaceAll('&amp;', '&'), new URL(path, base));
			if (url.origin === new URL(base).origin && !pages.has(url.pathname)) queue.push(url.pathname);
		}
	}
	return pages;
}

describe('without JavaScript', () => {
	const graphs = allGraphs();

	it('every link works and every entity has a page that links to all its neighbours', async () => {
		const pages = await crawl();
		// Entity pages of a big graph are rendered by the browser only (src/lib/server/prerender.ts).
		const browserOnly = (path: string) => {
			const [id = '', key = '', ...rest] = path.split('/').filter(Boolean);
			const graph = graphs.get(id);
			return rest.length === 0 && graph !== undefined && !hasEntityPages(graph) && graph.hasNode(key);
		};
		const broken = [...pages]
			.filter(([path, page]) => page.status !== 200 && !browserOnly(path))
			.map(([path]) => path);
		expect(broken).toEqual([]);
		for (const [id, graph] of graphs) {
			expect(pages.get(`/${id}`)?.status, `/${id}`).toBe(200);
			if (!hasEntityPages(graph)) continue;
			for (const key of graph.nodes()) {
				const page = pages.get(`/${id}/${key}`);
				expect(page, `/${id}/${key} is not linked from anywhere`).toBeDefined();
				for (const neighbour of entityDetails(graph, key)?.neighbours ?? []) {
					expect(page?.html).toContain(`href="/${id}/${neighbour.key}"`);
				}
			}
		}
	});

	it('lists the most connected entities of a big graph on its page, and says the list is partial', async () => {
		const graph = graphs.get('big-synthetic');
		expect(graph && !hasEntityPages(graph), 'npm test builds big-synthetic as a big graph').toBe(true);
		const html = await (await fetch(new URL('/big-synthetic', base))).text();
		expect(html).toContain('each type lists its most connected entities');
		const hub = graph?.nodes().sort((a, b) => (graph?.degree(b) ?? 0) - (graph?.degree(a) ?? 0))[0];
		expect(html).toContain(`href="/big-synthetic/${hub}"`);
		const entityFile = await fetch(new URL(`/api/graphs/big-synthetic/entities/${hub}.json`, base));
		expect(entityFile.status).toBe(404);
	});

	describe('in a browser', () => {
		const browser = useBrowser('no-js');

		it('shows an entity with its relationships, and its links lead on', async () => {
			const page = await browser().newPage();
			await page.goto(browser().url('/india-russia/kudankulam-nuclear-power-plant'));
			await expect(page.title()).resolves.toBe(
				'Kudankulam Nuclear Power Plant · India and Russia after the Modi–Putin talks'
			);
			await expect(page.locator('meta[property="og:title"]').getAttribute('content')).resolves.toContain(
				'Kudankulam'
			);
			const text = await page.getByRole('complementary').innerText();
			expect(text).toContain('Kudankulam Nuclear Power Plant — is located in → Tamil Nadu');
			expect(text).toContain('Energy Ties Are Deepening Beyond Oil');
			await page.getByRole('link', { name: 'Tamil Nadu', exact: true }).click();
			await page.waitForURL(browser().url('/india-russia/tamil-nadu'));
			await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Tamil Nadu');
		});

		it('reads a hub through: folded groups a click unfolds, and each claim’s section leads to its source', async () => {
			const flagship = graphs.get('india-russia');
			if (!flagship) throw new Error('the flagship graph is missing');
			const page = await browser().newPage();
			await page.goto(browser().url('/india-russia/india'));
			// Each group in a phrase with a count; beyond three relationships the rest under "N more".
			const groups = await expectFolded(page, 'india');
			const phrases = groups.map((group) => group.phrase);
			expect(phrases).toEqual(expect.arrayContaining(['buys …', '… pressures India']));
			const driven = groups.find((group) => group.phrase === 'is driven by …');
			const folded = page.locator('[data-edge="india-guided-by-national-interest"]');
			await expect(folded.isVisible()).resolves.toBe(false);
			await driven?.section.locator('details.fold > summary').click();
			await expect(folded.isVisible()).resolves.toBe(true);
			// The sources once at the end; a claim's section is a link to its entry there.
			await expectSourcesList(page, flagship, 'india');
			const link = page
				.locator('[data-edge="us-pressure-pressures-india"]')
				.getByRole('link', { name: '§ Lead', exact: true });
			const href = (await link.getAttribute('href')) ?? '';
			expect(href).toMatch(/^#cite-india-article-\d+$/);
			await link.click();
			await page.waitForURL(browser().url(`/india-russia/india${href}`));
			const target = await page.evaluate(() => {
				const entry = document.querySelector(':target');
				return { id: entry?.id, text: entry?.textContent, inList: entry?.closest('section.sources') != null };
			});
			expect(target).toEqual({ id: href.slice(1), text: '§ Lead', inList: true });
		});
	});
});

describe('a second graph', () => {
	const ids = [...allGraphs().keys()];

	it('is built beside the flagship (npm test builds graph-data/ and tests/fixtures/graphs/)', () => {
		expect(ids).toEqual(expect.arrayContaining(['india-russia', 'tea-trade']));
	});

	it('uses the same entity ids without clashing', async () => {
		const flagship = await (await fetch(new URL('/india-russia/india', base))).text();
		const tea = await (await fetch(new URL('/tea-trade/india', base))).text();
		expect(flagship).toContain('<title>India · India and Russia after the Modi–Putin talks</title>');
		expect(tea).toContain('<title>India · Tea trade (example)</title>');
		expect(tea).toContain('href="/tea-trade/russia"');
		expect(tea).not.toContain('href="/india-russia/');
		const api = await (await fetch(new URL('/api/graphs/tea-trade/entities/india.json', base))).json();
		expect(api.neighbours.map((n: { key: string }) => n.key).sort()).toEqual(['russia', 'tea']);
	});
});

describe('JSON API', () => {
	const get = async (path: string) => {
		const response = await fetch(new URL(path, base));
		expect(response.status, path).toBe(200);
		expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
		return response.json() as Promise<unknown>;
	};
	const matches = <T>(schema: z.ZodType<T>, value: unknown, path: string): T => {
		const result = schema.safeParse(value);
		expect(result.error?.issues ?? [], path).toEqual([]);
		return result.data as T;
	};

	it('lists the graphs, and serves each graph file, summary and entity in its documented shape', async () => {
		const list = matches(graphListSchema, await get('/api/graphs.json'), '/api/graphs.json');
		expect(list).toEqual(
			[...allGraphs().values()].map((graph) => {
				const { id, title, description } = graph.getAttributes();
				return { id, title, description, nodes: graph.order, edges: graph.size };
			})
		);
		for (const { id, nodes, edges } of list) {
			// The graph file is a valid graph file: the site's own validator accepts it, unchanged.
			const file = await get(`/api/graphs/${id}.json`);
			const loaded = validateGraphData(file, `/api/graphs/${id}.json`);
			expect(loaded.ok ? [] : loaded.problems).toEqual([]);
			expect(loaded.ok && [loaded.data.nodes.length, loaded.data.edges.length]).toEqual([nodes, edges]);
			expect(file).toEqual(exportGraph(allGraphs().get(id) as KnowledgeGraph));

			const about = matches(graphAboutSchema, await get(`/api/graphs/${id}/about.json`), id);
			expect(about).toMatchObject({ id, nodes, edges });
			const graph = allGraphs().get(id);
			expect(about.entityPages).toBe(graph !== undefined && hasEntityPages(graph));
			const metricsPath = `/api/graphs/${id}/metrics.json`;
			const metrics = matches(graphMetricsSchema, await get(metricsPath), metricsPath);
			expect(metrics.keys).toEqual(graph?.nodes());
			expect(metrics.communities.reduce((sum, community) => sum + community.size, 0)).toBe(nodes);
			if (!about.entityPages) continue;
			for (const key of graph?.nodes() ?? []) {
				const path = `/api/graphs/${id}/entities/${key}.json`;
				const entity = matches(entityResponseSchema, await get(path), path);
				expect(entity).toEqual({ graph: id, ...entityDetails(graph as KnowledgeGraph, key) });
			}
		}
	});

	it('has the relationships of an entity, with claims and sources', async () => {
		const path = '/api/graphs/india-russia/entities/tamil-nadu.json';
		const entity = matches(entityResponseSchema, await get(path), path);
		expect(entity).toMatchObject({ graph: 'india-russia', key: 'tamil-nadu', label: 'Tamil Nadu' });
		expect(entity.neighbours.map((n) => n.key)).toEqual(['kudankulam-nuclear-power-plant']);
		const [relation] = entity.groups.flatMap((group) => group.relations);
		expect(relation).toMatchObject({ direction: 'in', label: 'is located in' });
		expect(relation?.claim).not.toBe('');
		expect(relation?.evidence[0]?.section).toBe('Energy Ties Are Deepening Beyond Oil');
	});

	it('answers unknown graphs and entities with 404', async () => {
		for (const path of [
			'/api/graphs/no-such-graph.json',
			'/api/graphs/no-such-graph/about.json',
			'/api/graphs/india-russia/entities/no-such-entity.json'
		]) {
			expect((await fetch(new URL(path, base))).status, path).toBe(404);
		}
	});
});

describe('sitemap and robots.txt', () => {
	it('list every page', async () => {
		const sitemap = await (await fetch(new URL('/sitemap.xml', base))).text();
		const locations = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map(([, loc = '']) =>
			loc.replace(/^https?:\/\/[^/]+/, '')
		);
		for (const [id, graph] of allGraphs()) {
			expect(locations).toContain(`/${id}`);
			// Entity pages of big graphs exist only in the browser: search engines get the graph's page.
			const listed = locations.filter((location) => location.startsWith(`/${id}/`));
			expect(listed.sort()).toEqual(
				hasEntityPages(graph)
					? graph
							.nodes()
							.map((key) => `/${id}/${key}`)
							.sort()
					: []
			);
		}
		const robots = await fetch(new URL('/robots.txt', base));
		expect(robots.status).toBe(200);
		await expect(robots.text()).resolves.toContain('User-agent: *');
	});
});
