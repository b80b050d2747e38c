/**
 * The iframe snippet that reproduces a view in an article ("Embed this view"), and the sizes offered for it.
 */

/** Sizes offered for the iframe; `width: null` fills the width of the host's column. */
export const EMBED_SIZES = [
	{ id: 'medium', label: '600 × 400', width: 600, height: 400 },
	{ id: 'large', label: '800 × 500', width: 800, height: 500 },
	{ id: 'full', label: 'Full width × 450', width: null, height: 450 }
] as const;

export type EmbedSize = (typeof EMBED_SIZES)[number];

const escapeAttribute = (value: string) =>
	value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/**
 * The title of an embed's frame (what a screen reader announces, and oEmbed's title): what it shows first, then
 * what that belongs to. "Embed this view" and the oEmbed files (src/lib/oembed.ts) both name frames with it.
 */
export function embedTitle(
	graph: string,
	shown: { entity?: string; story?: string; step?: string } = {}
): string {
	if (shown.story !== undefined && shown.step !== undefined) return `${shown.step} — ${shown.story}`;
	const first = shown.story ?? shown.entity;
	return first === undefined ? graph : `${first} — ${graph}`;
}

/** The HTML an editor pastes into an article. `src` must be an absolute URL. */
export function embedSnippet(src: string, title: string, size: EmbedSize): string {
	const width = size.width === null ? '100%' : String(size.width);
	return (
		`<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" ` +
		`width="${width}" height="${size.height}" style="border:0;max-width:100%" loading="lazy"></iframe>`
	);
}
