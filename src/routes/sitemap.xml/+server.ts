import { allGraphs } from '$lib/server/graphs';
import { hasEntityPages } from '$lib/server/prerender';
import { siteUrl } from '$lib/site';
import type { RequestHandler } from './$types';

export const prerender = true;

const escapeXml = (text: string) =>
	text.replace(
		/[<>&'"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c
	);

/** Every prerendered page of the site. Search engines need absolute URLs: build with SITE_URL for a valid sitemap. */
export const GET: RequestHandler = () => {
	const origin = siteUrl;
	const paths = ['/'];
	for (const [id, graph] of allGraphs()) {
		paths.push(`/${id}`);
		// Entity pages of big graphs are rendered in the browser only: not for search engines.
		if (hasEntityPages(graph)) graph.forEachNode((key) => paths.push(`/${id}/${key}`));
	}
	const body = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		origin
			? ''
			: '<!-- Built without SITE_URL: these are paths, not URLs. Set SITE_URL when you build to deploy. -->',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
		...paths.map((path) => `<url><loc>${escapeXml(origin + path)}</loc></url>`),
		'</urlset>',
		''
	].join('\n');
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8' } });
};
