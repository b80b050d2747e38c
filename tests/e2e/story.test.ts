/**
 * Stories in the explorer (issue 21, first steps): the graph's page lists the flagship's story; each step is an
 * address with its text and the relationships it names; the arrow keys and Previous / Next walk it, back and
 * reload keep the step; the canvas highlights what the step names; without JavaScript every step reads as a page.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';
import { graphSettled, isDrawn, nodeDisplay, openLegend, squash } from './graph-page';

const GRAPH = 'india-russia';
const file = JSON.parse(readFileSync(`graph-data/${GRAPH}.json`, 'utf8')) as {
	nodes: { key: string; attributes: { type: string } }[];
	attributes: {
		stories: {
			id: string;
			title: string;
			steps: {
				title: string;
				text: string;
				entities: string[];
				relationships?: string[];
				view?: { focus?: string; hide?: string[] };
			}[];
		}[];
	};
};
const story = file.attributes.stories[0];
if (!story) throw new Error('the flagship should carry a story');
const stepHref = (n: number) => `/${GRAPH}/story/${story.id}/${n}`;

/** What the page shows of a step: its heading, its text and the relationships it lists. */
async function shownStep(page: Page) {
	const article = page.locator('article.step');
	return {
		count: squash(await article.locator('.count').first().textContent()),
		title: squash(await article.getByRole('heading', { level: 1 }).textContent()),
		text: squash(await article.locator('.text').textContent()),
		edges: await article
			.locator('[data-edge]')
			.evaluateAll((items) => items.map((item) => item.getAttribute('data-edge')))
	};
}

/** The page shows step `n` (once its address has changed, the step follows). */
async function expectStep(page: Page, n: number) {
	const step = story?.steps[n - 1];
	await expect
		.poll(() => shownStep(page))
		.toEqual({
			count: `Step ${n} of ${story?.steps.length}`,
			title: step?.title,
			text: step?.text,
			edges: step?.relationships ?? []
		});
}

describe('stories', () => {
	const browser = useBrowser();

	it('are listed on the graph’s page, and walked by the keys and the links, back and reload included', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await page.getByRole('link', { name: story.title }).click();
		await page.waitForURL(browser().url(stepHref(1)));
		await graphSettled(page);
		await expectStep(page, 1);
		// → and ← walk the story.
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(browser().url(stepHref(2)));
		await expectStep(page, 2);
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(browser().url(stepHref(3)));
		await page.keyboard.press('ArrowLeft');
		await page.waitForURL(browser().url(stepHref(2)));
		// The links too.
		await page.getByRole('link', { name: 'Next →' }).click();
		await page.waitForURL(browser().url(stepHref(3)));
		await expectStep(page, 3);
		// Back, and a reload, keep the step of the address.
		await page.goBack();
		await page.waitForURL(browser().url(stepHref(2)));
		await expectStep(page, 2);
		await page.reload();
		await expectStep(page, 2);
		// The first step has no Previous, the last no Next.
		const last = story.steps.length;
		await page.goto(browser().url(stepHref(last)));
		await expectStep(page, last);
		await expect(page.getByRole('link', { name: 'Next →' }).count()).resolves.toBe(0);
		await page.keyboard.press('ArrowRight');
		expect(new URL(page.url()).pathname).toBe(stepHref(last));
		expect(page.errors).toEqual([]);
	});

	it('highlights on the canvas what each step names, and fades the rest', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/${GRAPH}`));
		await graphSettled(page);
		for (const n of [1, 4]) {
			const step = story.steps[n - 1];
			if (!step) throw new Error(`no step ${n}`);
			const outside = file.nodes.find((node) => !step.entities.includes(node.key))?.key as string;
			const inside = step.entities[0] as string;
			await page.goto(browser().url(`/${GRAPH}`));
			await graphSettled(page);
			const [outsideBefore, insideBefore] = [
				await nodeDisplay(page, outside),
				await nodeDisplay(page, inside)
			];
			await page.goto(browser().url(stepHref(n)));
			await expect.poll(async () => (await nodeDisplay(page, outside)).color).not.toBe(outsideBefore.color);
			await expect(nodeDisplay(page, inside)).resolves.toMatchObject({ color: insideBefore.color });
		}
		expect(page.errors).toEqual([]);
	});

	it('shows each step with its own view: the types it hides, back when the step changes or the reader asks', async () => {
		const hiding = story.steps.findIndex((step) => step.view?.hide?.includes('person')) + 1;
		if (hiding === 0) throw new Error('the flagship story should have a step that hides people');
		const person = file.nodes.find((node) => node.attributes.type === 'person')?.key as string;
		const page = await browser().newPage();
		await page.goto(browser().url(stepHref(hiding - 1)));
		await graphSettled(page);
		await expect(isDrawn(page, person)).resolves.toBe(true);
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(browser().url(stepHref(hiding)));
		await expect.poll(() => isDrawn(page, person)).toBe(false);
		// The reader shows people again from the legend: the address says so, and a reload keeps it.
		await openLegend(page);
		const toggle = page.getByRole('button', { name: /^Person/ });
		await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('false');
		await toggle.click();
		await page.waitForURL((url) => url.searchParams.get('hide') === '');
		await expect.poll(() => isDrawn(page, person)).toBe(true);
		await page.reload();
		await expect.poll(() => isDrawn(page, person)).toBe(true);
		// The next step has a view of its own again.
		await page.goto(browser().url(stepHref(hiding + 1)));
		await expect.poll(() => isDrawn(page, person)).toBe(true);
		expect(page.errors).toEqual([]);
	});

	it('answers 404 for a story or a step that does not exist', async () => {
		const page = await browser().newPage();
		for (const path of [`/${GRAPH}/story/no-such-story/1`, stepHref(story.steps.length + 1), stepHref(0)]) {
			const response = await page.goto(browser().url(path));
			expect(response?.status(), path).toBe(404);
		}
	});

	it('come with a graph file opened in the browser: listed, walked, and read again after a reload', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/'));
		// A copy of the flagship's file, as a reader would open one: kept under the graph's own id.
		await page.getByLabel('Choose a file…').setInputFiles({
			name: 'talks-copy.json',
			mimeType: 'application/json',
			buffer: readFileSync(`graph-data/${GRAPH}.json`)
		});
		await page.waitForURL(browser().url(`/local/${GRAPH}`));
		await page.getByRole('link', { name: story.title }).click();
		const local = (n: number) => `/local/${GRAPH}/story/${story.id}/${n}`;
		await page.waitForURL(browser().url(local(1)));
		await expectStep(page, 1);
		await graphSettled(page);
		await page.keyboard.press('ArrowRight');
		await page.waitForURL(browser().url(local(2)));
		await expectStep(page, 2);
		// A reload: the static host answers with 404.html, which opens the kept graph at the same step.
		await page.reload();
		await page.waitForURL(browser().url(local(2)));
		await expectStep(page, 2);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});

	describe('without JavaScript', () => {
		const noJs = useBrowser('no-js');

		it('reads each step as a page whose links lead on', async () => {
			const page = await noJs().newPage();
			await page.goto(noJs().url(`/${GRAPH}/story/${story.id}`));
			await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(story.title);
			const steps = await page.getByRole('list').last().getByRole('link').allTextContents();
			expect(steps).toEqual(story.steps.map((step) => step.title));
			await page.getByRole('link', { name: 'Start the story' }).click();
			await page.waitForURL(noJs().url(stepHref(1)));
			await expectStep(page, 1);
			await page.getByRole('link', { name: 'Next →' }).click();
			await page.waitForURL(noJs().url(stepHref(2)));
			await expectStep(page, 2);
		});
	});
});
