/**
 * Opening a graph file in the browser (issue 18): a 10k/50k GEXF chosen through the home page's file input, to the
 * first frame of its explorer at /local/<name> (read, import, validation and metrics in the worker, kept in
 * IndexedDB, built and drawn), against parsing the same text with graphology-gexf's browser parser alone, in the
 * same page. Interleaved runs, each in a fresh browser context (an empty IndexedDB); medians. No budget: the
 * issue asks for the figure.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { median } from './stats';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface OpenTimes {
	/** File input to first frame, ms. */
	appMs: number;
	/** graphology-gexf's parse of the same text in the page, ms. */
	baselineMs: number;
	runs: number;
}

/** graphology-gexf's browser parser as one script for the page (`window.__parseGexf`). */
async function baselineScript(): Promise<string> {
	const out = mkdtempSync(join(tmpdir(), 'kge-gexf-baseline-'));
	try {
		await build({
			configFile: false,
			logLevel: 'error',
			build: {
				outDir: out,
				emptyOutDir: true,
				lib: {
					entry: join(ROOT, 'tests/bench/gexf-baseline.ts'),
					formats: ['iife'],
					name: 'gexfBaseline',
					fileName: () => 'baseline.js'
				}
			}
		});
		return readFileSync(join(out, 'baseline.js'), 'utf8');
	} finally {
		rmSync(out, { recursive: true, force: true });
	}
}

export async function benchOpen(
	browser: Browser,
	siteUrl: string,
	gexfFile: string,
	runs: number
): Promise<OpenTimes> {
	const script = await baselineScript();
	const text = readFileSync(gexfFile, 'utf8');
	const app: number[] = [];
	const baseline: number[] = [];
	for (let run = 0; run < runs; run++) {
		// bypassCSP: the baseline script is added to the page inline.
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
		try {
			const page = await context.newPage();
			await page.goto(`${siteUrl}/`);
			await page.addScriptTag({ content: script });
			baseline.push(
				await page.evaluate((gexf) => {
					const start = performance.now();
					(window as unknown as { __parseGexf: (text: string) => number }).__parseGexf(gexf);
					return performance.now() - start;
				}, text)
			);
			const start = performance.now();
			await page.getByLabel('Choose a file…').setInputFiles(gexfFile);
			await page.waitForURL(/\/local\//, { timeout: 300_000 });
			await page.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor({ timeout: 300_000 });
			app.push(performance.now() - start);
		} finally {
			await context.close();
		}
	}
	return { appMs: median(app), baselineMs: median(baseline), runs };
}
