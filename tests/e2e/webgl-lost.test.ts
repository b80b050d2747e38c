/**
 * The browser takes WebGL away (WEBGL_lose_context does what a GPU reset does) and gives it back: the page says
 * so, keeps its text view, and draws the graph again once the context is restored.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { graphSettled, isDrawn, panelShows } from './graph-page';

declare global {
	interface Window {
		__lost?: { restoreContext(): void }[];
	}
}

describe('a lost WebGL context', () => {
	const browser = useBrowser();

	it('shows a notice and the text view, and the graph comes back when WebGL does', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/kudankulam-nuclear-power-plant'));
		await graphSettled(page);
		const canvas = page.locator('[data-testid="graph-canvas"]');
		const canvasesBefore = await canvas.locator('canvas').count();

		const lost = await page.evaluate(() => {
			window.__lost = [];
			for (const element of document.querySelectorAll('[data-testid="graph-canvas"] canvas')) {
				const canvasElement = element as HTMLCanvasElement;
				const gl = canvasElement.getContext('webgl2') ?? canvasElement.getContext('webgl');
				const extension = gl?.getExtension('WEBGL_lose_context');
				if (!extension) continue;
				extension.loseContext();
				window.__lost.push(extension);
			}
			return window.__lost.length;
		});
		expect(lost).toBeGreaterThan(0);
		const notice = page.getByRole('status').filter({ hasText: 'WebGL context was lost' });
		await notice.waitFor();
		await expect(canvas.getAttribute('data-ready')).resolves.toBe('false');
		// The text view still works: the panel, and a link to a neighbour.
		await panelShows(page, 'Kudankulam Nuclear Power Plant');
		await page
			.getByRole('complementary', { name: 'Details' })
			.getByRole('link', { name: 'Tamil Nadu', exact: true })
			.first()
			.click();
		await page.waitForURL(browser().url('/india-russia/tamil-nadu'));
		await panelShows(page, 'Tamil Nadu');

		await page.evaluate(() => {
			for (const extension of window.__lost ?? []) extension.restoreContext();
		});
		await notice.waitFor({ state: 'detached' });
		await graphSettled(page);
		await expect(isDrawn(page, 'tamil-nadu')).resolves.toBe(true);
		await expect(canvas.locator('canvas').count()).resolves.toBe(canvasesBefore);
		expect(page.errors).toEqual([]);
	});
});
