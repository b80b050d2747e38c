/**
 * "How are these two connected?" and "what matters most", on the flagship graph and a fixture graph, driven as a
 * person would: from an entity's "Connect to…", through the paths and their sentences, to a reload; the
 * overview's most connected entities and bridges; sizes and colours by centrality and community.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allGraphs } from '../../src/lib/server/graphs';
import { useBrowser } from './browser';
import { graphSettled, nodeDisplay, openLegend } from './graph-page';
import { modalityPhrase } from '../../src/lib/graph/query';

const flagship = allGraphs().get('india-russia');
if (!flagship) throw new Error('the flagship graph is missing');
const KUDANKULAM = 'kudankulam-nuclear-power-plant';

/** The paths the page lists: each as its entity keys, and its relationship sentences. */
async function listedPaths(page: Page) {
	const sections = page.locator('section.path');
	const paths = [];
	for (let i = 0; i < (await sections.count()); i++) {
		const section = sections.nth(i);
		paths.push({
			nodes: ((await section.getAttribute('data-path')) ?? '').split(' '),
			edges: await section.locator('[data-edge]').evaluateAll((elements) =>
				elements.map((element) => ({
					key: element.getAttribute('data-edge') ?? '',
					sentence: element.querySelector('.sentence')?.textContent?.replace(/\s+/g, ' ').trim()
				}))
			)
		});
	}
	return paths;
}

describe('how two entities are connected', () => {
	const browser = useBrowser();

	it('starts from "Connect to…" on an entity and shows paths that explain themselves', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/united-states'));
		await graphSettled(page);
		await page.getByRole('button', { name: 'Connect to…' }).click();
		const other = page.getByRole('combobox', { name: 'Connect United States to…' });
		await other.fill('kudankulam');
		await other.press('Enter');
		await page.waitForURL(browser().url(`/india-russia/connect?from=united-states&to=${KUDANKULAM}`));
		await page.locator('section.path').first().waitFor();

		const paths = await listedPaths(page);
		expect(paths.length).toBeGreaterThanOrEqual(1);
		expect(paths.length).toBeLessThanOrEqual(5);
		const lengths = paths.map((path) => path.nodes.length - 1);
		expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
		for (const path of paths) {
			expect(path.nodes[0]).toBe('united-states');
			expect(path.nodes.at(-1)).toBe(KUDANKULAM);
			expect(path.nodes.length - 1).toBeLessThanOrEqual(4);
			expect(new Set(path.nodes).size).toBe(path.nodes.length);
			// Every sentence is a real relationship, read in its own direction, between two neighbours on the path.
			for (const { key, sentence } of path.edges) {
				const [source, target] = flagship.extremities(key);
				const { label, modality, attributedTo } = flagship.getEdgeAttributes(key);
				// A step the source hedges says so after the sentence (modality.test.ts).
				const hedge = modalityPhrase(
					modality ?? 'stated',
					attributedTo && flagship.getNodeAttribute(attributedTo, 'label')
				);
				expect(sentence).toBe(
					`${flagship.getNodeAttribute(source, 'label')} — ${label} → ${flagship.getNodeAttribute(target, 'label')}` +
						(hedge ? ` ${hedge}` : '')
				);
				const at = path.nodes.indexOf(source);
				expect(Math.abs(at - path.nodes.indexOf(target)), key).toBe(1);
			}
		}
		// A claim and the section it comes from, under each relationship.
		const first = page.locator('section.path').first().locator('[data-edge]').first();
		await expect(first.locator('.claim').innerText()).resolves.not.toBe('');
		await expect(first.locator('.evidence').innerText()).resolves.toMatch(/— sections? “[^”]+”/);

		// The canvas: the paths stand out, the rest fades.
		const onPath = await nodeDisplay(page, paths[0]?.nodes[1] ?? '');
		const offPath = flagship.nodes().find((key) => !paths.some((path) => path.nodes.includes(key))) ?? '';
		const faded = await nodeDisplay(page, offPath);
		expect(onPath.color).not.toBe(faded.color);
		const fadedColour = await nodeDisplay(page, 'tamil-nadu');
		expect(fadedColour.color).toBe(faded.color);

		// Shareable: a reload shows the same paths.
		await page.reload();
		await page.locator('section.path').first().waitFor();
		await expect(listedPaths(page)).resolves.toEqual(paths);
		expect(page.errors).toEqual([]);
	});

	it('swaps the two ends, keeping each relationship in its real direction', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/india-russia/connect?from=united-states&to=${KUDANKULAM}`));
		await page.locator('section.path').first().waitFor();
		const forward = await listedPaths(page);
		await page.getByRole('button', { name: 'Swap the two entities' }).click();
		await page.waitForURL(browser().url(`/india-russia/connect?from=${KUDANKULAM}&to=united-states`));
		await expect.poll(async () => (await listedPaths(page))[0]?.nodes[0]).toBe(KUDANKULAM);
		const backward = await listedPaths(page);
		// The same sentences: a relationship reads from its source to its target whichever way it is travelled.
		const sentences = (paths: typeof forward) => paths.flatMap((p) => p.edges.map((e) => e.sentence)).sort();
		expect(sentences(backward)).toEqual(sentences(forward));
	});

	it('says so when there is no connection within 4 steps', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/tea-trade/connect?from=tea&to=coffee'));
		await expect
			.poll(() => page.locator('.result').innerText())
			.toContain('No connection within 4 steps between Tea and Coffee.');
		await expect(page.locator('section.path').count()).resolves.toBe(0);
	});

	it('names an entity the graph does not have', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/connect?from=united-states&to=atlantis'));
		await expect(page.getByRole('alert').innerText()).resolves.toContain(
			'This graph has no entity “atlantis”'
		);
	});
});

describe('what matters most', () => {
	const browser = useBrowser();

	it('lists the most connected entities and the best bridges on the overview', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia'));
		const connected = page.getByRole('region', { name: 'Most connected' }).getByRole('listitem');
		await expect(connected.first().innerText()).resolves.toMatch(/^India\s+\d+ neighbours$/);
		const bridges = page.getByRole('region', { name: 'Bridges' }).getByRole('listitem');
		await expect(bridges.count()).resolves.toBe(8);
		await expect(bridges.first().getByRole('link').innerText()).resolves.toBe('India');
	});

	it('sizes entities by betweenness and colours them by community, from the legend and in the address', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia'));
		const before = await nodeDisplay(page, 'china');
		await openLegend(page);
		await page.getByLabel('Colour by').selectOption('community');
		await page.waitForURL(browser().url('/india-russia?color=community'));
		await page.getByRole('list', { name: 'Communities' }).waitFor();
		await expect.poll(async () => (await nodeDisplay(page, 'china')).color).not.toBe(before.color);
		await page.getByLabel('Size by').selectOption('betweenness');
		await page.waitForURL(browser().url('/india-russia?size=betweenness&color=community'));
		// India bridges the most, so it is drawn biggest.
		await expect.poll(async () => (await nodeDisplay(page, 'india')).size).toBeGreaterThan(before.size);
		const sizes = await page.evaluate(
			(keys) => keys.map((key) => window.__graph?.display(key)?.size ?? 0),
			flagship.nodes()
		);
		expect(Math.max(...sizes)).toBe(sizes[flagship.nodes().indexOf('india')]);

		// The same address reloads into the same colours.
		const colour = (await nodeDisplay(page, 'china')).color;
		await page.reload();
		await expect.poll(async () => (await nodeDisplay(page, 'china')).color).toBe(colour);
	});
});

describe('paths a reader can steer', () => {
	const browser = useBrowser();

	it('reads each step of the summary in its real direction, leaves out an entity on request, and shows more', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/india-russia/connect?from=united-states&to=${KUDANKULAM}`));
		await graphSettled(page);
		await page.locator('section.path').first().waitFor();
		for (const path of await listedPaths(page)) {
			const arrows = await page
				.locator(`section.path[data-path="${path.nodes.join(' ')}"] .chain .arrow`)
				.allInnerTexts();
			const expected = path.nodes.slice(1).map((node, i) => {
				const previous = path.nodes[i] as string;
				const step = path.edges.find(({ key }) => {
					const [source, target] = flagship.extremities(key);
					return (source === previous && target === node) || (source === node && target === previous);
				});
				const [source] = flagship.extremities(step?.key ?? '');
				return flagship.getEdgeAttribute(step?.key ?? '', 'undirected')
					? '—'
					: source === previous
						? '→'
						: '←';
			});
			expect(arrows).toEqual(expected);
		}
		const [first] = await listedPaths(page);
		const through = first?.nodes[1] as string;
		const name = flagship.getNodeAttribute(through, 'label');
		await page
			.getByRole('button', { name: `Find paths without ${name}` })
			.first()
			.click();
		await page.waitForURL((url) => url.searchParams.get('avoid') === through);
		await page.getByText(`Paths without ${name}`).waitFor();
		await page.locator('section.path, .none').first().waitFor();
		for (const path of await listedPaths(page)) expect(path.nodes).not.toContain(through);
		await page.getByRole('button', { name: `Allow paths through ${name} again` }).click();
		await page.waitForURL((url) => !url.searchParams.has('avoid'));
		await page.locator('section.path').first().waitFor();
		// This pair has more than five paths of at most four steps: the page shows five, then ten.
		await expect.poll(async () => (await listedPaths(page)).length).toBe(5);
		await page.getByRole('button', { name: 'Show more paths' }).click();
		await page.waitForURL((url) => url.searchParams.get('paths') === '10');
		await expect.poll(async () => (await listedPaths(page)).length).toBe(10);
		expect(page.errors).toEqual([]);
	});
});
