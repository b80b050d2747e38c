import { graphSummary } from '$lib/graph/query';
import { allGraphs } from '$lib/server/graphs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	graphs: [...allGraphs().values()].map(graphSummary)
});
