import { entityEntries } from '$lib/server/prerender';
import type { EntryGenerator } from './$types';

// Only which pages are prerendered; the page's data comes from +page.ts, which the browser can also run.
export const entries: EntryGenerator = entityEntries;
