import { loadLocalOverview } from '$lib/api/pages';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ parent }) => loadLocalOverview((await parent()).summary);
