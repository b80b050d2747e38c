import { allGraphs } from '$lib/server/graphs';
import type { EntryGenerator } from './$types';

// A page per graph; which two entities it connects is in the query string, read in the browser.
export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));
