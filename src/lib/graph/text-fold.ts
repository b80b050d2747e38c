/**
 * Text as searches compare it: lowercase, without accents, Latin letters folded. Apart from search.ts so that the
 * entity panel's filter can use it without the search index.
 */

/** Latin letters that Unicode does not decompose into a base letter and a mark, folded as readers expect. */
const FOLDED: Readonly<Record<string, string>> = {
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	ß: 'ss',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	ı: 'i',
	þ: 'th',
	ħ: 'h',
	ŧ: 't'
};

/**
 * Lowercase, strip diacritics (NFD + remove \p{M}), collapse whitespace.
 * Also folds the few Latin letters that have no decomposition (ø→o, ł→l, ß→ss, æ→ae, …) and trims:
 * `normalizeName('  São  TOMÉ ')` is `'sao tome'`.
 */
export function normalizeName(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/[øæœßłđðıþħŧ]/g, (char) => FOLDED[char] ?? char)
		.replace(/\s+/g, ' ')
		.trim();
}
