/**
 * A piece of text with words to mark, as search results show it. Apart from search-text.ts so that the search box,
 * which is in every explorer page, renders results without loading the word-reading code (and its stemmer).
 */

/** A piece of a text to show, with the places of the words to mark: [start, end) within `text`. */
export interface Snippet {
	text: string;
	marks: [number, number][];
}

/** A snippet as runs of text, each marked or not, in order: what a page renders with <mark>. */
export function pieces({ text, marks }: Snippet): { text: string; marked: boolean }[] {
	const runs: { text: string; marked: boolean }[] = [];
	let at = 0;
	for (const [start, end] of [...marks].sort((a, b) => a[0] - b[0])) {
		if (start < at || end > text.length || end <= start) continue;
		if (start > at) runs.push({ text: text.slice(at, start), marked: false });
		runs.push({ text: text.slice(start, end), marked: true });
		at = end;
	}
	if (at < text.length) runs.push({ text: text.slice(at), marked: false });
	return runs;
}
