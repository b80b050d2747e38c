/**
 * Reading an entity's panel as a reader does: its groups (heading phrase, count, what is folded) and its list of
 * sources at the end, which every claim's section links to.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { KnowledgeGraph } from '../../src/lib/graph/build';
import { citedSections } from '../../src/lib/graph/citations';
import { type Relation, entityDetails } from '../../src/lib/graph/query';
import { squash } from './graph-page';

export interface PanelGroup {
	section: Locator;
	/** The heading without its count: "buys …". */
	phrase: string;
	/** The count the heading gives. */
	count: number;
	/** Relationships in the group, folded or not. */
	relations: number;
	/** Relationships listed before the fold. */
	unfolded: number;
	/** The fold's summary ("4 more"), or null when the group has no fold. */
	summary: string | null;
}

/** The groups of entity `key`'s panel, in order. */
export async function panelGroups(page: Page | Frame, key: string): Promise<PanelGroup[]> {
	const groups: PanelGroup[] = [];
	for (const section of await page.locator(`article[data-entity="${key}"] section.group`).all()) {
		const heading = squash(await section.getByRole('heading', { level: 3 }).textContent());
		const [, phrase = '', count = ''] = /^(.*) \((\d+)\)$/.exec(heading) ?? [];
		const summary = section.locator('details.fold > summary');
		groups.push({
			section,
			phrase,
			count: Number(count),
			relations: await section.locator('[data-edge]').count(),
			unfolded: await section.locator(':scope > ul > li').count(),
			summary: (await summary.count()) > 0 ? squash(await summary.textContent()) : null
		});
	}
	return groups;
}

/**
 * A hub's groups (above 12 relationships) list three relationships each and fold the rest under "N more"; every group's count is its number of relationships.
 */
export async function expectFolded(page: Page | Frame, key: string): Promise<PanelGroup[]> {
	const groups = await panelGroups(page, key);
	for (const group of groups) {
		expect(group.count, group.phrase).toBe(group.relations);
		expect(group.unfolded, group.phrase).toBe(Math.min(group.count, 3));
		expect(group.summary, group.phrase).toBe(group.count > 3 ? `${group.count - 3} more` : null);
	}
	return groups;
}

/**
 * The panel's end: each source the listed relationships cite (`listed`, by default every relationship of the
 * entity), once, with its full reference (title, publisher, date, note) and the sections cited from it, each once,
 * in order of first citation, and how many of the relationships are listed when not all are; every claim's
 * section links to its entry there, by an id made of the entity's key, and no id of the panel is used twice.
 */
export async function expectSourcesList(
	page: Page | Frame,
	graph: KnowledgeGraph,
	key: string,
	listed?: readonly Relation[]
): Promise<void> {
	const details = entityDetails(graph, key);
	if (!details) throw new Error(key);
	const all = details.groups.flatMap((group) => group.relations);
	const relations = listed ?? all;
	const sources = graph.getAttribute('sources');
	const panel = page.locator(`article[data-entity="${key}"]`);
	const list = panel.locator('section.sources');
	await expect(list.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Sources');
	const note = list.locator('p.of');
	const counted = relations.length === 1 ? 'relationship' : `${relations.length} relationships`;
	if (relations.length < all.length)
		await expect(note.textContent().then(squash)).resolves.toBe(
			`Cited by the ${counted} listed above, of ${all.length}.`
		);
	else await expect(note.count()).resolves.toBe(0);
	const cited = citedSections(relations);
	const items = list.locator(':scope > ul > li');
	await expect(items.count()).resolves.toBe(cited.length);
	for (const [i, [id, sections]] of cited.entries()) {
		const source = sources.find((s) => s.id === id);
		const text = squash(await items.nth(i).textContent());
		for (const part of [source?.title, source?.publisher, source?.date, source?.note]) {
			if (part) expect(text).toContain(squash(part));
		}
		const listed = await items
			.nth(i)
			.locator('.sections li')
			.evaluateAll((entries) => entries.map((entry) => entry.textContent ?? ''));
		expect(listed).toEqual(sections.map((section) => `§ ${section}`));
	}
	const links = await panel.locator('.evidence a').evaluateAll((anchors) =>
		anchors.map((a) => {
			const id = (a.getAttribute('href') ?? '').slice(1);
			const place = document.getElementById(id);
			return {
				id,
				text: a.textContent,
				place: place?.textContent,
				inList: place !== null && place.closest('section.sources') !== null
			};
		})
	);
	// One link for each section each listed relationship cites.
	const citations = relations.flatMap((relation) =>
		citedSections([relation]).flatMap(([, sections]) => sections)
	);
	expect(links.length).toBe(citations.length);
	for (const link of links) {
		expect(link.id.startsWith(`cite-${key}-`), link.id).toBe(true);
		expect(link.id).toMatch(/^[\w.-]+-\d+$/);
		expect(link).toMatchObject({ place: link.text, inList: true });
	}
	const ids = await panel.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
	expect(new Set(ids).size).toBe(ids.length);
}
