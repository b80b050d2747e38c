/**
 * Issue 21 in an article: the flagship's story in a frame on another origin, walked inside the frame and driven
 * by the host page through the message API, with the docs' own example pages (docs/examples) as the hosts: each
 * step highlights what it names; events come back to the host; hostile messages (wrong shape, huge, from a frame
 * that is not the parent) change nothing; the scrollytelling example follows the article's scroll. Without
 * JavaScript the story's frame pages read and link on. "Embed this view" on a story's step gives its snippet.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Locator } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Browser, useBrowser } from './browser';
import { embeddedFrame, graphSettled, isDrawn, nodeDisplay, nodePosition, squash } from './graph-page';
import { type HostPage, serveHostDocument, startHostPage } from './host-page';

const GRAPH = 'india-russia';
const file = JSON.parse(readFileSync(`graph-data/${GRAPH}.json`, 'utf8')) as {
	nodes: { key: string; attributes: { label: string; type: string } }[];
	attributes: {
		stories: {
			id: string;
			title: string;
			steps: { title: string; text: string; entities: string[]; view?: { hide?: string[] } }[];
		}[];
	};
};
const story = file.attributes.stories[0];
if (!story) throw new Error('the flagship should carry a story');
const embedPath = (step?: number) =>
	`/embed/${GRAPH}/story/${story.id}${step === undefined ? '' : `/${step}`}`;
/** The origin the docs' examples name, which the tests replace by the test server's. */
const EXAMPLE_ORIGIN = 'https://graphs.example.org';

let host: HostPage | undefined;
afterEach(async () => {
	await host?.close();
	host = undefined;
});

/** The step a frame's address names (0: the cover). */
const frameStep = (frame: Frame) => {
	const path = new URL(frame.url()).pathname;
	return path === embedPath() ? 0 : Number(path.slice(embedPath().length + 1));
};

/** Whether the canvas shows step `n`: its first entity as drawn normally, an entity outside it faded. */
async function showsStep(frame: Frame, n: number, normal: Map<string, string>): Promise<boolean> {
	const step = story?.steps[n - 1];
	if (!step) throw new Error(`no step ${n}`);
	const inside = step.entities[0] as string;
	const outside = file.nodes.find((node) => !step.entities.includes(node.key))?.key as string;
	await graphSettled(frame);
	return (
		(await nodeDisplay(frame, inside)).color === normal.get(inside) &&
		(await nodeDisplay(frame, outside)).color !== normal.get(outside)
	);
}

/** How every entity is drawn with nothing highlighted (the story's cover). */
async function normalColours(frame: Frame): Promise<Map<string, string>> {
	const colours = new Map<string, string>();
	for (const { key } of file.nodes) colours.set(key, (await nodeDisplay(frame, key)).color);
	return colours;
}

/** One of the docs' example pages, pointed at the site under test, served from another origin. */
function example(name: string, site: string): Promise<HostPage> {
	const html = readFileSync(`docs/examples/${name}`, 'utf8');
	if (!html.includes(EXAMPLE_ORIGIN)) throw new Error(`${name} no longer names ${EXAMPLE_ORIGIN}`);
	return serveHostDocument(html.replaceAll(EXAMPLE_ORIGIN, new URL(site).origin));
}

/** The messages the example host page logged, in order. */
async function said(log: Locator): Promise<{ type: string; [field: string]: unknown }[]> {
	const lines = ((await log.textContent()) ?? '').split('\n').filter((line) => line.trim() !== '');
	return lines.map((line) => JSON.parse(line) as { type: string });
}

/** The docs' example host page with the story's frame, once the frame has said it is ready; its log of messages. */
async function hostExample(browser: Browser) {
	host = await example('host-page.html', browser.url('/'));
	const page = await browser.newPage();
	await page.goto(host.url);
	const frame = await embeddedFrame(page);
	const log = page.getByLabel('Messages from the frame');
	await expect.poll(() => log.textContent()).toContain('"type":"graph:ready"');
	return { page, frame, log };
}

describe('a story in a frame', () => {
	const browser = useBrowser();

	it('starts on its cover and steps in place by its links and the keys, highlighting each step', async () => {
		host = await startHostPage(
			`<iframe src="${browser().url(embedPath())}" width="700" height="500" style="border:0" title="Story"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.title);
		const normal = await normalColours(frame);
		await frame.getByRole('link', { name: 'Start →' }).click();
		await expect.poll(() => frameStep(frame)).toBe(1);
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.steps[0]?.title);
		await expect(squash(await frame.locator('.count').first().textContent())).toBe(
			`Step 1 of ${story.steps.length} · ${story.title}`
		);
		await expect.poll(() => showsStep(frame, 1, normal)).toBe(true);
		await frame.getByRole('link', { name: 'Next →' }).click();
		await expect.poll(() => frameStep(frame)).toBe(2);
		await expect.poll(() => showsStep(frame, 2, normal)).toBe(true);
		// The keys, once the reader is in the frame.
		await frame.locator('body').focus();
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => frameStep(frame)).toBe(3);
		await page.keyboard.press('ArrowLeft');
		await expect.poll(() => frameStep(frame)).toBe(2);
		// Back goes back inside the frame, step by step as the reader went; the host page stays.
		// (page.goBack() would wait for the host page to navigate: the history is the same, the frame's included.)
		await page.evaluate(() => history.back());
		await expect.poll(() => frameStep(frame)).toBe(3);
		await page.evaluate(() => history.go(-2));
		await expect.poll(() => frameStep(frame)).toBe(1);
		expect(page.url()).toBe(host.url);
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.steps[0]?.title);
		await expect.poll(() => showsStep(frame, 1, normal)).toBe(true);
		// "Open in explorer" opens the same step in the explorer.
		await expect(frame.getByRole('link', { name: /Open in explorer/ }).getAttribute('href')).resolves.toBe(
			`/${GRAPH}/story/${story.id}/1`
		);
		expect(page.errors).toEqual([]);
	});

	it('is driven by the host page of the docs, and tells it what happens', async () => {
		const { page, frame, log } = await hostExample(browser());
		const ready = JSON.parse((await log.textContent())?.split('\n')[0] ?? '') as unknown;
		expect(ready).toEqual({
			type: 'graph:ready',
			graph: GRAPH,
			entity: null,
			story: story.id,
			steps: story.steps.length,
			step: 0
		});
		const normal = await normalColours(frame);

		// Steps, asked by the host: the frame shows them and says so, without adding to the reader's history.
		const historyBefore = await frame.evaluate(() => history.length);
		// The host page counts from the step the frame last reported, as a reader clicking would wait for it.
		await page.getByRole('button', { name: 'Next step →' }).click();
		await expect.poll(() => page.locator('#step').textContent()).toBe(`1 of ${story.steps.length}`);
		await page.getByRole('button', { name: 'Next step →' }).click();
		await expect.poll(() => page.locator('#step').textContent()).toBe(`2 of ${story.steps.length}`);
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.steps[1]?.title);
		await expect.poll(() => showsStep(frame, 2, normal)).toBe(true);
		expect(await log.textContent()).toContain(
			JSON.stringify({
				type: 'graph:step',
				story: story.id,
				step: 2,
				steps: story.steps.length,
				title: story.steps[1]?.title
			})
		);
		expect(frameStep(frame)).toBe(2);
		await expect(frame.evaluate(() => history.length)).resolves.toBe(historyBefore);
		// A host that asks again is told again that the frame is ready, with what it shows now.
		await page.evaluate(() =>
			(document.querySelector('iframe') as HTMLIFrameElement).contentWindow?.postMessage(
				{ type: 'graph:hello' },
				'*'
			)
		);
		await expect
			.poll(async () => (await said(log)).filter((m) => m.type === 'graph:ready').at(-1)?.step)
			.toBe(2);

		// An entity, selected by the host, then clicked by the reader: the click comes back to the host.
		await page.getByRole('button', { name: 'Select India' }).click();
		await expect.poll(() => frame.getByRole('heading', { level: 1 }).textContent()).toBe('India');
		const target = file.nodes.find((node) => node.key === 'russia');
		if (!target) throw new Error('the flagship has no russia');
		await graphSettled(frame);
		const at = await nodePosition(frame, target.key);
		const box = await page.locator('iframe').boundingBox();
		if (!box) throw new Error('the frame has no box');
		await page.mouse.click(box.x + at.x, box.y + at.y);
		await expect.poll(() => page.locator('#clicked').textContent()).toBe(target.attributes.label);
		await expect
			.poll(() => frame.getByRole('heading', { level: 1 }).textContent())
			.toBe(target.attributes.label);
		// Back to the story from the entity.
		await frame.getByRole('button', { name: '← Back to the story' }).click();
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.steps[1]?.title);

		// Filters: people hidden, then shown again.
		const person = file.nodes.find((node) => node.attributes.type === 'person')?.key as string;
		await page.getByRole('button', { name: 'Hide people' }).click();
		await expect.poll(() => isDrawn(frame, person)).toBe(false);
		await page.getByRole('button', { name: 'Show everyone' }).click();
		await expect.poll(() => isDrawn(frame, person)).toBe(true);
		await page.getByRole('button', { name: 'Fit the view' }).click();
		await graphSettled(frame);
		expect(await log.textContent()).not.toContain('graph:error');
		expect(page.errors).toEqual([]);
	});

	it('ignores hostile messages: the wrong shape or size answered with an error, another frame’s not at all', async () => {
		const { page, frame, log } = await hostExample(browser());
		const origin = new URL(browser().url('/')).origin;
		// From the parent: malformed, huge, or naming what the graph lacks.
		await page.evaluate((o) => {
			const to = (document.querySelector('iframe') as HTMLIFrameElement).contentWindow as Window;
			to.postMessage({ type: 'graph:show-step', step: '3' }, o);
			to.postMessage({ type: 'graph:show-step', step: 11 }, o);
			to.postMessage({ type: 'graph:select', entity: 'x'.repeat(5_000_000) }, o);
			const huge: Record<string, unknown> = { type: 'graph:fit' };
			for (let i = 0; i < 100_000; i++) huge[`f${i}`] = i;
			to.postMessage(huge, o);
			to.postMessage({ type: 'graph:set-filters', hide: Array(1_000_000).fill('person') }, o);
			to.postMessage({ type: 'graph:select', entity: 'no-such-entity' }, o);
			to.postMessage({ type: 'graph:set-filters', hide: ['person', 'persn'] }, o);
			to.postMessage({ type: 'graph:self-destruct' }, o);
			to.postMessage('graph:show-step', o);
			to.postMessage({ type: 'something else entirely', step: 4 }, o);
		}, origin);
		const errors = async () => (await said(log)).filter((m) => m.type === 'graph:error');
		await expect.poll(async () => (await errors()).length).toBe(8);
		expect((await errors()).map((m) => m.message)).toEqual([
			'graph:show-step: “step” is not valid',
			'the story has no step 11',
			'graph:select: “entity” is not valid',
			'graph:fit has more fields than it takes ()',
			'graph:set-filters: “hide” is not valid',
			'the graph has no entity “no-such-entity”',
			'the graph has no type “persn”',
			'unknown message type “graph:self-destruct”'
		]);
		expect(frameStep(frame)).toBe(0);
		// The filters with an unknown type were not applied.
		const person = file.nodes.find((node) => node.attributes.type === 'person')?.key as string;
		await expect(isDrawn(frame, person)).resolves.toBe(true);
		// From another frame of the same page (not the embed's parent): nothing happens, nothing is answered.
		// The other frame tells the host once it has posted; the embed handles messages in the order they came, so
		// once it has answered the host's next message it has had the other frame's.
		const posted = page.evaluate(
			(o) =>
				new Promise<void>((resolve) => {
					addEventListener('message', (event) => event.data === 'posted' && resolve());
					const other = document.createElement('iframe');
					other.srcdoc = `<script>parent.frames[0].postMessage({ type: 'graph:show-step', step: 5 }, '${o}'); parent.postMessage('posted', '*');</script>`;
					document.body.append(other);
				}),
			origin
		);
		await posted;
		await page.getByRole('button', { name: 'Next step →' }).click();
		await expect.poll(async () => (await said(log)).filter((m) => m.type === 'graph:step').length).toBe(1);
		expect((await said(log)).filter((m) => m.type === 'graph:step').map((m) => m.step)).toEqual([1]);
		expect(frameStep(frame)).toBe(1);
		// The frame still works.
		await expect(frame.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.steps[0]?.title);
		expect(page.errors).toEqual([]);
	});

	it('follows the article of the scrollytelling example as it scrolls', async () => {
		host = await example('scrollytelling.html', browser().url('/'));
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		const normal = await normalColours(frame);
		for (const n of [1, 4, 7, 3]) {
			await page.locator(`[data-step="${n}"]`).evaluate((p) => p.scrollIntoView({ block: 'center' }));
			await expect.poll(() => frameStep(frame)).toBe(n);
			await expect.poll(() => showsStep(frame, n, normal)).toBe(true);
		}
		// Back up to the introduction: the cover, nothing highlighted.
		await page.locator('[data-step="0"]').evaluate((p) => p.scrollIntoView({ block: 'center' }));
		await expect.poll(() => frameStep(frame)).toBe(0);
		const outside = file.nodes.find((node) => !story.steps[2]?.entities.includes(node.key))?.key as string;
		await expect.poll(async () => (await nodeDisplay(frame, outside)).color).toBe(normal.get(outside));
		// The graph stayed in view beside the article (position: sticky), and the host page was not scrolled by it.
		const box = await page.locator('iframe').boundingBox();
		expect(box && box.y >= 0 && box.y < 50).toBe(true);
		expect(page.errors).toEqual([]);
	});

	it('shows each step with its own view (the types it hides)', async () => {
		const hiding = story.steps.findIndex((step) => step.view?.hide?.includes('person')) + 1;
		const person = file.nodes.find((node) => node.attributes.type === 'person')?.key as string;
		host = await startHostPage(
			`<iframe src="${browser().url(embedPath(hiding - 1))}" width="700" height="500" style="border:0" title="Story"></iframe>`
		);
		const page = await browser().newPage();
		await page.goto(host.url);
		const frame = await embeddedFrame(page);
		await expect(isDrawn(frame, person)).resolves.toBe(true);
		await frame.getByRole('link', { name: 'Next →' }).click();
		await expect.poll(() => frameStep(frame)).toBe(hiding);
		await expect.poll(() => isDrawn(frame, person)).toBe(false);
		await frame.getByRole('link', { name: 'Next →' }).click();
		await expect.poll(() => isDrawn(frame, person)).toBe(true);
		expect(page.errors).toEqual([]);
	});

	it('answers 404 for a story or a step it does not have', async () => {
		const page = await browser().newPage();
		for (const path of [`/embed/${GRAPH}/story/no-such-story`, embedPath(story.steps.length + 1)]) {
			const response = await page.goto(browser().url(path));
			expect(response?.status(), path).toBe(404);
		}
	});

	it('is what "Embed this view" gives on a story’s step', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}/story/${story.id}/3`));
		await graphSettled(page);
		await page.getByRole('button', { name: 'Embed this view' }).click();
		const snippet = page.getByLabel('HTML');
		await expect.poll(() => snippet.inputValue()).toContain(`src="${browser().url(embedPath(3))}"`);
		await page.getByLabel('Previous and Next buttons').uncheck();
		await expect.poll(() => snippet.inputValue()).toContain(`${embedPath(3)}?controls=0"`);
		expect(await snippet.inputValue()).toContain(`title="${story.steps[2]?.title} — ${story.title}"`);
	});

	describe('without JavaScript', () => {
		const noJs = useBrowser('no-js');

		it('reads the cover and each step, whose links lead on', async () => {
			const page = await noJs().newPage();
			await page.goto(noJs().url(embedPath()));
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.title);
			await page.getByRole('link', { name: 'Start →' }).click();
			await page.waitForURL(noJs().url(embedPath(1)));
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				story.steps[0]?.title
			);
			await expect(squash(await page.locator('.text').first().textContent())).toBe(story.steps[0]?.text);
			await page.getByRole('link', { name: 'Next →' }).click();
			await page.waitForURL(noJs().url(embedPath(2)));
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
				story.steps[1]?.title
			);
		});
	});
});
