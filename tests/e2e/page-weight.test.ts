/**
 * Page weight budgets (issue 8): the gzip -9 JavaScript an entity page of the explorer and an embed page load,
 * lazily loaded chunks included, at most 110.5 KB and 84 KB (KB = 1000 bytes). Measured by
 * tests/bench/page-weight.ts, which `npm run bench` reports too.
 */
import { describe, expect, it } from 'vitest';
import {
	PAGE_WEIGHT_BUDGETS,
	PAGE_WEIGHT_PAGES,
	describePageWeight,
	kilobytes,
	measurePageWeight
} from '../bench/page-weight';
import { useBrowser } from './browser';

describe('page weight', () => {
	const browser = useBrowser();

	it(`an entity page loads at most ${kilobytes(PAGE_WEIGHT_BUDGETS.entity)} of gzipped JavaScript`, async () => {
		const weight = await measurePageWeight(browser().context, browser().url(PAGE_WEIGHT_PAGES.entity));
		expect(weight.scripts.length, 'the page loaded no JavaScript').toBeGreaterThan(0);
		expect(weight.gzipBytes, describePageWeight(weight)).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGETS.entity);
	});

	// The embed loads its own small script, not SvelteKit's client (src/lib/embed/client.ts).
	it(`an embed page loads at most ${kilobytes(PAGE_WEIGHT_BUDGETS.embed)} of gzipped JavaScript`, async () => {
		const weight = await measurePageWeight(browser().context, browser().url(PAGE_WEIGHT_PAGES.embed));
		expect(weight.scripts.length, 'the page loaded no JavaScript').toBeGreaterThan(0);
		expect(weight.gzipBytes, describePageWeight(weight)).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGETS.embed);
	});
});
