/**
 * The sources an entity's relationships cite, as its page lists them once at its end, and the ids its claims'
 * section links lead to. Apart from query.ts so that pages that do not list sources (embeds) do not load it.
 */
import type { EntityDetails } from './query';
import type { Evidence } from './schema';

/**
 * The sources that relationships cite, each once, in order of first citation, with the sections cited from each,
 * each once, in order of first citation: `[[source, [section, …]], …]`.
 */
export function citedSections(relations: Iterable<{ evidence: readonly Evidence[] }>): [string, string[]][] {
	const cited = new Map<string, Set<string>>();
	for (const { evidence } of relations) {
		for (const { source, section } of evidence) {
			const sections = cited.get(source) ?? new Set<string>();
			cited.set(source, sections.add(section));
		}
	}
	return [...cited].map(([source, sections]) => [source, [...sections]]);
}

/**
 * The id of one cited section in an entity's panel, for the claims to link to: made of the entity's key, the
 * source's id and the section's place among those cited from the source (keys and ids are ASCII letters, digits,
 * `-`, `_` and `.`; a section's own text could be anything). Unique within a panel: the last part is the place.
 */
export function citationId(entityKey: string, source: string, index: number): string {
	return `cite-${entityKey}-${source}-${index + 1}`.replace(/[^\w.-]/g, '_');
}

/**
 * The ids of an entity's cited sections (`citationId`), counted over all its relationships so that they do not
 * change with the view's filters: `(source, section) => id`.
 */
export function citationAnchors(
	entity: Pick<EntityDetails, 'key' | 'groups'>
): (source: string, section: string) => string {
	const ids = new Map<string, string>();
	for (const [source, sections] of citedSections(entity.groups.flatMap((group) => group.relations))) {
		sections.forEach((section, i) => ids.set(`${source}\n${section}`, citationId(entity.key, source, i)));
	}
	return (source, section) => ids.get(`${source}\n${section}`) ?? citationId(entity.key, source, 0);
}
