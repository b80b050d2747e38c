/**
 * Embeds in a page of another origin, as an editor's article would have them: the frame draws and names the
 * entity, fits its size, keeps the host page scrolling, and a click moves the frame, not the host. The snippet of
 * "Embed this view" reproduces the explorer's view. The framing headers allow embeds and refuse the explorer.
 */
import type { Frame, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { embeddedFrame } from './graph-page';
import { type HostPage, startHostPage } from './host-page';

const KUDANKULAM = 'kudankulam-nuclear-power-plant';

let host: HostPage | undefined;
afterEach(async () => {
	await host?.close();
	host = undefined;
});

/** Where an entity is drawn inside the frame, in the host page's coordinates. */
async function positionInHost(page: Page, frame: Frame, key: string) {
	const inFrame = await frame.evaluate((k) => window.__graph?.position(k) ?? null, key);
	const box = await page.locator('iframe').first().boundingBox();
	if (!inFrame || !box) throw new Error(`${key} is not drawn in the frame`);
	return { x: box.x + inFrame.x, y: box.y + inFrame.y };
}

/** How far (in whole CSS pixels, x and y) an entity is drawn from the centre of the frame's canvas. */
function offCentre(frame: Frame, key: string): Promise<[number, number]> {
	return frame.evaluate((k) => {
		const box = document.querySelector('[data-testid="graph-canvas"]')?.getBoundingClientRect();
		const at = window.__graph?.position(k);
		if (!box || !at) throw new Error(`${k} is not drawn`);
		// `+ 0` turns -0 into 0.
		return [
			Math.round(at.x - (box.left + box.width / 2)) + 0,
			Math.round(at.y - (box.top + box.height / 2)) + 0
		];
	}, key);
}

describe('an embed in another site', () => {
	const browser = useBrowser();

	it('draws and names the entity, fits 600×400 without scrollbars, centred on the entity', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url(`/embed/india-russia/${KUDANKULAM}`)}" width="600" height="400" style="border:0" title="Graph"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		await expect(frame.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
			'Kudankulam Nuclear Power Plant'
		);
		const overflow = await frame.evaluate(() => {
			const root = document.scrollingElement ?? document.documentElement;
			return { x: root.scrollWidth - root.clientWidth, y: root.scrollHeight - root.clientHeight };
		});
		expect(overflow).toEqual({ x: 0, y: 0 });
		await expect(offCentre(frame, KUDANKULAM)).resolves.toEqual([0, 0]);
		await expect(frame.getByRole('link', { name: /Open in explorer/ }).getAttribute('href')).resolves.toBe(
			`/india-russia/${KUDANKULAM}`
		);
		expect(page.errors).toEqual([]);
	});

	it('moves within the frame on a click, and leaves the host page where it was', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url(`/embed/india-russia/${KUDANKULAM}`)}" width="600" height="400" style="border:0" title="Graph"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		const { x, y } = await positionInHost(page, frame, 'tamil-nadu');
		await page.mouse.click(x, y);
		await frame.waitForURL(browser().url('/embed/india-russia/tamil-nadu'));
		await frame.getByRole('heading', { level: 1, name: 'Tamil Nadu' }).waitFor();
		expect(page.url()).toBe(host.url);
	});

	it('lets the wheel scroll the host page by default, and zooms instead with scroll=1', async () => {
		const src = browser().url(`/embed/india-russia/${KUDANKULAM}`);
		host = await startHostPage(
			`<iframe src="${src}" width="600" height="400" style="border:0" title="A"></iframe>` +
				`<iframe src="${src}?scroll=1" width="600" height="400" style="border:0" title="B"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		await embeddedFrame(page);
		const box = await page.locator('iframe').first().boundingBox();
		if (!box) throw new Error('no iframe');
		await page.mouse.move(box.x + box.width / 2, box.y + 100);
		await page.mouse.wheel(0, 300);
		await page.waitForFunction(() => window.scrollY > 0);

		await page.evaluate(() => window.scrollTo(0, 0));
		const second = page.locator('iframe').nth(1);
		await second.scrollIntoViewIfNeeded();
		const before = await page.evaluate(() => window.scrollY);
		const frameB = await (await second.elementHandle())?.contentFrame();
		await frameB?.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
		const boxB = await second.boundingBox();
		if (!boxB || !frameB) throw new Error('no second iframe');
		const spot = { x: boxB.x + 40, y: boxB.y + 60 };
		await page.mouse.move(spot.x, spot.y);
		const where = () => frameB.evaluate((k) => window.__graph?.position(k) ?? null, KUDANKULAM);
		const start = await where();
		await page.mouse.wheel(0, -300);
		await frameB.waitForFunction(() => !window.__graph?.isMoving());
		await expect.poll(where).not.toEqual(start);
		expect(await page.evaluate(() => window.scrollY)).toBe(before);
	});

	it('takes the theme it is given, whatever the system setting', async () => {
		const page = await browser().newPage({ width: 600, height: 400 });
		await page.emulateMedia({ colorScheme: 'light' });
		const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		await page.goto(browser().url(`/embed/india-russia/${KUDANKULAM}?theme=dark`));
		await expect(background()).resolves.toBe('rgb(17, 19, 24)');
		await page.goto(browser().url(`/embed/india-russia/${KUDANKULAM}`));
		await expect(background()).resolves.toBe('rgb(255, 255, 255)');
		await page.emulateMedia({ colorScheme: 'dark' });
		await expect(background()).resolves.toBe('rgb(17, 19, 24)');
		await page.goto(browser().url(`/embed/india-russia/${KUDANKULAM}?theme=light`));
		await expect(background()).resolves.toBe('rgb(255, 255, 255)');
	});

	it('follows resizes of its frame', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url(`/embed/india-russia/${KUDANKULAM}`)}" width="600" height="400" style="border:0" title="Graph"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		await page.locator('iframe').evaluate((iframe) => {
			iframe.setAttribute('width', '320');
			iframe.setAttribute('height', '260');
		});
		await expect
			.poll(() =>
				frame.evaluate(() => {
					const root = document.scrollingElement ?? document.documentElement;
					const canvas = document.querySelector('[data-testid="graph-canvas"] canvas');
					return [root.scrollWidth, root.scrollHeight, canvas?.getBoundingClientRect().width];
				})
			)
			.toEqual([320, 260, 320]);
		await expect.poll(() => offCentre(frame, KUDANKULAM)).toEqual([0, 0]);
	});

	it('opens the explorer in a new tab on a click with click=open', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url(`/embed/india-russia/${KUDANKULAM}?click=open&depth=1`)}" width="600" height="400" style="border:0" title="Graph"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		const { x, y } = await positionInHost(page, frame, 'tamil-nadu');
		const [tab] = await Promise.all([browser().context.waitForEvent('page'), page.mouse.click(x, y)]);
		await tab.waitForURL(browser().url('/india-russia/tamil-nadu?depth=1'));
		expect(frame.url()).toBe(browser().url(`/embed/india-russia/${KUDANKULAM}?click=open&depth=1`));
		await tab.close();
	});
});

describe('moving inside an embed', () => {
	const browser = useBrowser();

	it('follows a caption link in place, keeps its options, and goes back', async () => {
		const page = await browser().newPage({ width: 600, height: 400 });
		await page.goto(browser().url(`/embed/india-russia/${KUDANKULAM}?legend=1&depth=1`));
		await page.locator('[data-testid="graph-canvas"][data-ready="true"]').waitFor();
		// Set on this document: a page load would lose it.
		await page.evaluate(() => Object.assign(window, { __samePage: true }));
		const title = await page.title();
		await page.getByRole('link', { name: 'Tamil Nadu', exact: true }).first().click();
		await page.waitForURL(browser().url('/embed/india-russia/tamil-nadu?legend=1&depth=1'));
		await page.getByRole('heading', { level: 1, name: 'Tamil Nadu' }).waitFor();
		await expect(page.title()).resolves.toBe(title.replace('Kudankulam Nuclear Power Plant', 'Tamil Nadu'));
		await expect(page.getByRole('list', { name: 'Entity types' }).isVisible()).resolves.toBe(true);
		await expect.poll(() => offCentre(page.mainFrame(), 'tamil-nadu')).toEqual([0, 0]);
		await expect(page.evaluate(() => '__samePage' in window)).resolves.toBe(true);

		await page.goBack();
		await page.getByRole('heading', { level: 1, name: 'Kudankulam Nuclear Power Plant' }).waitFor();
		expect(page.url()).toBe(browser().url(`/embed/india-russia/${KUDANKULAM}?legend=1&depth=1`));
		await expect.poll(() => offCentre(page.mainFrame(), KUDANKULAM)).toEqual([0, 0]);
		await expect(page.evaluate(() => '__samePage' in window)).resolves.toBe(true);
		expect(page.errors).toEqual([]);
	});
});

describe('"Embed this view"', () => {
	const browser = useBrowser();

	it('gives a snippet that reproduces the view, previews it, and copies it', async () => {
		await browser().context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const page = await browser().newPage();
		await page.goto(browser().url(`/india-russia/${KUDANKULAM}?hide=person&depth=1`));
		await page.getByRole('button', { name: 'Embed this view' }).click();
		const dialog = page.getByRole('dialog', { name: 'Embed this view' });
		await dialog.getByLabel('800 × 500').check();
		await dialog.getByLabel('Legend').check();
		const snippet = await dialog.getByLabel('HTML').inputValue();
		const src = browser().url(`/embed/india-russia/${KUDANKULAM}?hide=person&depth=1&legend=1`);
		expect(snippet).toBe(
			`<iframe src="${src.replaceAll('&', '&amp;')}" title="Kudankulam Nuclear Power Plant — India and Russia after the Modi–Putin talks" ` +
				'width="800" height="500" style="border:0;max-width:100%" loading="lazy"></iframe>'
		);
		await dialog.getByRole('button', { name: 'Copy' }).click();
		await dialog.getByText('Copied.').waitFor();
		await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(snippet);
		const preview = dialog.frameLocator('iframe');
		await preview.getByRole('heading', { level: 1, name: 'Kudankulam Nuclear Power Plant' }).waitFor();

		// Pasted into an article on another site, the snippet shows the same view.
		host = await startHostPage(snippet);
		const article = await browser().newPage();
		await article.goto(host.url);
		const frame = await embeddedFrame(article);
		await expect(article.locator('iframe').boundingBox()).resolves.toMatchObject({ width: 800, height: 500 });
		const drawn = (key: string) => frame.evaluate((k) => window.__graph?.isDrawn(k) ?? false, key);
		await expect(drawn(KUDANKULAM)).resolves.toBe(true);
		await expect(drawn('tamil-nadu')).resolves.toBe(true); // a neighbour: depth 1
		await expect(drawn('china')).resolves.toBe(false); // not a neighbour
		await expect(drawn('vladimir-putin')).resolves.toBe(false); // a person: hidden
		await expect(frame.getByRole('list', { name: 'Entity types' }).isVisible()).resolves.toBe(true);
	});
});

describe('framing headers', () => {
	const browser = useBrowser();

	it('allow any site to frame an embed, and only the site itself to frame anything else', async () => {
		const embed = await fetch(browser().url('/embed/india-russia/india'));
		expect(embed.headers.get('content-security-policy')).toMatch(/(^|; )frame-ancestors \*$/);
		expect(embed.headers.get('x-frame-options')).toBeNull();
		for (const path of ['/', '/india-russia', '/india-russia/india', '/api/graphs.json', '/404.html']) {
			const response = await fetch(browser().url(path));
			expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
			expect(response.headers.get('content-security-policy'), path).toMatch(/(^|; )frame-ancestors 'self'$/);
			expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
		}
	});

	it('let the browser show an embed in another site but refuse the explorer there', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url('/embed/india-russia/india')}" width="600" height="400" title="Embed"></iframe>` +
				`<iframe src="${browser().url('/india-russia/india')}" width="600" height="400" title="Explorer"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const embed = await embeddedFrame(page);
		await expect(embed.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('India');
		// Chromium replaces a refused frame with its own error page ("127.0.0.1 refused to connect").
		const explorer = await (await page.locator('iframe').nth(1).elementHandle())?.contentFrame();
		await expect.poll(() => explorer?.url()).toMatch(/^chrome-error:/);
		await expect(explorer?.getByRole('heading', { name: 'India', exact: true }).count()).resolves.toBe(0);
		await expect(explorer?.locator('body').innerText()).resolves.toMatch(/refused|blocked/);
	});
});

describe('an embed without WebGL', () => {
	const browser = useBrowser('no-webgl');

	it('shows the entity and all its relationships as text', async () => {
		const page = await browser().newPage({ width: 600, height: 400 });
		await page.goto(browser().url(`/embed/india-russia/${KUDANKULAM}`));
		await page.getByRole('status').filter({ hasText: 'cannot draw the graph' }).waitFor();
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
			'Kudankulam Nuclear Power Plant'
		);
		const sentences = await page.locator('[data-edge] .sentence').allInnerTexts();
		expect(sentences).toContain('Kudankulam Nuclear Power Plant — is located in → Tamil Nadu');
		expect(sentences).toHaveLength(4);
	});
});
