/**
 * What the oEmbed routes share. Each route mirrors the route of the page it describes (`/<graph>/<entity>` has
 * `/oembed/<graph>/<entity>.json`, src/lib/links.ts oembedHref) and is prerendered for the same entries.
 */
import { error, json } from '@sveltejs/kit';
import { type OEmbedSize, oembedResponse } from '$lib/oembed';
import { siteUrl } from '$lib/site';

/**
 * A route's entries, or none when the build has no SITE_URL: oEmbed requires absolute URLs, and a file of paths
 * would make consumers embed a broken frame, so such a build writes no oEmbed file (and its pages name none).
 */
export function whenSiteUrl<T>(entries: () => T[]): () => T[] {
	return () => (siteUrl ? entries() : []);
}

/** The oEmbed file of the embed at `embed` (an href of src/lib/links.ts); a 404 without SITE_URL (`vite dev`). */
export function oembedFile(embed: string, title: string, size: OEmbedSize): Response {
	if (!siteUrl) error(404, 'This site was built without SITE_URL, so it has no oEmbed files.');
	return json(oembedResponse({ site: siteUrl, embed, title, size }));
}
