/**
 * The address of a relationship on its entity's page (`#relation-<edge>`), as search opens it: apart from
 * navigator.ts so that the embed, which never opens one, does not load it.
 */
/** The fragment that opens relationship `edge` on its entity's page; `relationInHash` reads it back. */
export function relationHash(edge: string): string {
	return `#relation-${encodeURIComponent(edge)}`;
}

/** The relationship a page's fragment names, or null. */
export function relationInHash(hash: string): string | null {
	if (!hash.startsWith('#relation-')) return null;
	try {
		return decodeURIComponent(hash.slice('#relation-'.length)) || null;
	} catch {
		return null;
	}
}
