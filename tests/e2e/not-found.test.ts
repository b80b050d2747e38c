/**
 * Unknown addresses get a 404 page that helps: a search of the graph the address names, and the graph list.
 */
import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';
import { panelShows } from './graph-page';

describe('not found', () => {
	const browser = useBrowser();

	/**
	 * Opens `path`, which must answer 404 with the "Not found" page. `uncaught` collects the page's uncaught
	 * exceptions only: `page.errors` also holds the console's report of the 404 response itself.
	 */
	async function openNotFound(path: string) {
		const page = await browser().newPage();
		const uncaught: string[] = [];
		page.on('pageerror', (error) => uncaught.push(error.message));
		const response = await page.goto(browser().url(path));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Not found');
		return { page, uncaught };
	}

	it('answers an unknown entity with 404 and a search started from its address', async () => {
		const page = await browser().newPage();
		const response = await page.goto(browser().url('/india-russia/kudankulam'));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Not found');
		const search = page.getByRole('combobox', { name: 'Search the graph' });
		await expect(search.inputValue()).resolves.toBe('kudankulam');
		await search.focus();
		await expect(page.getByRole('option').first().innerText()).resolves.toContain(
			'Kudankulam Nuclear Power Plant'
		);
		await search.press('Enter');
		await page.waitForURL(browser().url('/india-russia/kudankulam-nuclear-power-plant'));
		await panelShows(page, 'Kudankulam Nuclear Power Plant');
	});

	it.each([
		[
			'markup',
			`/india-russia/${encodeURIComponent('<script>alert(1)</script>')}`,
			'<script>alert(1)</script>'
		],
		['malformed escapes', '/india-russia/%E0%A4%A', '%E0%A4%A'],
		['10 kB', `/india-russia/${'kudankulam-'.repeat(940)}`, 'kudankulam '.repeat(10).slice(0, 100)],
		[
			'an embed address',
			`/embed/india-russia/${encodeURIComponent('"><b>kudankulam</b>')}`,
			'"><b>kudankulam</b>'
		]
	])(
		'answers an entity address with %s with 404 and a search started from it, as text',
		async (_, path, guess) => {
			const { page, uncaught } = await openNotFound(path);
			const search = page.getByRole('combobox', { name: 'Search the graph' });
			await expect(search.inputValue()).resolves.toBe(guess);
			await expect(page.locator('b').count()).resolves.toBe(0);
			await search.fill('kudankulam');
			await expect(page.getByRole('option').first().innerText()).resolves.toContain('Kudankulam');
			await page.getByRole('link', { name: 'India and Russia after the Modi–Putin talks' }).waitFor();
			expect(uncaught).toEqual([]);
		}
	);

	it.each([
		['markup', `/${encodeURIComponent('<script>alert(1)</script>')}`],
		['malformed escapes', '/%E0%A4%A'],
		['10 kB', `/${'x'.repeat(10 * 1024)}`]
	])('answers a graph address with %s with 404 and the list of graphs', async (_, path) => {
		const { page, uncaught } = await openNotFound(path);
		await page.getByRole('link', { name: 'India and Russia after the Modi–Putin talks' }).waitFor();
		expect(uncaught).toEqual([]);
	});

	it('answers an unknown graph with 404 and the list of graphs', async () => {
		const page = await browser().newPage();
		const response = await page.goto(browser().url('/no-such-graph'));
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Not found');
		await page.getByRole('link', { name: 'India and Russia after the Modi–Putin talks' }).click();
		await page.waitForURL(browser().url('/india-russia'));
	});
});
