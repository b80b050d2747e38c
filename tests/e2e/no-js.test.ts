/**
 * The site without JavaScript: a crawl from / finds no broken link and a page for every entity, naming all of its
 * neighbours; a person with JavaScript off can read an entity and follow its links; the JSON API answers.
 */
import { describe, expect, it } from 'vitest';
import { allGraphs } from '../../src/lib/server/graphs';
import { entityDetails } from '../../src/lib/graph/query';
import { useBrowser } from './browser';
import { inject } from 'vitest';

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
		const broken = [...pages].filter(([, page]) => page.status !== 200).map(([path]) => path);
		expect(broken).toEqual([]);
		for (const [id, graph] of graphs) {
			for (const key of graph.nodes()) {
				const page = pages.get(`/${id}/${key}`);
				expect(page, `/${id}/${key} is not linked from anywhere`).toBeDefined();
				for (const neighbour of entityDetails(graph, key)?.neighbours ?? []) {
					expect(page?.html).toContain(`href="/${id}/${neighbour.key}"`);
				}
			}
		}
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
	it('lists the graphs and serves each graph and entity', async () => {
		const list = (await (await fetch(new URL('/api/graphs.json', base))).json()) as {
			id: string;
			nodes: number;
		}[];
		expect(list.map((g) => g.id)).toEqual([...allGraphs().keys()]);
		for (const { id, nodes } of list) {
			const graph = (await (await fetch(new URL(`/api/graphs/${id}.json`, base))).json()) as {
				nodes: unknown[];
			};
			expect(graph.nodes).toHaveLength(nodes);
		}
		const entity = await (
			await fetch(new URL('/api/graphs/india-russia/entities/tamil-nadu.json', base))
		).json();
		expect(entity).toMatchObject({ graph: 'india-russia', key: 'tamil-nadu', label: 'Tamil Nadu' });
		expect(entity.neighbours.map((n: { key: string }) => n.key)).toEqual(['kudankulam-nuclear-power-plant']);
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
			for (const key of graph.nodes()) expect(locations).toContain(`/${id}/${key}`);
		}
		const robots = await fetch(new URL('/robots.txt', base));
		expect(robots.status).toBe(200);
		await expect(robots.text()).resolves.toContain('User-agent: *');
	});
});
