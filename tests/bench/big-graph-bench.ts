/**
 * Big graphs' compact path (issue 22), A/B on one generated graph: the site built as today
 * (`DRAWING_FILE_RELATIONSHIPS=1000000000`: the browser's worker downloads the whole graph file,
 * `/api/graphs/<id>.json`, before the first frame) against the compact path (the variable unset, so the build's
 * default: a binary drawing file `/api/graphs/<id>/drawing.bin` for the worker, detail shards fetched when an
 * entity is opened, search texts on the first search). Each site is built with `npx vite build` from a folder
 * holding only that graph, served with src/cli/serve.ts and driven in headless Chromium; every session has a
 * browser context of its own (an empty cache, as a first visit), and the sessions are interleaved (today,
 * compact, today, compact…, SESSIONS of each). Each figure is the median over the sessions, the compact side's
 * set against today's measured in the same run:
 *   1. bytes received before the first frame, gzip-compressed as a host serves them: every response of the page
 *      and of its workers (the context's `response` event, which reports dedicated workers' fetches too) whose
 *      headers arrived before the `kge:first-frame` mark, each body gzipped (zlib, level 6; the local server does
 *      not compress); the body is the served file, read from the built site (≤ 0.25×);
 *   2. navigation to first frame: the `kge:first-frame` mark's startTime, from navigation start (≤ 0.5×);
 *   3. JS heap after the first frame: 2 s after it, a full GC (CDP `HeapProfiler.collectGarbage`) then
 *      `Runtime.getHeapUsage` used size of the page and of each of its dedicated workers (attached through the
 *      page's CDP session), summed (≤ 0.6×);
 *   4. the longest task after the first frame (long-task observer, as in interaction.ts) over the 2 s settle, a
 *      pan and a hover, leaving out the forced collections of 3. (compact ≤ 100 ms; today's reported);
 *   5. opening an entity as a reader does (its label typed into search, Enter on the result): from the Enter
 *      keydown to the entity's panel showing its description paragraph, both read on the page's own clock; a few
 *      mid-degree entities a session, different in each, so that no detail shard is cached (compact ≤ 200 ms;
 *      today's reported). Also reported without budget: from the search's choice (its result list hidden) to
 *      the description, which leaves out the wait for a query the worker has not answered yet.
 * It logs, for the first session of each side, the bytes before the first frame by kind (JS, drawing.bin, the
 * graph's .json, other) with the body sizes Chromium itself reported (0 for worker scripts) as a cross-check.
 * Software WebGL here (SwiftShader): the ratios are what matter, the absolute figures are this machine's.
 *
 * Alone: `npx tsx tests/bench/big-graph-bench.ts [--nodes N --edges M] [--sessions K] [--compact-threshold R]`
 * generates the graph (default 100k/500k, seed 1), prints the rows and each build's wall time, peak memory (RSS
 * of the build's largest process, from `/usr/bin/time -f %M`, else sampled from /proc) and the size of its graph
 * files. `--compact-threshold R` builds the compact side with DRAWING_FILE_RELATIONSHIPS=R instead of the default
 * (to try the compact path on a smaller graph).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
	type Browser,
	type BrowserContext,
	type CDPSession,
	type Page,
	type Request,
	chromium
} from 'playwright-core';
import { resolveStaticPath, startServer } from '../../src/cli/serve';
import type { GraphFile } from '../../src/lib/graph/schema';
import { findChromium } from '../e2e/chromium';
import { FLAGS } from '../e2e/flags';
import { type BenchGraph, type GraphSize, SIZES, writeBenchGraph } from './graphs';
import { type Result, result, table } from './report';
import { OBSERVER, panAndHover, phase, steps } from './interaction';
import { median } from './stats';

/** Sessions of each side, interleaved. */
export const SESSIONS = 3;
/** Entities opened a session (different ones in every session, the same on both sides of a pair). */
const ENTITIES_PER_SESSION = 3;
/** Today's path: a threshold no graph reaches, so that no graph gets the compact files. */
export const TODAY_RELATIONSHIPS = '1000000000';
/** How long to wait after the first frame before measuring the heap (and watching long tasks meanwhile). */
const SETTLE_MS = 2000;
const BUDGETS = { bytes: 0.25, firstFrame: 0.5, heap: 0.6, longestTaskMs: 100, openMs: 200 };
const GZIP_LEVEL = 6;
const TIME = '/usr/bin/time';
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

type Side = 'today' | 'compact';
const SIDES: readonly Side[] = ['today', 'compact'];

export interface BigGraphOptions {
	graph: BenchGraph;
	chromium: string;
	flags: readonly string[];
	log(line: string): void;
	/** Sessions of each side (default SESSIONS). */
	sessions?: number;
	/** DRAWING_FILE_RELATIONSHIPS for the compact side's build; unset (the build's default) when undefined. */
	compactThreshold?: string;
	/** How the builds' peak memory is read: `time` (/usr/bin/time, the default where it exists) or `proc`. */
	rss?: 'time' | 'proc';
}

/** A file's size as served and gzip-compressed. */
interface Size {
	bytes: number;
	gzipBytes: number;
}

/** One side's build. */
export interface BigGraphBuild {
	side: Side;
	/** DRAWING_FILE_RELATIONSHIPS given to the build (undefined: unset). */
	threshold: string | undefined;
	wallMs: number;
	/** Peak resident memory of the build's largest process, in bytes; null when it could not be read. */
	peakRssBytes: number | null;
	/** How the peak was read. */
	rssMethod: string;
	/** `/api/graphs/<id>.json`, `drawing.bin`, the search texts, when the build wrote them. */
	graphJson: Size | null;
	drawing: Size | null;
	searchTexts: Size | null;
	/** Detail shards: how many, and their total size. */
	details: Size & { count: number };
}

export interface BigGraphRun {
	results: Result[];
	builds: BigGraphBuild[];
}

type Group = 'JS' | 'drawing.bin' | 'graph .json' | 'other';
const GROUPS: readonly Group[] = ['JS', 'drawing.bin', 'graph .json', 'other'];

/** What a session measured. */
export interface Session {
	firstFrameMs: number;
	/** Bytes of the responses before the first frame: as served, gzipped, and as Chromium says it received them. */
	received: Record<Group, { responses: number; bytes: number; gzipBytes: number; browserBytes: number }>;
	gzipBytes: number;
	heap: { page: number; workers: { url: string; bytes: number }[]; total: number };
	/** Each step's longest task after the first frame (settle, pan, hover). */
	steps: Record<string, number>;
	longestAfter: number;
	/** The entities opened, in order. */
	opens: Opening[];
	/** Heap (page + workers) after the entities were opened, for the log. */
	heapAtEnd: number;
}

/** Opening an entity through search, times from the Enter keydown on the page's clock. */
interface Opening {
	label: string;
	/** To the description. */
	ms: number;
	/**
	 * To the search's choice (its result list hidden): Enter waits there while the worker has not answered the
	 * query in the field yet.
	 */
	chosenMs: number;
	/** To the entity's panel. */
	panelMs: number;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const whole = (ms: number) => `${ms.toFixed(0)} ms`;

// ---------------------------------------------------------------------------------------------------------------
// Sizes of served files, gzipped once each

const gzipped = new Map<string, Size>();

/** The size of `file` and of its gzip (level 6), remembered by path. */
function sizeOf(file: string): Size {
	let size = gzipped.get(file);
	if (!size) {
		const bytes = readFileSync(file);
		size = { bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: GZIP_LEVEL }).length };
		gzipped.set(file, size);
	}
	return size;
}

function sizeIfThere(file: string): Size | null {
	return existsSync(file) ? sizeOf(file) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// Building a site

/** Peak VmHWM (kB) of `root` and its descendants, sampled from /proc every 250 ms until `stop()`. */
function sampleTree(root: number): { stop(): number } {
	const peaks = new Map<number, number>();
	const sample = () => {
		const children = new Map<number, number[]>();
		for (const name of readdirSync('/proc')) {
			if (!/^\d+$/.test(name)) continue;
			try {
				const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
				const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
				children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
			} catch {
				// Gone meanwhile.
			}
		}
		const queue = [root];
		for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
			queue.push(...(children.get(pid) ?? []));
			try {
				const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
				if (hwm) peaks.set(pid, Math.max(peaks.get(pid) ?? 0, Number(hwm[1])));
			} catch {
				// Gone meanwhile.
			}
		}
	};
	sample();
	const timer = setInterval(sample, 250);
	return {
		stop: () => {
			clearInterval(timer);
			return Math.max(0, ...peaks.values());
		}
	};
}

/** Builds the explorer for the graphs in `graphs` into `out`, timed, with its peak memory. */
async function buildSite(
	graphs: string,
	out: string,
	threshold: string | undefined,
	rss: 'time' | 'proc'
): Promise<{ wallMs: number; peakRssBytes: number | null; rssMethod: string }> {
	const env: NodeJS.ProcessEnv = { ...process.env, GRAPH_DATA_DIR: graphs, BUILD_DIR: out };
	if (threshold === undefined) delete env.DRAWING_FILE_RELATIONSHIPS;
	else env.DRAWING_FILE_RELATIONSHIPS = threshold;
	const vite = ['npx', 'vite', 'build', '--logLevel', 'error'];
	const timeFile = `${out}.time`;
	const useTime = rss === 'time' && existsSync(TIME);
	const [command = 'npx', ...args] = useTime ? [TIME, '-o', timeFile, '-f', '%M', ...vite] : vite;
	const started = performance.now();
	const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
	const sampler = useTime || child.pid === undefined ? null : sampleTree(child.pid);
	let output = '';
	const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	const code = await new Promise<number | null>((done, fail) => {
		child.on('error', fail);
		child.on('close', done);
	});
	const wallMs = performance.now() - started;
	const sampledKb = sampler?.stop() ?? 0;
	if (code !== 0) throw new Error(`building ${out} failed (exit ${code}):\n${output}`);
	if (useTime) {
		const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
		const kb = Number(lines[lines.length - 1]);
		return {
			wallMs,
			peakRssBytes: Number.isFinite(kb) ? kb * 1024 : null,
			rssMethod: `${TIME} -f %M (largest process of the build)`
		};
	}
	return {
		wallMs,
		peakRssBytes: sampledKb ? sampledKb * 1024 : null,
		rssMethod: 'VmHWM of the build and its child processes, read from /proc every 250 ms (largest process)'
	};
}

/** The graph files a build wrote for `id`. */
function builtFiles(
	root: string,
	id: string
): Omit<BigGraphBuild, 'side' | 'threshold' | 'wallMs' | 'peakRssBytes' | 'rssMethod'> {
	const api = join(root, 'api/graphs');
	const shards = join(api, id, 'details');
	const details = { count: 0, bytes: 0, gzipBytes: 0 };
	if (existsSync(shards)) {
		for (const name of readdirSync(shards)) {
			const size = sizeOf(join(shards, name));
			details.count++;
			details.bytes += size.bytes;
			details.gzipBytes += size.gzipBytes;
		}
	}
	const searchTexts = existsSync(join(api, id))
		? readdirSync(join(api, id)).find((name) => /^search-texts?\.json$/.test(name))
		: undefined;
	return {
		graphJson: sizeIfThere(join(api, `${id}.json`)),
		drawing: sizeIfThere(join(api, id, 'drawing.bin')),
		searchTexts: searchTexts ? sizeOf(join(api, id, searchTexts)) : null,
		details
	};
}

function describeBuild(build: BigGraphBuild): string {
	const size = (what: string, file: Size | null) =>
		file ? `${what} ${mb(file.bytes)} (gzip ${mb(file.gzipBytes)})` : `no ${what}`;
	return (
		`${build.side} (DRAWING_FILE_RELATIONSHIPS=${build.threshold ?? 'unset'}): built in ` +
		`${(build.wallMs / 1000).toFixed(1)} s, peak RSS ` +
		`${build.peakRssBytes === null ? 'unknown' : `${(build.peakRssBytes / 2 ** 30).toFixed(2)} GiB`} ` +
		`[${build.rssMethod}]; ${size('graph .json', build.graphJson)}, ${size('drawing.bin', build.drawing)}, ` +
		`${build.details.count} detail shards ${mb(build.details.bytes)} (gzip ${mb(build.details.gzipBytes)}), ` +
		`${size('search texts', build.searchTexts)}`
	);
}

// ---------------------------------------------------------------------------------------------------------------
// Entities to open

/**
 * `count` entities to open: mid-degree (between the median degree and the 75th percentile, so no hub), with a
 * description, spread over the file (so over its shards), and with a label no other label contains, so that
 * typing it finds that entity first.
 */
export function pickEntities(file: string, count: number): { label: string; degree: number }[] {
	const data = JSON.parse(readFileSync(file, 'utf8')) as Pick<GraphFile, 'nodes' | 'edges'>;
	const degree = new Map<string, number>();
	for (const edge of data.edges) {
		degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
		degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
	}
	const sorted = data.nodes.map((node) => degree.get(node.key) ?? 0).sort((a, b) => a - b);
	const low = Math.max(2, sorted[Math.floor(sorted.length / 2)] ?? 0);
	const high = Math.max(low, sorted[Math.floor(sorted.length * 0.75)] ?? 0);
	const labels = data.nodes.map((node) => node.attributes.label.toLowerCase());
	const candidates = data.nodes.flatMap((node, i) => {
		const d = degree.get(node.key) ?? 0;
		return d >= low && d <= high && node.attributes.description ? [{ i, degree: d }] : [];
	});
	const picked: { label: string; degree: number }[] = [];
	for (let n = 0; n < count; n++) {
		for (let c = Math.floor(((n + 0.5) * candidates.length) / count); c < candidates.length; c++) {
			const candidate = candidates[c];
			if (!candidate) break;
			const label = labels[candidate.i] ?? '';
			if (labels.some((other, j) => j !== candidate.i && other.includes(label))) continue;
			const node = data.nodes[candidate.i];
			if (node && !picked.some((p) => p.label === node.attributes.label)) {
				picked.push({ label: node.attributes.label, degree: candidate.degree });
				break;
			}
		}
	}
	if (picked.length < count) throw new Error(`only ${picked.length} of ${count} entities to open were found`);
	return picked;
}

// ---------------------------------------------------------------------------------------------------------------
// A session

/**
 * Long tasks from the start, with steps (`__phases`); and `__arm(label)`, which records the Enter keydown (capture
 * phase, before the search box sees it), when the search chooses (hides its result list), and when the panel of
 * `label` shows, then its description.
 */
const INIT = `${OBSERVER}
	window.__arm = (label) => {
		const open = (window.__open = { pressed: null, chosen: null, panel: null, shown: null });
		const check = () => {
			if (open.pressed === null) return;
			if (open.chosen === null && !document.querySelector('[role=listbox][aria-label="Search results"]:not([hidden])'))
				open.chosen = performance.now();
			for (const article of document.querySelectorAll('article.entity')) {
				if (article.querySelector('h1')?.textContent !== label) continue;
				open.panel ??= performance.now();
				if (article.querySelector('p.description')) {
					open.shown = performance.now();
					observer.disconnect();
				}
			}
		};
		const observer = new MutationObserver(check);
		observer.observe(document.body, {
			childList: true,
			subtree: true,
			characterData: true,
			attributes: true,
			attributeFilter: ['hidden']
		});
		const onkeydown = (event) => {
			if (event.key !== 'Enter') return;
			open.pressed = performance.now();
			removeEventListener('keydown', onkeydown, true);
			check();
		};
		addEventListener('keydown', onkeydown, true);
	};`;

/**
 * The page's dedicated workers through its CDP session: auto-attached without flattening, because a playwright
 * CDPSession cannot address the child sessions that flattening makes; commands go through
 * `Target.sendMessageToTarget`.
 */
async function watchWorkers(cdp: CDPSession) {
	const workers = new Map<string, string>();
	const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
	let next = 1;
	cdp.on('Target.attachedToTarget', (event) => {
		if (event.targetInfo.type === 'worker') workers.set(event.sessionId, event.targetInfo.url);
	});
	cdp.on('Target.detachedFromTarget', (event) => {
		if (event.sessionId) workers.delete(event.sessionId);
	});
	cdp.on('Target.receivedMessageFromTarget', (event) => {
		const message = JSON.parse(event.message) as {
			id?: number;
			result?: unknown;
			error?: { message: string };
		};
		if (message.id !== undefined) waiting.get(message.id)?.(message);
	});
	await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
	const call = async (sessionId: string, method: string): Promise<unknown> => {
		const id = next++;
		const answer = new Promise<{ result?: unknown; error?: { message: string } }>((done, fail) => {
			waiting.set(id, done);
			setTimeout(() => fail(new Error(`${method} in a worker: no answer in 120 s`)), 120_000).unref();
		});
		await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
		const message = await answer.finally(() => waiting.delete(id));
		if (message.error) throw new Error(`${method} in a worker: ${message.error.message}`);
		return message.result;
	};
	/** Used JS heap of the page and of each worker, each after a full GC. */
	return async (): Promise<Session['heap']> => {
		await cdp.send('HeapProfiler.collectGarbage');
		const page = (await cdp.send('Runtime.getHeapUsage')).usedSize;
		const measured: { url: string; bytes: number }[] = [];
		for (const [sessionId, url] of workers) {
			await call(sessionId, 'HeapProfiler.collectGarbage');
			const usage = (await call(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number };
			measured.push({ url, bytes: usage.usedSize });
		}
		return { page, workers: measured, total: page + measured.reduce((sum, w) => sum + w.bytes, 0) };
	};
}

/** A response the context saw: its request, when node saw it, and its body size as Chromium reports it. */
interface Seen {
	request: Request;
	at: number;
	browserBytes?: number;
}

function groupOf(pathname: string, graphId: string): Group {
	if (/\.m?js$/.test(pathname)) return 'JS';
	if (pathname.endsWith('/drawing.bin')) return 'drawing.bin';
	if (pathname.endsWith(`/api/graphs/${graphId}.json`)) return 'graph .json';
	return 'other';
}

/** Opens the entity `label` through search; the in-page times from Enter to its panel and its description. */
async function openEntity(page: Page, label: string): Promise<Opening> {
	const search = page.getByRole('combobox', { name: 'Search the graph' });
	// Waits for the field to be enabled (it is disabled until the graph is in).
	await search.click({ timeout: 300_000 });
	await search.pressSequentially(label, { delay: 30 });
	await page.waitForFunction(
		`(() => {
			const first = document.querySelector('[role=listbox][aria-label="Search results"]:not([hidden]) [role=option] .label');
			return first !== null && first.textContent.trim() === ${JSON.stringify(label)};
		})()`,
		null,
		{ timeout: 300_000 }
	);
	// Let a query still in flight for the whole label come back before Enter.
	await page.waitForTimeout(500);
	await page.evaluate(`window.__arm(${JSON.stringify(label)})`);
	await search.press('Enter');
	await page.waitForFunction(`window.__open.shown !== null`, null, { timeout: 120_000 });
	const open = (await page.evaluate(`window.__open`)) as Record<
		'pressed' | 'chosen' | 'panel' | 'shown',
		number
	>;
	return {
		label,
		ms: open.shown - open.pressed,
		chosenMs: (open.chosen ?? open.shown) - open.pressed,
		panelMs: open.panel - open.pressed
	};
}

/**
 * One session on a built site (a fresh context: first frame, bytes before it, heap, long tasks, the opens of
 * `labels`); exported for measuring sites built by other means, such as graphs past what the build reads.
 */
export async function session(
	browser: Browser,
	site: { url: string; root: string },
	graph: BenchGraph,
	labels: readonly string[],
	log: (line: string) => void
): Promise<Session> {
	// bypassCSP: the site's policy forbids eval, which playwright's string predicates use.
	const context: BrowserContext = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		bypassCSP: true
	});
	try {
		const seen: Seen[] = [];
		// The context's events include the requests of the pages' dedicated workers.
		context.on('response', (response) => seen.push({ request: response.request(), at: Date.now() }));
		context.on('requestfinished', (request) => {
			const entry = seen.find((one) => one.request === request);
			if (entry)
				request.sizes().then(
					(sizes) => (entry.browserBytes = sizes.responseBodySize),
					() => undefined
				);
		});
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await page.addInitScript(INIT);
		const cdp = await context.newCDPSession(page);
		const heap = await watchWorkers(cdp);
		await page.goto(`${site.url}/${graph.id}`);
		await page
			.waitForFunction(`performance.getEntriesByName('kge:first-frame').length > 0`, null, {
				timeout: 300_000
			})
			.catch((error: Error) => {
				throw new Error(`${site.url}/${graph.id} drew no frame: ${errors.join('; ') || error.message}`);
			});
		const frame = (await page.evaluate(
			`({ at: performance.getEntriesByName('kge:first-frame')[0].startTime, origin: performance.timeOrigin })`
		)) as { at: number; origin: number };
		const frameEpoch = frame.origin + frame.at;
		await phase(page, 'settle', String(frame.at));
		await page.waitForTimeout(Math.max(0, frame.origin + frame.at + SETTLE_MS - Date.now()));
		// The collections are not the page's own tasks: the step between settle and pan is left out.
		await phase(page, 'heap');
		const heapAfter = await heap();
		await panAndHover(page);
		await phase(page, 'opening');
		const taskSteps = await steps(page);
		const opens: Session['opens'] = [];
		for (const label of labels) opens.push(await openEntity(page, label));
		const heapAtEnd = (await heap()).total;

		// Every response whose headers came before the first frame, by the browser's timing when it has one.
		const received = Object.fromEntries(
			GROUPS.map((group) => [group, { responses: 0, bytes: 0, gzipBytes: 0, browserBytes: 0 }])
		) as Session['received'];
		const origin = new URL(site.url).origin;
		for (const entry of seen) {
			const timing = entry.request.timing();
			const at =
				timing.startTime > 0 && timing.responseStart >= 0
					? timing.startTime + timing.responseStart
					: entry.at;
			if (at > frameEpoch) continue;
			const url = new URL(entry.request.url());
			const group = received[groupOf(url.pathname, graph.id)];
			let size: Size;
			if (url.origin === origin) {
				const file = resolveStaticPath(site.root, url.pathname) ?? join(site.root, '404.html');
				size = sizeOf(file);
			} else {
				const body = (await (await entry.request.response())?.body().catch(() => null)) ?? Buffer.alloc(0);
				size = { bytes: body.length, gzipBytes: gzipSync(body, { level: GZIP_LEVEL }).length };
			}
			group.responses++;
			group.bytes += size.bytes;
			group.gzipBytes += size.gzipBytes;
			group.browserBytes += entry.browserBytes ?? 0;
		}
		if (errors.length) log(`  page errors: ${errors.join('; ')}`);
		return {
			firstFrameMs: frame.at,
			received,
			gzipBytes: GROUPS.reduce((sum, group) => sum + received[group].gzipBytes, 0),
			heap: heapAfter,
			steps: taskSteps,
			longestAfter: Math.max(taskSteps.settle ?? 0, taskSteps.pan ?? 0, taskSteps.hover ?? 0),
			opens,
			heapAtEnd
		};
	} finally {
		await context.close();
	}
}

function describeSession(side: Side, one: Session, groups: boolean): string[] {
	const lines = [
		`  ${side}: first frame at ${whole(one.firstFrameMs)}, ${mb(one.gzipBytes)} gzip before it; heap ` +
			`${mb(one.heap.total)} (page ${mb(one.heap.page)}` +
			one.heap.workers.map((w) => `, worker ${w.url.replace(/^.*\//, '')} ${mb(w.bytes)}`).join('') +
			`), ${mb(one.heapAtEnd)} after the opens; longest task ${whole(one.longestAfter)} ` +
			`(settle ${whole(one.steps.settle ?? 0)}, pan ${whole(one.steps.pan ?? 0)}, hover ${whole(one.steps.hover ?? 0)}); ` +
			`opened (Enter to description; to the search's choice, to the panel) ` +
			one.opens
				.map((o) => `“${o.label}” ${whole(o.ms)} (${whole(o.chosenMs)}, ${whole(o.panelMs)})`)
				.join(', ')
	];
	if (groups) {
		for (const group of GROUPS) {
			const got = one.received[group];
			lines.push(
				`    before the first frame, ${group}: ${got.responses} responses, ${mb(got.bytes)} served, ` +
					`${mb(got.gzipBytes)} gzip, ${mb(got.browserBytes)} body as Chromium counted it`
			);
		}
	}
	return lines;
}

/** Builds both sites, runs the sessions interleaved, and gives the rows and the builds. */
export async function bigGraph(options: BigGraphOptions): Promise<BigGraphRun> {
	const { graph, log } = options;
	const sessions = options.sessions ?? SESSIONS;
	const work = mkdtempSync(join(tmpdir(), 'kge-bench-big-'));
	const servers: { close(): Promise<void> }[] = [];
	let browser: Browser | undefined;
	try {
		const graphs = join(work, 'graphs');
		mkdirSync(graphs);
		copyFileSync(graph.file, join(graphs, `${graph.id}.json`));
		const entities = pickEntities(graph.file, sessions * ENTITIES_PER_SESSION);
		log(
			`big graph ${graph.label}: entities to open (degree): ` +
				entities.map((e) => `“${e.label}” (${e.degree})`).join(', ')
		);
		const rss = options.rss ?? (existsSync(TIME) ? 'time' : 'proc');
		const builds: BigGraphBuild[] = [];
		const sites = {} as Record<Side, { url: string; root: string }>;
		for (const side of SIDES) {
			const threshold = side === 'today' ? TODAY_RELATIONSHIPS : options.compactThreshold;
			const root = join(work, side);
			log(
				`big graph ${graph.label}: building ${side}'s site (DRAWING_FILE_RELATIONSHIPS=${threshold ?? 'unset'})…`
			);
			const built = await buildSite(graphs, root, threshold, rss);
			const build: BigGraphBuild = { side, threshold, ...built, ...builtFiles(root, graph.id) };
			builds.push(build);
			log(`  ${describeBuild(build)}`);
			const server = await startServer(root);
			servers.push(server);
			sites[side] = { url: server.url, root };
		}
		browser = await chromium.launch({
			executablePath: options.chromium,
			headless: true,
			args: [...options.flags]
		});
		const measured: Record<Side, Session[]> = { today: [], compact: [] };
		for (let run = 0; run < sessions; run++) {
			const labels = entities
				.slice(run * ENTITIES_PER_SESSION, (run + 1) * ENTITIES_PER_SESSION)
				.map((entity) => entity.label);
			for (const side of SIDES) {
				log(`big graph ${graph.label}: ${side} session ${run + 1}/${sessions}…`);
				const one = await session(browser, sites[side], graph, labels, log);
				measured[side].push(one);
				for (const line of describeSession(side, one, run === 0)) log(line);
			}
		}
		const typical = (side: Side, figure: (one: Session) => number) => median(measured[side].map(figure));
		const opening = (side: Side, from: 'pressed' | 'chosen' = 'pressed') =>
			median(
				measured[side].flatMap((one) => one.opens.map((o) => o.ms - (from === 'chosen' ? o.chosenMs : 0)))
			);
		const name = (what: string) => `big graph ${graph.label}: ${what}`;
		return {
			builds,
			results: [
				result(
					name('bytes before the first frame (gzip), compact vs today'),
					typical('compact', (s) => s.gzipBytes) / 1e6,
					'MB',
					{
						baseline: typical('today', (s) => s.gzipBytes) / 1e6,
						target: BUDGETS.bytes
					}
				),
				result(
					name('navigation to first frame, compact vs today'),
					typical('compact', (s) => s.firstFrameMs),
					'ms',
					{
						baseline: typical('today', (s) => s.firstFrameMs),
						target: BUDGETS.firstFrame
					}
				),
				result(
					name('JS heap 2 s after the first frame (page + workers), compact vs today'),
					typical('compact', (s) => s.heap.total) / 1e6,
					'MB',
					{ baseline: typical('today', (s) => s.heap.total) / 1e6, target: BUDGETS.heap }
				),
				result(
					name('longest task after the first frame, compact'),
					typical('compact', (s) => s.longestAfter),
					'ms',
					{
						target: BUDGETS.longestTaskMs
					}
				),
				result(
					name('longest task after the first frame, today'),
					typical('today', (s) => s.longestAfter),
					'ms'
				),
				result(name('opening an entity, Enter to its description, compact'), opening('compact'), 'ms', {
					target: BUDGETS.openMs
				}),
				result(name('opening an entity, Enter to its description, today'), opening('today'), 'ms'),
				result(
					name("opening an entity, search's choice to its description, compact"),
					opening('compact', 'chosen'),
					'ms'
				),
				result(
					name("opening an entity, search's choice to its description, today"),
					opening('today', 'chosen'),
					'ms'
				)
			]
		};
	} finally {
		await browser?.close();
		for (const server of servers) await server.close();
		rmSync(work, { recursive: true, force: true });
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Alone

function parseArgs(argv: readonly string[]) {
	const options = {
		nodes: SIZES.large.nodes as number,
		edges: SIZES.large.edges as number,
		sessions: SESSIONS,
		compactThreshold: undefined as string | undefined,
		rss: undefined as 'time' | 'proc' | undefined
	};
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], argv[i + 1] ?? ''];
		const count = Number(value);
		const positive = Number.isInteger(count) && count > 0;
		if (flag === '--nodes' && positive) options.nodes = count;
		else if (flag === '--edges' && positive) options.edges = count;
		else if (flag === '--sessions' && positive) options.sessions = count;
		else if (flag === '--compact-threshold' && Number.isInteger(count) && count >= 0)
			options.compactThreshold = value;
		else if (flag === '--rss' && (value === 'time' || value === 'proc')) options.rss = value;
		else
			throw new Error(
				`unknown or bad argument ${flag} ${value}: use [--nodes N --edges M] [--sessions K] ` +
					`[--compact-threshold R] [--rss time|proc]`
			);
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const started = performance.now();
	const log = (line: string) =>
		console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
	const short = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));
	const size: GraphSize = {
		label: `${short(options.nodes)}/${short(options.edges)}`,
		nodes: options.nodes,
		edges: options.edges
	};
	const dir = mkdtempSync(join(tmpdir(), 'kge-bench-big-graph-'));
	try {
		const graph = writeBenchGraph(size, dir);
		log(`generated ${graph.id}.json: ${size.label}, ${mb(graph.bytes)} in ${whole(graph.generateMs)}`);
		const run = await bigGraph({
			graph,
			chromium: findChromium(),
			flags: FLAGS,
			log,
			sessions: options.sessions,
			compactThreshold: options.compactThreshold,
			rss: options.rss
		});
		console.log(`\n${table(run.results)}\n`);
		for (const build of run.builds) console.log(describeBuild(build));
		const failed = run.results.filter((r) => !r.pass);
		console.log(failed.length ? `FAIL: ${failed.map((r) => r.name).join('; ')}` : 'All budgets met.');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
