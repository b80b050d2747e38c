/**
 * Using the explorer on a 100k/500k graph: one scripted session (pan, hover, search, select) in headless
 * Chromium, with the longest task of each step, against the same pan and hover on the bare sigma + graphology
 * page (tests/bench/bare/) given the same file. The budget is no task over 200 ms after the first frame.
 * SESSIONS sessions a side, interleaved; each figure is the median over them.
 *
 * On software WebGL (SwiftShader) every frame of 100,000 entities keeps the main thread busy for seconds,
 * bare sigma included; the ratio to the bare page says what the explorer adds, the absolute figure what a
 * person waits on this machine.
 */
import type { Browser, Page } from 'playwright-core';
import { withSites } from './first-frame';
import type { BenchGraph } from './graphs';
import { type Result, result } from './report';
import { median } from './stats';

/** Sessions on each page (explorer, bare), interleaved: a bare session takes minutes on software WebGL. */
const SESSIONS = 3;

export interface InteractionOptions {
	graph: BenchGraph;
	chromium: string;
	flags: readonly string[];
	log(line: string): void;
}

type Steps = Record<string, number>;

/** Collects long tasks from the start; `phase(name)` starts a step, `steps()` gives each step's longest task. */
export const OBSERVER = `window.__longTasks = [];
	window.__phases = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
	}).observe({ type: 'longtask', buffered: true });`;

/** Starts step `name` now, or at `at` (an expression of the page's clock). */
export async function phase(page: Page, name: string, at = 'performance.now()'): Promise<void> {
	await page.evaluate(`window.__phases.push({ name: ${JSON.stringify(name)}, at: ${at} })`);
}

/** Each step's longest task (a step ends where the next begins). */
export async function steps(page: Page): Promise<Steps> {
	return (await page.evaluate(`(() => {
		const out = {};
		window.__phases.forEach((phase, i) => {
			const end = window.__phases[i + 1] ? window.__phases[i + 1].at : Infinity;
			const inside = window.__longTasks.filter((t) => t.start >= phase.at && t.start < end).map((t) => t.duration);
			out[phase.name] = Math.max(0, ...inside);
		});
		return out;
	})()`)) as Steps;
}

/** Pan with a drag, then sweep the pointer over the canvas; waits out the frames each step causes. */
export async function panAndHover(page: Page): Promise<void> {
	const box = await page.locator('canvas').first().boundingBox();
	if (!box) throw new Error('no canvas');
	const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
	await phase(page, 'pan');
	await page.mouse.move(x, y);
	await page.mouse.down();
	for (let i = 1; i <= 4; i++) await page.mouse.move(x + i * 12, y + i * 6);
	await page.mouse.up();
	await page.waitForTimeout(1500);
	await phase(page, 'hover');
	for (let i = 0; i < 10; i++) await page.mouse.move(box.x + 60 + i * 40, box.y + 80 + i * 25);
	await page.waitForTimeout(1500);
}

async function session(browser: Browser, url: string, explorer: boolean): Promise<Steps> {
	// bypassCSP: the site's policy forbids eval, which playwright's string predicates use.
	const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
	try {
		await page.addInitScript(OBSERVER);
		await page.goto(url);
		await page.waitForFunction(`performance.getEntriesByName('kge:first-frame').length > 0`, null, {
			timeout: 300_000
		});
		await phase(page, 'settle');
		await page.waitForTimeout(2000);
		await panAndHover(page);
		if (explorer) {
			await phase(page, 'search');
			const search = page.getByRole('combobox', { name: 'Search the graph' });
			await search.pressSequentially('Kingdom', { delay: 60 });
			const results = page.getByRole('listbox', { name: 'Search results' });
			await results.getByRole('option').first().waitFor({ timeout: 120_000 });
			await page.waitForTimeout(1000);
			await phase(page, 'select');
			const before = page.url();
			await search.press('Enter');
			await page.waitForURL((address) => address.href !== before, { timeout: 120_000 });
			await page.waitForTimeout(3000);
		}
		await phase(page, 'end');
		return await steps(page);
	} finally {
		await page.close();
	}
}

/** Each step's longest task in whole milliseconds, for the log. */
const rounded = (steps: Steps) =>
	JSON.stringify(Object.fromEntries(Object.entries(steps).map(([step, ms]) => [step, Math.round(ms)])));

export async function interaction(options: InteractionOptions): Promise<Result[]> {
	const { graph, log } = options;
	return withSites(graph, 'interaction', options, async ({ browser, app, bare }) => {
		const ours: Steps[] = [];
		const theirs: Steps[] = [];
		for (let run = 1; run <= SESSIONS; run++) {
			log(`interaction ${graph.label}: explorer session ${run}/${SESSIONS} (pan, hover, search, select)…`);
			ours.push(await session(browser, `${app.url}/${graph.id}`, true));
			log(`  explorer: ${rounded(ours[ours.length - 1] ?? {})}`);
			log(`interaction ${graph.label}: bare page session ${run}/${SESSIONS} (pan, hover)…`);
			theirs.push(await session(browser, `${bare.url}/index.html?graph=graph.json`, false));
			log(`  bare: ${rounded(theirs[theirs.length - 1] ?? {})}`);
		}
		const steps = ['settle', 'pan', 'hover', 'search', 'select'] as const;
		/** The median over sessions of one step's longest task (or of each session's longest, for null). */
		const typical = (sessions: Steps[], step: (typeof steps)[number] | null) =>
			median(
				sessions.map((one) => (step ? (one[step] ?? 0) : Math.max(...steps.map((each) => one[each] ?? 0))))
			);
		const name = (step: string) => `longest task ${graph.label}, ${step}`;
		return [
			result(name('pan (explorer vs bare sigma)'), typical(ours, 'pan'), 'ms', {
				baseline: typical(theirs, 'pan')
			}),
			result(name('hover (explorer vs bare sigma)'), typical(ours, 'hover'), 'ms', {
				baseline: typical(theirs, 'hover')
			}),
			result(name('search'), typical(ours, 'search'), 'ms'),
			result(name('select'), typical(ours, 'select'), 'ms'),
			result(`longest task ${graph.label} after the first frame, whole session`, typical(ours, null), 'ms', {
				target: 200
			})
		];
	});
}
