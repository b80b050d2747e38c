import { cpSync, mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphDataError } from '../../src/lib/graph/problems';

const TEA = 'tests/fixtures/graphs/tea-trade.json';

/** allGraphs() from a fresh module (it caches), reading the given folders. */
async function allGraphsFrom(...dirs: string[]) {
	vi.resetModules();
	vi.stubEnv('GRAPH_DATA_DIR', dirs.join(delimiter));
	const { allGraphs } = await import('../../src/lib/server/graphs');
	return allGraphs;
}

describe('allGraphs', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('reads every folder of GRAPH_DATA_DIR', async () => {
		const allGraphs = await allGraphsFrom('graph-data', 'tests/fixtures/graphs');
		expect([...allGraphs().keys()]).toEqual(['india-russia', 'tea-trade']);
	});

	it('refuses a graph id defined in two folders, naming both files', async () => {
		const root = mkdtempSync(join(tmpdir(), 'kge-graphs-'));
		for (const dir of ['a', 'b']) {
			mkdirSync(join(root, dir));
			cpSync(TEA, join(root, dir, 'tea-trade.json'));
		}
		const allGraphs = await allGraphsFrom(join(root, 'a'), join(root, 'b'));
		// resetModules gives the fresh module its own GraphDataError class: compare by name.
		expect(() => allGraphs()).toThrow(expect.objectContaining({ name: GraphDataError.name }));
		expect(() => allGraphs()).toThrow(
			`${join(root, 'b', 'tea-trade.json')}: defines graph "tea-trade" again; ${join(root, 'a', 'tea-trade.json')} defines it first`
		);
	});

	it('stops on an invalid file with every problem', async () => {
		const allGraphs = await allGraphsFrom('tests/fixtures/invalid');
		expect(() => allGraphs()).toThrow(
			/dangling-endpoint\.json › edge kenya-exports-tea › target: no node has the key japan/
		);
	});
});
