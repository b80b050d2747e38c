/**
 * First frame in the browser, A/B: from the graph data in hand to the first drawn frame, the explorer against a
 * bare sigma + graphology page (tests/bench/bare/) given the same graph file and sigma settings, interleaved in one
 * Chromium; and the longest task after the first frame. Software WebGL here, so only the ratio means anything.
 *
 * Both pages mark `kge:data` (parsed file in hand) and `kge:first-frame` (after sigma's first render) with the
 * User Timing API; the explorer's marks are in src/lib/explorer/graph-source.ts and GraphCanvas.svelte.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { startServer } from '../../src/cli/serve';
import type { BenchGraph } from './graphs';
import { type Result, result } from './report';

/** What tests/bench/run.ts passes. */
export interface FirstFrameOptions {
	/** The generated graphs, on disk as `<id>.json`, smallest first. */
	graphs: readonly BenchGraph[];
	/** True for `--quick` (fewer runs). */
	quick: boolean;
	/** Path of the Chromium to drive. */
	chromium: string;
	/** Chromium flags for headless, root, no GPU. */
	flags: readonly string[];
	/** The built site (unused: this benchmark builds a site of its own for the graph). */
	baseURL: string | null;
	log(line: string): void;
}

interface FirstFrameRun {
	runs: number;
	chromium: string;
	flags: readonly string[];
	/** How long to watch for long tasks after the first frame, in ms. */
	watchMs?: number;
	log(line: string): void;
}

/** The first-frame rows at 10k/50k, where the budgets apply (1.2× the bare page; no task over 200 ms). */
export async function firstFrame(options: FirstFrameOptions): Promise<Result[]> {
	const graph = options.graphs.find((candidate) => candidate.nodes === 10_000);
	if (!graph) {
		options.log('first frame: no 10k/50k graph given; skipped');
		return [];
	}
	const measured = await firstFrameAB(graph, {
		runs: options.quick ? 3 : 5,
		chromium: options.chromium,
		flags: options.flags,
		log: options.log
	});
	return measured.results;
}

interface Sample {
	firstFrame: number;
	longestAfter: number;
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

const median = (values: readonly number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};

/** Builds the explorer for the graph (its folder only) and the bare page, into `work`. */
async function buildSites(graph: BenchGraph, work: string): Promise<{ app: string; bare: string }> {
	const graphs = join(work, 'graphs');
	mkdirSync(graphs);
	cpSync(graph.file, join(graphs, `${graph.id}.json`));
	const app = join(work, 'app');
	const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
		cwd: ROOT,
		env: { ...process.env, GRAPH_DATA_DIR: graphs, BUILD_DIR: app },
		encoding: 'utf8'
	});
	if (built.status !== 0) throw new Error(`building the explorer failed:\n${built.stderr}`);
	const bare = join(work, 'bare');
	await build({
		root: join(ROOT, 'tests/bench/bare'),
		base: './',
		configFile: false,
		logLevel: 'error',
		build: { outDir: bare, emptyOutDir: true, target: 'es2022' }
	});
	cpSync(join(app, 'api/graphs', `${graph.id}.json`), join(bare, 'graph.json'));
	return { app, bare };
}

async function measure(browser: Browser, url: string, watchMs: number): Promise<Sample> {
	// bypassCSP: the site's policy forbids eval, which playwright's string predicates use.
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	// Strings, not functions: tsx wraps named functions in a helper that the page does not have.
	await page.addInitScript(`window.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });`);
	await page.goto(url);
	await page
		.waitForFunction(`performance.getEntriesByName('kge:first-frame').length > 0`, null, { timeout: 120_000 })
		.catch((error: Error) => {
			throw new Error(`${url} drew no frame: ${errors.join('; ') || error.message}`);
		});
	await page.waitForTimeout(watchMs);
	const sample = (await page.evaluate(`(() => {
		const frame = performance.getEntriesByName('kge:first-frame')[0].startTime;
		const data = performance.getEntriesByName('kge:data')[0].startTime;
		const after = window.__longTasks.filter((task) => task.start >= frame).map((task) => task.duration);
		return { firstFrame: frame - data, longestAfter: Math.max(0, ...after) };
	})()`)) as Sample;
	await page.close();
	return sample;
}

async function rendererString(browser: Browser): Promise<string> {
	const page = await browser.newPage();
	const renderer = (await page.evaluate(`(() => {
		const gl = document.createElement('canvas').getContext('webgl');
		const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
		return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
	})()`)) as string;
	await page.close();
	return renderer;
}

/** First-frame and long-task rows for one graph, with the browser's version and WebGL renderer. */
export async function firstFrameAB(
	graph: BenchGraph,
	options: FirstFrameRun
): Promise<{ results: Result[]; chromium: string; renderer: string }> {
	return withSites(graph, 'first frame', options, async ({ browser, app, bare }) => {
		const renderer = await rendererString(browser);
		const ours: Sample[] = [];
		const theirs: Sample[] = [];
		for (let run = 0; run < options.runs; run++) {
			ours.push(await measure(browser, `${app.url}/${graph.id}`, options.watchMs ?? 3000));
			theirs.push(await measure(browser, `${bare.url}/index.html?graph=graph.json`, options.watchMs ?? 3000));
			options.log(
				`  run ${run + 1}/${options.runs}: explorer ${ours.at(-1)?.firstFrame.toFixed(0)} ms, ` +
					`bare ${theirs.at(-1)?.firstFrame.toFixed(0)} ms`
			);
		}
		return {
			chromium: browser.version(),
			renderer,
			results: [
				result(
					`first frame ${graph.label} (explorer vs bare sigma)`,
					median(ours.map((s) => s.firstFrame)),
					'ms',
					{
						baseline: median(theirs.map((s) => s.firstFrame)),
						target: 1.2
					}
				),
				result(
					`longest task after first frame ${graph.label}`,
					median(ours.map((s) => s.longestAfter)),
					'ms',
					{
						target: 200
					}
				)
			]
		};
	});
}

/**
 * Builds the explorer and the bare page for `graph` into a temporary folder, serves both, launches Chromium,
 * runs `use`, and takes it all down again. `what` names the benchmark in the log.
 */
export async function withSites<T>(
	graph: BenchGraph,
	what: string,
	options: { chromium: string; flags: readonly string[]; log(line: string): void },
	use: (sites: { browser: Browser; app: { url: string }; bare: { url: string } }) => Promise<T>
): Promise<T> {
	const work = mkdtempSync(join(tmpdir(), 'kge-bench-sites-'));
	const servers: { close(): Promise<void> }[] = [];
	let browser: Browser | undefined;
	try {
		options.log(`${what} ${graph.label}: building the explorer and the bare page…`);
		const sites = await buildSites(graph, work);
		const app = await startServer(sites.app);
		servers.push(app);
		const bare = await startServer(sites.bare);
		servers.push(bare);
		browser = await chromium.launch({
			executablePath: options.chromium,
			headless: true,
			args: [...options.flags]
		});
		return await use({ browser, app, bare });
	} finally {
		await browser?.close();
		for (const server of servers) await server.close();
		rmSync(work, { recursive: true, force: true });
	}
}
