/**
 * The security headers and the Content-Security-Policy, against the built site served as a host would serve it:
 * every kind of page gets its headers and its meta policy, loads, hydrates and draws without a single violation,
 * and the policy is real: an inline script without its hash, a script from another site or an inline event
 * handler does not run, and the browser reports it. The referrer policy keeps addresses inside the site.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { PAGE_POLICY, formatPolicy } from '../../src/lib/server/csp.js';
import { allGraphs } from '../../src/lib/server/graphs';
import { EMBED_CSP, PAGE_CSP } from '../../src/lib/server/headers';
import { useBrowser } from './browser';
import { graphSettled, nodePosition, panelHeading, panelShows } from './graph-page';
import { type HostPage, startHostPage } from './host-page';

declare global {
	interface Window {
		__reportViolation?: (violation: Violation) => void;
	}
}

interface Violation {
	/** Which policy refused: the response header's (it has frame-ancestors) or the page's meta tag's. */
	policy: 'header' | 'meta';
	directive: string;
	blocked: string;
	sample: string;
	document: string;
}

const big = allGraphs().get('big-synthetic');
if (!big) throw new Error('npm test builds tests/fixtures/graphs/big-synthetic.json');
/** An entity of the big graph: no prerendered page, the host answers with 404.html. */
const BIG_ENTITY = big.nodes().sort()[0] ?? '';

let host: HostPage | undefined;
afterEach(async () => {
	await host?.close();
	host = undefined;
});

/** A policy as a map from directive name to its sources. */
function directives(policy: string): Map<string, string[]> {
	return new Map(
		policy
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...sources]) => [name as string, sources])
	);
}

/** The meta policy with `script-src` reduced to what the config says (SvelteKit appends the page's hashes). */
function withoutHashes(policy: Map<string, string[]>): Map<string, string[]> {
	const script = policy.get('script-src') ?? [];
	return new Map(
		[...policy].map(([name, sources]) => [
			name,
			name === 'script-src' ? script.filter((s) => !s.startsWith("'sha256-")) : sources
		])
	);
}

/**
 * Collects every `securitypolicyviolation` of the page and its frames, across navigations, from the first byte:
 * the listener is installed before any script of the page runs.
 */
async function watchViolations(page: Page): Promise<Violation[]> {
	const violations: Violation[] = [];
	await page.exposeFunction('__reportViolation', (violation: Violation) => violations.push(violation));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (event) => {
			window.__reportViolation?.({
				policy: event.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta',
				directive: event.effectiveDirective,
				blocked: event.blockedURI,
				sample: event.sample,
				document: event.documentURI
			});
		});
	});
	return violations;
}

/** Lets queued violation events reach the test: they are dispatched in tasks of their own. */
async function flush(page: Page): Promise<void> {
	await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50))));
}

/** The console messages in which the browser reports a refused load or script. */
function cspErrors(page: Page & { errors: string[] }): string[] {
	return page.errors.filter((error) => /Content Security Policy|Refused to/i.test(error));
}

/** Waits until SvelteKit's client has started on the page (it marks the history entry as its own). */
async function started(page: Page): Promise<void> {
	await page.waitForFunction(() => history.state?.['sveltekit:history'] !== undefined);
}

interface PageKind {
	path: string;
	status: number;
	/** The Content-Security-Policy header expected: the page's, the embed's, or none (the documented gap). */
	header: string | null;
	/** What shows that the page has loaded, hydrated and drawn. */
	ready(page: Page): Promise<void>;
}

const PAGE_KINDS: PageKind[] = [
	{
		path: '/',
		status: 200,
		header: PAGE_CSP,
		ready: async (page) => {
			await started(page);
			await page.getByRole('link', { name: 'India and Russia after the Modi–Putin talks' }).waitFor();
		}
	},
	{
		path: '/india-russia',
		status: 200,
		header: PAGE_CSP,
		ready: async (page) => {
			await graphSettled(page);
			await panelShows(page, 'India and Russia after the Modi–Putin talks');
		}
	},
	{
		path: '/india-russia/india',
		status: 200,
		header: PAGE_CSP,
		ready: async (page) => {
			await graphSettled(page);
			await panelShows(page, 'India');
		}
	},
	{
		path: '/india-russia/connect?from=india&to=russia',
		status: 200,
		header: PAGE_CSP,
		ready: async (page) => {
			await graphSettled(page);
			await page.locator('section.path').first().waitFor();
		}
	},
	{
		path: '/embed/india-russia',
		status: 200,
		header: EMBED_CSP,
		ready: async (page) => {
			await graphSettled(page);
			await page
				.getByRole('heading', { level: 1, name: 'India and Russia after the Modi–Putin talks' })
				.waitFor();
		}
	},
	{
		path: '/embed/india-russia/india?legend=1',
		status: 200,
		header: EMBED_CSP,
		ready: async (page) => {
			await graphSettled(page);
			await page.getByRole('heading', { level: 1, name: 'India' }).waitFor();
		}
	},
	{
		path: '/404.html',
		status: 200,
		header: PAGE_CSP,
		ready: async (page) => {
			await started(page);
			await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
		}
	},
	{
		// A big graph's entity: 404.html renders it in the browser.
		path: `/big-synthetic/${BIG_ENTITY}`,
		status: 404,
		header: PAGE_CSP,
		ready: async (page) => {
			await panelShows(page, big.getNodeAttribute(BIG_ENTITY, 'label'));
			await graphSettled(page);
		}
	},
	{
		// An unknown address outside every graph: 404.html without a policy header (docs/deploying.md, "Security headers").
		path: '/no-such-graph',
		status: 404,
		header: null,
		ready: async (page) => {
			await started(page);
			await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
		}
	}
];

describe('the headers of the built site', () => {
	const url = (path: string) => new URL(path, inject('baseURL')).href;

	it('send one Content-Security-Policy, nosniff and the referrer policy with every kind of page', async () => {
		for (const { path, status, header } of [
			...PAGE_KINDS,
			{ path: '/api/graphs.json', status: 200, header: PAGE_CSP },
			{ path: '/api/graphs/india-russia/entities/india.json', status: 200, header: PAGE_CSP }
		]) {
			const response = await fetch(url(path));
			expect(response.status, path).toBe(status);
			// fetch joins repeated headers with ", ": two policies would show here.
			expect(response.headers.get('content-security-policy'), path).toBe(header);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
			expect(response.headers.get('referrer-policy'), path).toBe('same-origin');
			expect(response.headers.get('x-frame-options'), path).toBe(header === PAGE_CSP ? 'SAMEORIGIN' : null);
		}
		const page = directives(PAGE_CSP);
		expect(page.get('frame-ancestors')).toEqual(["'self'"]);
		expect(page.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
		expect(page.get('default-src')).toEqual(["'self'"]);
		expect(page.get('object-src')).toEqual(["'none'"]);
		expect(directives(EMBED_CSP).get('frame-ancestors')).toEqual(['*']);
	});

	it('put one policy meta tag, first in <head>, in every page, with the hash of each of its inline scripts', () => {
		const root = resolve(process.env.BUILD_DIR ?? 'build');
		const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) =>
			file.endsWith('.html')
		);
		expect(files).toContain('404.html');
		expect(files).toContain(join('embed', 'india-russia', 'india.html'));
		const expected = directives(formatPolicy(PAGE_POLICY));
		for (const file of files) {
			const html = readFileSync(join(root, file), 'utf8');
			const name = relative(root, join(root, file));
			const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)">/gi)];
			expect(metas, name).toHaveLength(1);
			// Before the policy there is only the static start of app.html: nothing a page's data can reach.
			const head = html.slice(0, metas[0]?.index);
			expect(head.replace(/<(meta|link)\b[^>]*>/g, '').replace(/\s+/g, ''), name).toBe(
				'<!doctypehtml><htmllang="en"><head>'
			);
			const policy = directives((metas[0]?.[1] ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
			expect(withoutHashes(policy), name).toEqual(expected);
			const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
				([, attributes]) =>
					!/\bsrc=/.test(attributes ?? '') && !/type="application\/json"/.test(attributes ?? '')
			);
			// SvelteKit's bootstrap on every page but the embeds, which load only their own script file.
			if (name.startsWith('embed')) expect(scripts, name).toEqual([]);
			else expect(scripts.length, name).toBeGreaterThan(0);
			for (const [, , body] of scripts) {
				const hash = createHash('sha256')
					.update(body ?? '')
					.digest('base64');
				expect(policy.get('script-src'), name).toContain(`'sha256-${hash}'`);
			}
		}
	});
});

describe('every kind of page under its policy', () => {
	const browser = useBrowser();

	it.each(PAGE_KINDS)('$path loads, hydrates and draws without a violation', async (kind) => {
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		const response = await page.goto(browser().url(kind.path));
		expect(response?.status()).toBe(kind.status);
		expect(await response?.headerValue('content-security-policy')).toBe(kind.header);
		await kind.ready(page);
		const metas = await page.locator('meta[http-equiv="content-security-policy" i]').count();
		expect(metas).toBe(1);
		await flush(page);
		expect(violations).toEqual([]);
		expect(cspErrors(page)).toEqual([]);
	});

	it('lets a person search, click on the canvas and open "Embed this view" without a violation', async () => {
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		await page.goto(browser().url('/india-russia'));
		await graphSettled(page);
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await search.fill('Delhi');
		await search.press('Enter');
		await page.waitForURL(browser().url('/india-russia/india'));
		await expect(panelHeading(page).innerText()).resolves.toBe('India');
		const { x, y } = await nodePosition(page, 'russia');
		await page.mouse.click(x, y);
		await page.waitForURL(browser().url('/india-russia/russia'));
		await panelShows(page, 'Russia');
		await page.getByRole('button', { name: 'Embed this view' }).click();
		const dialog = page.getByRole('dialog', { name: 'Embed this view' });
		await dialog.frameLocator('iframe').getByRole('heading', { level: 1, name: 'Russia' }).waitFor();
		await flush(page);
		expect(violations).toEqual([]);
		expect(cspErrors(page)).toEqual([]);
		expect(page.errors).toEqual([]);
	});

	it('lets an embed draw inside another site without a violation', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url('/embed/india-russia/india')}" width="600" height="400" title="Graph"></iframe>`
		);
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		await page.goto(host.url);
		const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
		if (!frame) throw new Error('the iframe has no frame');
		await frame.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
		await frame.getByRole('heading', { level: 1, name: 'India' }).waitFor();
		await flush(page);
		expect(violations).toEqual([]);
		expect(cspErrors(page)).toEqual([]);
	});
});

describe('the policy at work', () => {
	const browser = useBrowser();

	it('refuses an inline script without its hash in a served page, and still runs the page', async () => {
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		// The page as served, headers and all, with a script added to its body as an injection would.
		await page.route(browser().url('/india-russia/india'), async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace(
				'<body',
				'<script>document.documentElement.dataset.injected = "ran"</script><body'
			);
			expect(body).toContain('dataset.injected');
			await route.fulfill({ response, body });
		});
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		await panelShows(page, 'India');
		await expect(page.evaluate(() => document.documentElement.dataset.injected)).resolves.toBeUndefined();
		await expect
			.poll(() => violations)
			.toContainEqual(
				expect.objectContaining({ policy: 'meta', directive: 'script-src-elem', blocked: 'inline' })
			);
		expect(violations).toHaveLength(1);
		await expect.poll(() => cspErrors(page)).toHaveLength(1);
	});

	it('refuses script added by script: inline text, inline event handlers, another site, eval', async () => {
		host = await startHostPage('');
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		await page.goto(browser().url('/embed/india-russia/india'));
		await graphSettled(page);
		const ran = await page.evaluate(async (elsewhere) => {
			const results: Record<string, boolean> = {};
			const marks = window as unknown as Record<string, boolean>;
			const inline = document.createElement('script');
			inline.textContent = 'window.inlineRan = true';
			document.body.append(inline);
			const holder = document.createElement('div');
			holder.innerHTML = '<img src="/favicon.svg" onload="window.handlerRan = true">';
			document.body.append(holder);
			await holder.querySelector('img')?.decode();
			const external = document.createElement('script');
			external.src = `${elsewhere}script.js`;
			const settled = new Promise((done) => (external.onerror = external.onload = done));
			document.body.append(external);
			await settled;
			try {
				results.eval = (0, eval)('true') === true;
			} catch {
				results.eval = false;
			}
			results.inline = marks.inlineRan === true;
			results.handler = marks.handlerRan === true;
			return results;
		}, host.url);
		expect(ran).toEqual({ inline: false, handler: false, eval: false });
		// Inline script is refused by the meta tag's policy (hashes only); the header's allows it, as designed.
		// Script from another site and eval are refused by both.
		const seen = () =>
			violations.map(({ policy, directive, blocked }) => `${policy} ${directive} ${blocked}`).sort();
		await expect
			.poll(seen)
			.toEqual(
				[
					'meta script-src-elem inline',
					'meta script-src-attr inline',
					`header script-src-elem ${host.url}script.js`,
					`meta script-src-elem ${host.url}script.js`,
					'header script-src eval',
					'meta script-src eval'
				].sort()
			);
	});

	it('keeps refusing other sites and plugins by the header alone, without the meta tag', async () => {
		host = await startHostPage('');
		const page = await browser().newPage();
		const violations = await watchViolations(page);
		await page.route(browser().url('/india-russia'), async (route) => {
			const response = await route.fetch();
			const body = (await response.text()).replace(/<meta http-equiv="content-security-policy"[^>]*>/, '');
			await route.fulfill({ response, body });
		});
		await page.goto(browser().url('/india-russia'));
		await graphSettled(page);
		await expect(page.locator('meta[http-equiv="content-security-policy" i]').count()).resolves.toBe(0);
		await page.evaluate((elsewhere) => {
			const external = document.createElement('script');
			external.src = `${elsewhere}script.js`;
			document.body.append(external);
			const object = document.createElement('object');
			object.data = '/favicon.svg';
			document.body.append(object);
			// Another site: the test build lets the explorer fetch graph files from http://127.0.0.1:* (OPEN_ORIGINS).
			void fetch(`${elsewhere.replace('127.0.0.1', 'localhost')}data.json`).catch(() => undefined);
		}, host.url);
		await expect
			.poll(() => violations.map(({ policy, directive }) => `${policy} ${directive}`).sort())
			.toEqual(['header connect-src', 'header object-src', 'header script-src-elem']);
	});
});

describe('the referrer policy', () => {
	const browser = useBrowser();

	it('sends the full address within the site and none to other sites', async () => {
		host = await startHostPage('');
		const page = await browser().newPage();
		const sent: Record<string, string | undefined> = {};
		page.on('request', async (request) => {
			const url = request.url();
			const referer = (await request.allHeaders())['referer'];
			if (url.includes('/api/graphs/india-russia.json')) sent.api = referer;
			if (url === host?.url) sent.elsewhere = referer;
		});
		const embed = browser().url('/embed/india-russia/india');
		await page.goto(embed);
		await graphSettled(page);
		// "Open in explorer": same site, so the explorer learns which embed the reader came from.
		const [tab] = await Promise.all([
			browser().context.waitForEvent('page'),
			page.getByRole('link', { name: /Open in explorer/ }).click()
		]);
		await tab.waitForURL(browser().url('/india-russia/india'));
		await expect(tab.evaluate(() => document.referrer)).resolves.toBe(embed);
		await tab.close();
		// A link to another site: no Referer at all (strict-origin-when-cross-origin would send the origin).
		await page.evaluate((elsewhere) => {
			const link = document.createElement('a');
			link.href = elsewhere;
			document.body.append(link);
			link.click();
		}, host.url);
		await page.waitForURL(host.url);
		await expect.poll(() => 'elsewhere' in sent).toBe(true);
		expect(sent.api).toBe(embed);
		expect(sent.elsewhere).toBeUndefined();
	});
});
