import { siteUrl } from '$lib/server/site';
import type { LayoutServerLoad } from './$types';

/** SITE_URL (e.g. https://graphs.example.org) makes canonical and Open Graph URLs absolute. */
export const load: LayoutServerLoad = () => ({ siteUrl: siteUrl() });
