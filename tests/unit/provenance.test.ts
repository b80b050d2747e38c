/**
 * Graph data says things in its own words: no run of 8+ words may be copied from the source article.
 * The checker lives in the team's shared folder beside the repository (../shared); CI always has it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const checker = resolve(process.env.SHARED_DIR ?? '../shared', 'tools/verbatim-check.mjs');
const available = existsSync(checker);

describe('provenance', () => {
	it.runIf(!available && process.env.CI)('finds the verbatim checker in CI', () => {
		expect.fail(`${checker} is missing: CI must run with shared/ beside the repository`);
	});

	it.skipIf(!available)('graph-data/ and src/ copy no sentence of the source article', () => {
		const { status, stdout } = spawnSync(process.execPath, [checker, 'graph-data', 'src'], {
			encoding: 'utf8'
		});
		expect(stdout).toMatch(/no verbatim run/);
		expect(status).toBe(0);
	});
});
