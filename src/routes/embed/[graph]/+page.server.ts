import { allGraphs } from '$lib/server/graphs';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => [...allGraphs().keys()].map((graph) => ({ graph }));
