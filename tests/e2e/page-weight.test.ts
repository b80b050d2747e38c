/**
 * Page weight budgets (issue 8): the gzip -9 JavaScript an entity page of the explorer and an embed page load,
 * lazily loaded chunks included, at most 110 KB and 80 KB (KB = 1000 bytes). Measured by
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

	// A known failure, kept visible: the embed loads about 97 KB (the SvelteKit runtime alone is ~33 KB of it).
	// `it.fails` turns red the day the embed fits its budget: then make this an ordinary `it`.
	it.fails(
		`an embed page loads at most ${kilobytes(PAGE_WEIGHT_BUDGETS.embed)} (not yet: issue 8)`,
		async () => {
			const weight = await measurePageWeight(browser().context, browser().url(PAGE_WEIGHT_PAGES.embed));
			expect(weight.scripts.length, 'the page loaded no JavaScript').toBeGreaterThan(0);
			expect(weight.gzipBytes, describePageWeight(weight)).toBeLessThanOrEqual(PAGE_WEIGHT_BUDGETS.embed);
		}
	);
});
