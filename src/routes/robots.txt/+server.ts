import { siteUrl } from '$lib/site';
import type { RequestHandler } from './$types';

export const prerender = true;

export const GET: RequestHandler = () => {
	const sitemap = siteUrl ? `\nSitemap: ${siteUrl}/sitemap.xml\n` : '';
	return new Response(`User-agent: *\nAllow: /\n${sitemap}`, {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
};
