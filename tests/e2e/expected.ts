/**
 * What the built site should show: the graphs of the same data folder the site was built from.
 */
import { allGraphs } from '../../src/lib/server/graphs';
import { graphSummary } from '../../src/lib/graph/query';

export function expectedGraphs() {
	return [...allGraphs().values()].map(graphSummary);
}
