/**
 * `npx tsx tests/e2e/shoot.ts [PATH...]`: screenshots of the built site at desktop and phone size (embeds: 600×400
 * and 320×260) into test-results/screenshots/, for looking at what a change did.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/cli/serve';
import { FLAGS } from './flags';
import { findChromium } from './chromium';

const paths = process.argv.slice(2);
const out = 'test-results/screenshots';
mkdirSync(out, { recursive: true });
const server = await startServer('build');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kge-shoot-')), {
	executablePath: findChromium(),
	headless: true,
	args: FLAGS
});
const pageSizes = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };
// Embeds are shot at the size of an iframe in an article, and a small one.
const embedSizes = { frame: { width: 600, height: 400 }, small: { width: 320, height: 260 } };
for (const path of paths.length > 0 ? paths : ['/']) {
	const sizes = path.startsWith('/embed/') ? embedSizes : pageSizes;
	for (const scheme of ['light', 'dark'] as const) {
		for (const [name, viewport] of Object.entries(sizes)) {
			const page = await context.newPage();
			await page.setViewportSize(viewport);
			await page.emulateMedia({ colorScheme: scheme });
			await page.goto(server.url + path);
			await page
				.locator('[data-ready="true"]')
				.waitFor({ timeout: 10_000 })
				.catch(() => {});
			const file = join(out, `${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${name}-${scheme}.png`);
			await page.screenshot({ path: file });
			console.log(file);
			await page.close();
		}
	}
}
await context.close();
await server.close();
