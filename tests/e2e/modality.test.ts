/**
 * How the source makes each claim, as a reader sees it: a badge beside the sentence ("possible", "intended",
 * "according to India"), with and without JavaScript; hedged relationships dashed on the canvas (read through the
 * picture export, which draws what the canvas draws); "only what the source states as fact" in the legend and the
 * address; and a path that crosses a hedged step.
 */
import { readFileSync } from 'node:fs';
import type { Download } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, visibleElements } from '../../src/lib/graph/view';
import { allGraphs } from '../../src/lib/server/graphs';
import { useBrowser } from './browser';
import { exportBy, graphSettled, isEdgeDrawn, openLegend, panelSentences, unfoldPanel } from './graph-page';

const NATIONAL_INTEREST = 'india-guided-by-national-interest';
const flagship = allGraphs().get('india-russia');
if (!flagship) throw new Error('the flagship graph is missing');

describe('modality in the explorer', () => {
	const browser = useBrowser();

	it('badges each sentence the source hedges, and only those', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		// Both hedged relationships are in the folds of India's groups.
		await unfoldPanel(page);
		const sentence = page.locator(`[data-edge="${NATIONAL_INTEREST}"] .sentence`);
		await expect(sentence.locator('.modality').innerText()).resolves.toBe('according to India');
		await expect(
			page.locator('[data-edge="india-pursues-long-term-lng-supply-agreements"] .modality').innerText()
		).resolves.toBe('intended');
		// A stated relationship has no badge.
		await expect(
			page.locator('[data-edge="trade-imbalance-favours-russia"] .modality').count()
		).resolves.toBe(0);
		expect(page.errors).toEqual([]);
	});

	it('draws hedged relationships dashed, as the picture of the view shows', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/long-term-lng-supply-agreements?depth=1'));
		await graphSettled(page);
		const [download] = await exportBy(page, 'Save picture');
		const svg = readFileSync(await (download as Download).path(), 'utf8');
		const lines = svg.match(/<(line|path) class="edge"[^>]*>/g) ?? [];
		const dashed = lines.filter((line) => line.includes('stroke-dasharray'));
		// Every relationship of the view (the agreements and their neighbours) the source does not state as fact.
		const view = visibleElements(flagship, { ...DEFAULT_VIEW, depth: 1 }, 'long-term-lng-supply-agreements');
		const hedged = [...view.edges].filter(
			(edge) => (flagship.getEdgeAttribute(edge, 'modality') ?? 'stated') !== 'stated'
		);
		expect(hedged.length).toBeGreaterThanOrEqual(3);
		expect(dashed.length).toBe(hedged.length);
		expect(lines.length).toBe(view.edges.size);
	});

	it('shows only what the source states as fact, from the legend and from the address', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		expect(await isEdgeDrawn(page, NATIONAL_INTEREST)).toBe(true);
		await openLegend(page);
		await page.getByLabel('Only what the source states as fact').check();
		await page.waitForURL(browser().url('/india-russia/india?stated=1'));
		await graphSettled(page);
		expect(await isEdgeDrawn(page, NATIONAL_INTEREST)).toBe(false);
		expect((await panelSentences(page)).some((line) => line.includes('guided by'))).toBe(false);
		await expect(page.locator('.sentence .modality').count()).resolves.toBe(0);

		await page.goto(browser().url('/india-russia/india?stated=1'));
		await graphSettled(page);
		expect(await isEdgeDrawn(page, NATIONAL_INTEREST)).toBe(false);
		await openLegend(page);
		await expect(page.getByLabel('Only what the source states as fact').isChecked()).resolves.toBe(true);
	});

	it('says where a path is hedged, and finds paths through stated relationships only on request', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/connect?from=india&to=long-term-lng-supply-agreements'));
		const first = page.locator('section.path').first();
		await first.waitFor();
		await expect(first.locator('.modality').first().innerText()).resolves.toBe('intended');
		await page.goto(
			browser().url('/india-russia/connect?from=india&to=long-term-lng-supply-agreements&stated=1')
		);
		await page.locator('section.path, .none').first().waitFor();
		await expect(page.locator('section.path .modality').count()).resolves.toBe(0);
	});
});

describe('modality without JavaScript', () => {
	const browser = useBrowser('no-js');

	it('badges the sentence on the prerendered entity page', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/kudankulam-nuclear-power-plant'));
		await expect(
			page
				.locator('[data-edge="modi-putin-talks-covers-kudankulam-nuclear-power-plant"] .modality')
				.innerText()
		).resolves.toBe('possible');
	});
});
