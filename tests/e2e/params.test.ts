/**
 * Malformed, hostile, repeated and oversized query parameters (`depth=-1`, `hide=<script>`, 10 kB values, junk
 * `from`/`to`) on the overview, entity, connect and embed pages: the normal page renders, with each value ignored
 * or clamped and the view showing what it made of them; never an error page, never an uncaught error.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Browser, useBrowser } from './browser';
import { graphSettled, openLegend, panelShows } from './graph-page';

const GRAPH = 'india-russia';
const TITLE = 'India and Russia after the Modi–Putin talks';
const TEN_KB = 10 * 1024;

interface ViewState {
	hidden: string[];
	hiddenRelations: string[];
	depth: string;
	size: string;
	color: string;
}

/** Cases `[query, ...expected]` as `[name, ...expected, query]`: the name is the query with 10 kB values shortened. */
const named = <T extends unknown[]>(cases: [string, ...T][]): [string, ...T, string][] =>
	cases.map(([query, ...rest]) => [query.replace(/([^=&]{12})[^=&]{40,}/g, '$1…(10 kB)'), ...rest, query]);

const DEFAULT: ViewState = {
	hidden: [],
	hiddenRelations: [],
	depth: 'all',
	size: 'relationships',
	color: 'type'
};

/** What the legend shows of the view: types and relationships switched off, and its three selects. */
function viewState(page: Page): Promise<ViewState> {
	return page.evaluate(() => {
		const select = (name: string) =>
			[...document.querySelectorAll('details.legend label')]
				.find((label) => label.textContent?.trim().startsWith(name))
				?.querySelector('select')?.value ?? '';
		const off = (attribute: string) =>
			[...document.querySelectorAll(`[${attribute}][aria-pressed="false"]`)].map(
				(button) => button.getAttribute(attribute) ?? ''
			);
		return {
			hidden: off('data-node-type'),
			hiddenRelations: off('data-edge-type'),
			depth: select('Show'),
			size: select('Size by'),
			color: select('Colour by')
		};
	});
}

/** Opens `path`, collecting uncaught errors and dialogs; the page must answer 200 and not be the error page. */
async function openOk(browser: Browser, path: string) {
	const page = await browser.newPage();
	const problems: string[] = [];
	page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
	page.on('dialog', (dialog) => {
		problems.push(`dialog: ${dialog.message()}`);
		void dialog.dismiss().catch(() => undefined);
	});
	const response = await page.goto(browser.url(path));
	expect(response?.status(), path).toBe(200);
	return { page, problems };
}

async function expectNoErrorPage(page: Page & { errors: string[] }, problems: string[]): Promise<void> {
	await expect(page.getByText('Something went wrong').count()).resolves.toBe(0);
	expect(problems).toEqual([]);
	expect(page.errors).toEqual([]);
}

const EXPLORER_CASES: [string, Partial<ViewState>][] = [
	['depth=-1', { depth: '1' }],
	['depth=0', { depth: '1' }],
	['depth=99', { depth: '3' }],
	['depth=abc', {}],
	['depth=1e3', {}],
	[`depth=${'9'.repeat(TEN_KB)}`, {}],
	['depth=2&depth=abc', { depth: '2' }],
	['depth=%zz&hide=%E0%A4%A', {}],
	['types=<script>alert(1)</script>', {}],
	['hide=<script>alert(1)</script>', {}],
	['hide=person&hide=<script>alert(1)</script>', { hidden: ['person'] }],
	['hide=<script>,person,__proto__,constructor', { hidden: ['person'] }],
	[`hide=${'person,'.repeat(Math.ceil(TEN_KB / 7))}`, {}],
	['hideRel=<script>alert(1)</script>,covers,__proto__', { hiddenRelations: ['covers'] }],
	[`hideRel=${'x'.repeat(TEN_KB)}`, {}],
	['size=evil&color=<script>alert(1)</script>', {}],
	['size=degree&size=evil&color=community&color=<script>', { size: 'degree', color: 'community' }],
	[`size=${'x'.repeat(TEN_KB)}`, {}],
	[`color=${'x'.repeat(TEN_KB)}`, {}]
];

describe('hostile query parameters in the explorer', () => {
	const browser = useBrowser();

	it.each(named(EXPLORER_CASES))(
		'?%s renders the overview and the entity page',
		async (_name, expected, query) => {
			for (const [path, heading] of [
				[`/${GRAPH}?${query}`, TITLE],
				[`/${GRAPH}/india?${query}`, 'India']
			] as const) {
				const { page, problems } = await openOk(browser(), path);
				await graphSettled(page);
				await panelShows(page, heading);
				await openLegend(page);
				await expect
					.poll(() => viewState(page), { message: path.slice(0, 80) })
					.toEqual({ ...DEFAULT, ...expected });
				await expectNoErrorPage(page, problems);
				await page.close();
			}
		}
	);
});

describe('hostile query parameters on the connect page', () => {
	const browser = useBrowser();
	const connect = (query: string) => `/${GRAPH}/connect?${query}`;

	/** The page with its heading and the result text. */
	async function result(query: string) {
		const { page, problems } = await openOk(browser(), connect(query));
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
			'How are these two connected?'
		);
		await graphSettled(page);
		const section = page.locator('section.result');
		await expect.poll(async () => section.textContent()).not.toContain('Finding the paths');
		return { page, problems, text: ((await section.textContent()) ?? '').replace(/\s+/g, ' ').trim() };
	}

	it.each([
		['from=<script>alert(1)</script>&to=russia', 'This graph has no entity “<script>alert(1)</script>”.'],
		['from=__proto__&to=constructor', 'This graph has no entity “__proto__” or “constructor”.'],
		['from=india&to=%E0%A4%A', 'This graph has no entity “\ufffd%A”.'],
		['from=india', 'Pick two entities'],
		['to=russia', 'Pick two entities'],
		['from=&to=', 'Pick two entities'],
		['from=india&to=india', 'Both ends are India'],
		['from=india&from=russia&to=china&to=<script>', 'shortest path'],
		['from=india&to=russia&depth=-1&hide=<script>&hideRel=<script>&size=evil&color=<b>', 'shortest path']
	])('?%s says: %s', async (query, says) => {
		const { page, problems, text } = await result(query);
		expect(text).toContain(says);
		if (says === 'shortest path') {
			const first = await page.locator('section.path').first().getAttribute('data-path');
			expect(first?.split(' ')[0]).toBe('india');
		}
		await expectNoErrorPage(page, problems);
	});

	it('quotes a 10 kB entity key shortened, not whole', async () => {
		const junk = 'a'.repeat(TEN_KB);
		const { page, problems, text } = await result(`from=india&to=${junk}`);
		expect(text).toContain(`This graph has no entity “${'a'.repeat(59)}…”.`);
		expect(text.length).toBeLessThan(200);
		const to = await page.getByRole('combobox', { name: 'To entity' }).inputValue();
		expect(to.length).toBeLessThanOrEqual(60);
		await expectNoErrorPage(page, problems);
	});
});

describe('hostile query parameters in embeds', () => {
	const browser = useBrowser();
	const embed = (query: string) => `/embed/${GRAPH}/india?${query}`;

	it.each(
		named<[string | null]>([
			['theme=<script>alert(1)</script>', null],
			[`theme=${'x'.repeat(TEN_KB)}`, null],
			['theme=dark&theme=<script>', 'dark'],
			['theme=<script>&theme=dark', null],
			['theme=light', 'light']
		])
	)('?%s forces the theme %s', async (_name, theme, query) => {
		const { page, problems } = await openOk(browser(), embed(query));
		await graphSettled(page);
		await page.getByRole('heading', { level: 1, name: 'India', exact: true }).waitFor();
		await expect(page.evaluate(() => document.documentElement.getAttribute('data-theme'))).resolves.toBe(
			theme
		);
		await expectNoErrorPage(page, problems);
	});

	it.each(
		named<[string]>([
			['depth=-1&hide=<script>&size=evil&color=<script>', '/india-russia/india?depth=1'],
			['depth=99&hideRel=covers&hideRel=<script>', '/india-russia/india?hideRel=covers&depth=3'],
			[`depth=abc&hide=${'person,'.repeat(Math.ceil(TEN_KB / 7))}`, '/india-russia/india'],
			['hide=person,<script>&size=degree&size=<b>', '/india-russia/india?hide=person&size=degree']
		])
	)('?%s opens the explorer at %s', async (_name, href, query) => {
		const { page, problems } = await openOk(browser(), embed(query));
		await graphSettled(page);
		await expect
			.poll(() => page.getByRole('link', { name: /Open in explorer/ }).getAttribute('href'))
			.toBe(href);
		await expectNoErrorPage(page, problems);
	});

	it('ignores malformed legend, panel, scroll and click options', async () => {
		const { page, problems } = await openOk(
			browser(),
			embed('legend=<script>&panel=<script>&scroll=%00&click=javascript:alert(1)')
		);
		await graphSettled(page);
		await page.getByRole('heading', { level: 1, name: 'India', exact: true }).waitFor();
		await expect(page.getByRole('list', { name: 'Entity types' }).count()).resolves.toBe(0);
		// A click moves within the frame: neighbours link to their embed, in the same tab.
		const link = page.locator('article a[href^="/embed/india-russia/"]').first();
		await expect(link.getAttribute('target')).resolves.toBeNull();
		await expectNoErrorPage(page, problems);
	});

	it('renders the graph embed with junk parameters', async () => {
		const { page, problems } = await openOk(
			browser(),
			`/embed/${GRAPH}?depth=abc&theme=<script>&legend=1&legend=<b>&hide=${'x'.repeat(TEN_KB)}`
		);
		await graphSettled(page);
		await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(TITLE);
		await expect(page.getByRole('list', { name: 'Entity types' }).count()).resolves.toBe(1);
		await expectNoErrorPage(page, problems);
	});
});
