/**
 * The rules of oEmbed 1.0 (https://oembed.com, section 2.3) that a response of type `rich` must keep, as a
 * validator shared by the unit test of the builder (tests/unit/oembed.test.ts) and the browser test of the built
 * files (tests/e2e/oembed.test.ts), so that both hold the files to the same reading of the spec. The spec's own
 * rules (required fields and their types, thumbnails all or none) are checked for any response; what this site
 * promises on top (the HTML is one iframe of an embed, at the response's size, named by its title) too.
 */

/** An iframe's attributes, decoded, from HTML that is exactly one `<iframe …></iframe>`; null for anything else. */
export function iframeOf(html: string): Record<string, string> | null {
	const match = /^<iframe((?:\s+[a-z-]+="[^"<>]*")*)\s*><\/iframe>$/.exec(html);
	if (!match) return null;
	const attributes: Record<string, string> = {};
	for (const [, name = '', value = ''] of (match[1] ?? '').matchAll(/\s+([a-z-]+)="([^"]*)"/g)) {
		if (name in attributes) return null;
		// Only the four entities the snippet writes, and nothing else after an ampersand.
		if (/&(?!(?:amp|quot|lt|gt);)/.test(value)) return null;
		attributes[name] = value
			.replaceAll('&quot;', '"')
			.replaceAll('&lt;', '<')
			.replaceAll('&gt;', '>')
			.replaceAll('&amp;', '&');
	}
	return attributes;
}

const isAbsoluteUrl = (value: unknown): value is string => {
	if (typeof value !== 'string') return false;
	try {
		const url = new URL(value);
		return (url.protocol === 'https:' || url.protocol === 'http:') && url.host !== '';
	} catch {
		return false;
	}
};

const isPixels = (value: unknown): value is number =>
	typeof value === 'number' && Number.isInteger(value) && value > 0;

const OPTIONAL_TEXT = ['title', 'author_name', 'provider_name'] as const;
const OPTIONAL_URLS = ['author_url', 'provider_url'] as const;
const THUMBNAIL = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'] as const;

/**
 * Every way `value` breaks oEmbed 1.0 for a `rich` response, or this site's embeds, one message each; none for a
 * valid response. `embedPath` is where the iframe's `src` must lead (the site's embeds, under its base path).
 */
export function oembedProblems(value: unknown, embedPath = '/embed/'): string[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['not a JSON object'];
	const response = value as Record<string, unknown>;
	const problems: string[] = [];
	// 2.3.4: version and type are required; the version is "1.0".
	if (response.version !== '1.0')
		problems.push(`version must be the string "1.0", not ${JSON.stringify(response.version)}`);
	if (response.type !== 'rich') problems.push(`type must be "rich", not ${JSON.stringify(response.type)}`);
	for (const name of OPTIONAL_TEXT) {
		if (name in response && typeof response[name] !== 'string') problems.push(`${name} must be text`);
	}
	for (const name of OPTIONAL_URLS) {
		if (name in response && !isAbsoluteUrl(response[name])) problems.push(`${name} must be an absolute URL`);
	}
	if ('cache_age' in response) {
		const age = response.cache_age;
		if (typeof age !== 'number' || !Number.isInteger(age) || age < 0)
			problems.push('cache_age must be a whole number of seconds');
	}
	// 2.3.4: a thumbnail's URL, width and height are each optional, but any one of them needs the other two.
	const thumbnail = THUMBNAIL.filter((name) => name in response);
	if (thumbnail.length > 0 && thumbnail.length < THUMBNAIL.length) {
		problems.push(
			`thumbnail_url, thumbnail_width and thumbnail_height go together; only ${thumbnail.join(', ')}`
		);
	}
	if ('thumbnail_url' in response && !isAbsoluteUrl(response.thumbnail_url))
		problems.push('thumbnail_url must be an absolute URL');
	for (const name of ['thumbnail_width', 'thumbnail_height'] as const) {
		if (name in response && !isPixels(response[name]))
			problems.push(`${name} must be a whole number of pixels`);
	}
	// 2.3.4.4: a rich response has html, width and height, all required; width and height in pixels.
	for (const name of ['width', 'height'] as const) {
		if (!isPixels(response[name])) problems.push(`${name} must be a whole number of pixels`);
	}
	if (typeof response.html !== 'string' || response.html === '') {
		problems.push('html is required');
		return problems;
	}
	// The site's HTML: one iframe, no script, at the response's size, leading to an embed by an absolute URL.
	const iframe = iframeOf(response.html);
	if (!iframe) {
		problems.push('html must be exactly one iframe, its attributes quoted and escaped');
		return problems;
	}
	const src = iframe.src;
	if (!isAbsoluteUrl(src))
		problems.push(`the iframe's src must be an absolute http(s) URL, not ${JSON.stringify(src)}`);
	else if (!new URL(src).pathname.startsWith(embedPath))
		problems.push(`the iframe's src must lead to ${embedPath}…, not ${new URL(src).pathname}`);
	if (iframe.width !== String(response.width) || iframe.height !== String(response.height))
		problems.push(
			`the iframe is ${iframe.width}×${iframe.height}, the response says ${response.width}×${response.height}`
		);
	if (!iframe.title) problems.push('the iframe needs a title (its accessible name)');
	else if ('title' in response && iframe.title !== response.title)
		problems.push(`the iframe's title ${JSON.stringify(iframe.title)} is not the response's title`);
	return problems;
}
