import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

/** A whole number from the environment, or the default. */
function threshold(name: string, fallback: number): string {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} must be a whole number, got ${process.env[name]}`);
	return String(value);
}

export default defineConfig({
	plugins: [sveltekit()],
	// The site's public address (SITE_URL at build time), for canonical links, Open Graph URLs and the sitemap.
	// Big-graph thresholds (relationships), lowered by the browser tests so that a small fixture takes those paths.
	define: {
		__SITE_URL__: JSON.stringify((process.env.SITE_URL ?? '').replace(/\/+$/, '')),
		__OFF_THREAD_RELATIONSHIPS__: threshold('OFF_THREAD_RELATIONSHIPS', 100_000),
		__BIG_GRAPH_RELATIONSHIPS__: threshold('BIG_GRAPH_RELATIONSHIPS', 20_000)
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['tests/unit/**/*.test.ts']
				}
			},
			{
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					// One browser, one static server: run the files one after the other.
					fileParallelism: false,
					testTimeout: 30_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
