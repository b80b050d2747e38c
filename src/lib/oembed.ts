/**
 * oEmbed 1.0 (https://oembed.com): what a platform that reads oEmbed (a CMS, a chat, a forum) needs to turn a
 * link to an explorer page into the embed of that page. The site is static, so it has no endpoint that reads
 * `?url=…`: each embeddable page gets a prerendered JSON file of its own (src/routes/oembed/, at
 * `oembedHref(page)`) and names it in its head (PageMeta.svelte), which is oEmbed's discovery.
 */
import { EMBED_SIZES, type EmbedSize, embedSnippet } from './explorer/embed-snippet';
import { homeHref } from './links';

/**
 * A size with a width in pixels. oEmbed's rich type requires integer `width` and `height`, so the full-width size
 * (`width: null`, `width="100%"` in the snippet) cannot be one: the response's numbers would contradict its HTML.
 */
export type OEmbedSize = Extract<EmbedSize, { width: number }>;

/**
 * The sizes the files offer: a graph or an entity in the medium frame, as "Embed this view" offers first; a story
 * in the large one, which leaves its step's text room beside the canvas.
 */
export const OEMBED_SIZES: { view: OEmbedSize; story: OEmbedSize } = {
	view: EMBED_SIZES[0],
	story: EMBED_SIZES[1]
};

export const PROVIDER_NAME = 'Knowledge Graph Explorer';

/** An oEmbed 1.0 response of type `rich`, with the optional fields this site fills. */
export interface OEmbedRich {
	version: '1.0';
	type: 'rich';
	/** The iframe snippet of "Embed this view", the same string. */
	html: string;
	width: number;
	height: number;
	title: string;
	provider_name: string;
	provider_url: string;
}

/**
 * The oEmbed response for the embed at `embed` (an href of src/lib/links.ts, under the base path), framed at
 * `size` and named `title`. `site` is the site's public address without a trailing slash (SITE_URL,
 * src/lib/site.ts), to which the hrefs are appended: oEmbed requires absolute URLs, in the iframe's `src` as in
 * `provider_url`, so an empty or relative `site` throws rather than write a response that consumers would embed
 * as a broken frame. No thumbnail: the site has no picture files, and the
 * spec wants thumbnail_url, thumbnail_width and thumbnail_height all or none.
 */
export function oembedResponse({
	site,
	embed,
	title,
	size
}: {
	site: string;
	embed: string;
	title: string;
	size: OEmbedSize;
}): OEmbedRich {
	if (!/^https?:\/\/[^/]/i.test(site)) {
		throw new Error(`oEmbed needs the site's absolute origin (SITE_URL at build time), not “${site}”.`);
	}
	return {
		version: '1.0',
		type: 'rich',
		html: embedSnippet(site + embed, title, size),
		width: size.width,
		height: size.height,
		title,
		provider_name: PROVIDER_NAME,
		provider_url: site + homeHref()
	};
}
