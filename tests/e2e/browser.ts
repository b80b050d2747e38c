/**
 * A fresh headless Chromium for one test file, with the flags that work as root without a GPU.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { FLAGS } from './flags';

export interface Browser {
	context: BrowserContext;
	/** A new page whose console errors and uncaught exceptions are collected in `errors`. */
	newPage(viewport?: { width: number; height: number }): Promise<Page & { errors: string[] }>;
	/** The absolute URL of a path on the site under test. */
	url(path: string): string;
	close(): Promise<void>;
}

export interface LaunchOptions {
	/**
	 * Ignore the pages' Content-Security-Policy, so that a test sees what the page itself would let through: the
	 * policy stops injected script anyway, and a test of escaping must not pass only thanks to it.
	 */
	bypassCSP?: boolean;
}

/**
 * Desktop by default; `phone` is a 390×844 touch screen; `no-webgl` a desktop browser without WebGL; `no-js` one
 * with JavaScript turned off.
 */
export async function launchBrowser(
	device: 'desktop' | 'phone' | 'no-webgl' | 'no-js' = 'desktop',
	options: LaunchOptions = {}
): Promise<Browser> {
	const profile = mkdtempSync(join(tmpdir(), 'kge-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: inject('chromium'),
		headless: true,
		bypassCSP: options.bypassCSP ?? false,
		args: device === 'no-webgl' ? [...FLAGS, '--disable-webgl', '--disable-3d-apis'] : FLAGS,
		...(device === 'phone'
			? { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 }
			: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: device !== 'no-js' })
	});
	const baseURL = inject('baseURL');
	return {
		context,
		async newPage(viewport) {
			const page = Object.assign(await context.newPage(), { errors: [] as string[] });
			if (viewport) await page.setViewportSize(viewport);
			page.on('pageerror', (error) => page.errors.push(error.message));
			page.on('console', (message) => {
				if (message.type() === 'error') page.errors.push(message.text());
			});
			return page;
		},
		url: (path) => new URL(path, baseURL).href,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	};
}

/** One browser for the enclosing `describe`: launched before its tests, closed after them. */
export function useBrowser(
	device?: Parameters<typeof launchBrowser>[0],
	options?: LaunchOptions
): () => Browser {
	let browser: Browser | undefined;
	beforeAll(async () => {
		browser = await launchBrowser(device, options);
	});
	afterAll(() => browser?.close());
	return () => {
		if (!browser) throw new Error('the browser is not launched yet: call it inside a test');
		return browser;
	};
}
