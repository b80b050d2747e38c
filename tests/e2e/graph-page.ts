/**
 * Helpers for driving the explorer as a person would, waiting on real signals: the canvas says
 * `data-ready="true"` once drawn, and `window.__graph` tells where an entity is drawn.
 */
import type { Download, Frame, Page } from 'playwright-core';

declare global {
	interface Window {
		__graph?: {
			position(key: string): { x: number; y: number } | null;
			isDrawn(key: string): boolean;
			isMoving(): boolean;
			isEdgeDrawn(key: string): boolean;
			display(key: string): { color: string; size: number; hidden: boolean } | null;
			labelled(): string[];
		};
	}
}

/** Waits until the graph is drawn and the camera has stopped moving. */
/** Text as a person reads it: runs of white space as one space, no space at the ends. */
export const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export async function graphSettled(page: Page | Frame): Promise<void> {
	await page.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
	await page.waitForFunction(() => window.__graph !== undefined && !window.__graph.isMoving());
}

/** The frame of the first iframe on `page` (an embed in a host page), once its graph is drawn and still. */
export async function embeddedFrame(page: Page): Promise<Frame> {
	const frame = await (await page.locator('iframe').first().elementHandle())?.contentFrame();
	if (!frame) throw new Error('the iframe has no frame');
	await graphSettled(frame);
	return frame;
}

/** Where an entity is drawn, in page coordinates. */
export async function nodePosition(page: Page | Frame, key: string): Promise<{ x: number; y: number }> {
	await graphSettled(page);
	const position = await page.evaluate((k) => window.__graph?.position(k) ?? null, key);
	if (!position) throw new Error(`entity ${key} is not on the canvas`);
	return position;
}

export async function isDrawn(page: Page | Frame, key: string): Promise<boolean> {
	await graphSettled(page);
	return page.evaluate((k) => window.__graph?.isDrawn(k) ?? false, key);
}

export async function isEdgeDrawn(page: Page, key: string): Promise<boolean> {
	await graphSettled(page);
	return page.evaluate((k) => window.__graph?.isEdgeDrawn(k) ?? false, key);
}

/** How an entity is drawn: its colour and size after highlights and fades, and whether it is hidden. */
export async function nodeDisplay(page: Page | Frame, key: string) {
	await graphSettled(page);
	const display = await page.evaluate((k) => window.__graph?.display(k) ?? null, key);
	if (!display) throw new Error(`entity ${key} is not on the canvas`);
	return display;
}

/** The panel's heading: the selected entity's name, or the graph's title on the overview. */
export function panelHeading(page: Page) {
	return page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { level: 1 });
}

/** The relationship sentences the panel lists. */
export async function panelSentences(page: Page): Promise<string[]> {
	return page.locator('[data-edge] .sentence').allInnerTexts();
}

/**
 * Unfolds every folded group of the panel: a hub's groups (above 12 relationships) list three relationships and
 * fold the rest under "N more" (a native <details>).
 */
export async function unfoldPanel(page: Page): Promise<void> {
	const folded = page.locator('article[data-entity] details.fold:not([open]) > summary');
	while ((await folded.count()) > 0) await folded.first().click();
}

/** Waits until the panel shows `name` as its heading (navigation updates the URL before the panel). */
export async function panelShows(page: Page, name: string): Promise<void> {
	await panelHeading(page).filter({ hasText: name }).waitFor();
}

/** Unfolds the legend (the filter controls) if it is folded. */
export async function openLegend(page: Page): Promise<void> {
	const legend = page.locator('details.legend');
	if (!(await legend.evaluate((element) => (element as HTMLDetailsElement).open))) {
		await legend.locator('summary').first().click();
	}
	// The filters load the first time the legend is unfolded.
	await legend.locator('fieldset').first().waitFor();
}

/** Opens the Export dialog (unless it is open) and clicks `button`; the `count` downloads it starts. */
export async function exportBy(page: Page, button: string, count = 1): Promise<Download[]> {
	const dialog = page.getByRole('dialog', { name: 'Export' });
	if (!(await dialog.isVisible())) await page.getByRole('button', { name: 'Export' }).click();
	const downloads: Download[] = [];
	const all = new Promise<void>((done) =>
		page.on('download', (download) => {
			downloads.push(download);
			if (downloads.length === count) done();
		})
	);
	await dialog.getByRole('button', { name: button, exact: true }).click();
	await all;
	page.removeAllListeners('download');
	return downloads;
}
