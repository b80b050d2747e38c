/**
 * A hub's entity page a reader can get through: its relationships narrowed by words typed into the panel; each
 * group named in one phrase with the entity ("buys …", "… pressures India") rather than by a type and
 * "outgoing" or "incoming"; groups folded beyond three relationships under "N more"; the source once, at the
 * panel's end, each claim's section a link to it (those of the relationships listed, when a big hub lists 15 a group).
 */
import { describe, expect, it } from 'vitest';
import { entityDetails } from '../../src/lib/graph/query';
import { allGraphs } from '../../src/lib/server/graphs';
import { useBrowser } from './browser';
import { expectFolded, expectSourcesList, panelGroups } from './entity-panel';
import { graphSettled, panelSentences, squash, unfoldPanel } from './graph-page';

const flagship = allGraphs().get('india-russia');
if (!flagship) throw new Error('the flagship graph is missing');
const INDIA = entityDetails(flagship, 'india');
if (!INDIA) throw new Error('the flagship has no India');
// A hub with a group of more than 15 relationships, which the panel lists 15 at a time.
const synthetic = allGraphs().get('big-synthetic');
if (!synthetic) throw new Error('npm test builds tests/fixtures/graphs/big-synthetic.json');
const HUB = synthetic
	.nodes()
	.sort((a, b) => synthetic.degree(b) - synthetic.degree(a) || a.localeCompare(b))[0];
const HUB_DETAILS = HUB === undefined ? null : entityDetails(synthetic, HUB);
if (!HUB || !HUB_DETAILS?.groups.some((group) => group.relations.length > 15))
	throw new Error('big-synthetic has no hub with a group of more than 15 relationships');

describe('a hub’s panel', () => {
	const browser = useBrowser();

	it('narrows the relationships to those a few words find, and gives them all back when cleared', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		const all = await panelSentences(page);
		expect(all.length).toBeGreaterThan(30);
		const box = page.getByRole('searchbox', { name: 'Filter these relationships' });
		await box.fill('crude oil');
		await page.getByRole('status').filter({ hasText: 'match “crude oil”' }).waitFor();
		const items = page.locator('article[data-entity="india"] [data-edge]');
		const found = await items.allInnerTexts();
		expect(found.length).toBeGreaterThan(0);
		expect(found.length).toBeLessThan(all.length);
		for (const text of found) expect(text.toLowerCase()).toMatch(/crude/);
		await expect(page.getByRole('status').filter({ hasText: 'match' }).innerText()).resolves.toBe(
			`${found.length} of ${all.length} match “crude oil”`
		);
		await box.fill('no such words here');
		await page.getByText('No relationship matches these words.').waitFor();
		await box.fill('');
		await expect.poll(() => panelSentences(page).then((lines) => lines.length)).toBe(all.length);
		expect(page.errors).toEqual([]);
	});

	it('names each group by what it says, around the entity, in its direction, with a count', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		const groups = await panelGroups(page, 'india');
		const phrases = groups.map((group) => group.phrase);
		for (const phrase of [
			'buys …',
			'is driven by …',
			'presents itself as …',
			'eases or offsets …',
			'… pressures India',
			'… supports India',
			'… leads India'
		])
			expect(phrases).toContain(phrase);
		expect(phrases.some((phrase) => /outgoing|incoming|→/.test(phrase))).toBe(false);
		// Every group's count is its number of relationships, and they add up to India's.
		for (const group of groups) expect(group.count).toBe(group.relations);
		expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(INDIA?.degree);
		expect(groups).toHaveLength(INDIA?.groups.length ?? -1);
	});

	it('folds each group beyond three relationships under a count, and unfolds it on a click', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		const groups = await expectFolded(page, 'india');
		expect(groups.some((group) => group.count > 3)).toBe(true);
		// "National interest" is the sixth of India's seven motives: folded until the summary is clicked.
		const driven = groups.find((group) => group.phrase === 'is driven by …');
		const folded = page.locator('[data-edge="india-guided-by-national-interest"]');
		await expect(folded.isVisible()).resolves.toBe(false);
		await driven?.section.getByText('4 more', { exact: true }).click();
		await expect(folded.isVisible()).resolves.toBe(true);
		await expect(driven?.section.locator('details.fold').getAttribute('open')).resolves.toBe('');
		// Words in the filter box list every match, folded or not: "driven" finds all seven motives (the type's label).
		await page.getByRole('searchbox', { name: 'Filter these relationships' }).fill('driven');
		await page.getByRole('status').filter({ hasText: 'match “driven”' }).waitFor();
		await expect(page.locator('article[data-entity="india"] details.fold').count()).resolves.toBe(0);
		const matches = page.locator('article[data-entity="india"] [data-edge]');
		expect(await matches.count()).toBeGreaterThanOrEqual(7);
		for (const match of await matches.all()) await expect(match.isVisible()).resolves.toBe(true);
		await expect(page.locator('[data-edge="india-guided-by-national-interest"]').isVisible()).resolves.toBe(
			true
		);
		expect(page.errors).toEqual([]);
	});

	it('names each source once at the end, and each claim’s section leads to it', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await graphSettled(page);
		await expectSourcesList(page, flagship, 'india');
		// A claim with three sections: each a link that shows its entry in the list, the address unchanged.
		const item = page.locator('[data-edge="us-pressure-pressures-india"]');
		await expect(item.locator('.evidence').textContent().then(squash)).resolves.toBe(
			'§ Lead · § The U.S. Pressure Campaign: India Holds Its Line · ' +
				'§ Conclusion: A Strategic Bond Strengthened by Necessity and Opportunity'
		);
		const address = page.url();
		const link = item.getByRole('link', { name: '§ The U.S. Pressure Campaign: India Holds Its Line' });
		const id = ((await link.getAttribute('href')) ?? '').slice(1);
		await link.click();
		const place = page.locator(`[id="${id}"]`);
		await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);
		await expect(place.textContent()).resolves.toBe('§ The U.S. Pressure Campaign: India Holds Its Line');
		// On screen: nothing covers its middle.
		await expect(
			place.evaluate((element) => {
				const box = element.getBoundingClientRect();
				return element.contains(document.elementFromPoint(box.left + 10, box.top + box.height / 2));
			})
		).resolves.toBe(true);
		expect(page.url()).toBe(address);
		expect(page.errors).toEqual([]);
	});

	it('names the sources of the relationships it lists, says of how many, and adds them as it lists more', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url(`/big-synthetic/${HUB}`));
		await page.locator(`article[data-entity="${HUB}"] p.description`).waitFor();
		// 15 of each group listed: the sources are those of the listed ones (a hub of a big graph cites thousands).
		const first = HUB_DETAILS.groups.flatMap((group) => group.relations.slice(0, 15));
		expect(first.length).toBeLessThan(HUB_DETAILS.degree);
		await expectSourcesList(page, synthetic, HUB, first);
		await unfoldPanel(page);
		await page
			.getByRole('button', { name: /^Show \d+ more$/ })
			.first()
			.click();
		// The first group with more lists 60 more.
		const grown = HUB_DETAILS.groups.findIndex((group) => group.relations.length > 15);
		const more = HUB_DETAILS.groups.flatMap((group, i) => group.relations.slice(0, i === grown ? 75 : 15));
		await expect
			.poll(() => page.locator(`article[data-entity="${HUB}"] [data-edge]`).count())
			.toBe(more.length);
		await expectSourcesList(page, synthetic, HUB, more);
		// Words in the filter box: the sources of the relationships that match.
		const other = HUB_DETAILS.groups[0]?.relations[0]?.other.label ?? '?';
		await page.getByRole('searchbox', { name: 'Filter these relationships' }).fill(other);
		await page
			.getByRole('status')
			.filter({ hasText: `match “${other}”` })
			.waitFor();
		const edges = await page
			.locator(`article[data-entity="${HUB}"] [data-edge]`)
			.evaluateAll((items) => items.map((item) => item.getAttribute('data-edge')));
		const relations = HUB_DETAILS.groups.flatMap((group) => group.relations);
		const matching = edges.map((edge) => relations.find((relation) => relation.edge === edge));
		expect(matching.length).toBeGreaterThan(0);
		expect(matching.length).toBeLessThan(relations.length);
		await expectSourcesList(
			page,
			synthetic,
			HUB,
			matching.filter((relation) => relation !== undefined)
		);
		expect(page.errors.filter((error) => !error.includes('404'))).toEqual([]);
	});
});

describe('a hub’s panel without JavaScript', () => {
	const browser = useBrowser('no-js');

	it('lists every relationship, folded as with JavaScript, with no filter box that could not work', async () => {
		const page = await browser().newPage();
		await page.goto(browser().url('/india-russia/india'));
		await expect(page.getByRole('searchbox', { name: 'Filter these relationships' }).count()).resolves.toBe(
			0
		);
		await expect(page.locator('article[data-entity="india"] [data-edge]').count()).resolves.toBe(
			INDIA?.degree
		);
		const groups = await expectFolded(page, 'india');
		expect(groups.some((group) => group.summary !== null)).toBe(true);
	});
});
