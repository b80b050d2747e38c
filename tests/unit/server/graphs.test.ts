import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GraphDataError, type Problem } from '../../../src/lib/graph/problems';
import { listGraphFiles } from '../../../src/lib/server/graph-files';

const TEA = 'tests/fixtures/graphs/tea-trade.json';

/** The problems allGraphs() throws with (none when it does not throw). */
function problemsThrownBy(run: () => unknown): Problem[] {
	try {
		run();
	} catch (error) {
		return [...((error as { problems?: Problem[] }).problems ?? [])];
	}
	return [];
}

/** allGraphs() from a fresh module (it caches), reading the given folders. */
async function allGraphsFrom(...dirs: string[]) {
	vi.resetModules();
	vi.stubEnv('GRAPH_DATA_DIR', dirs.join(delimiter));
	const { allGraphs } = await import('../../../src/lib/server/graphs');
	return allGraphs;
}

describe('allGraphs', () => {
	afterEach(() => vi.unstubAllEnvs());

	it('reads every folder of GRAPH_DATA_DIR', async () => {
		const allGraphs = await allGraphsFrom('graph-data', 'tests/fixtures/graphs');
		expect([...allGraphs().keys()]).toEqual([
			'india-russia',
			'big-synthetic',
			'les-miserables',
			'markup',
			'tea-routes',
			'tea-trade'
		]);
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
		expect(problemsThrownBy(allGraphs)).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'graph.duplicate-id',
				file: join(root, 'b', 'tea-trade.json')
			})
		]);
	});

	it('stops on an invalid file with every problem', async () => {
		const allGraphs = await allGraphsFrom('tests/fixtures/invalid');
		expect(() => allGraphs()).toThrow(
			/dangling-endpoint\.json › edge kenya-exports-tea › target: no node has the key japan/
		);
		expect(problemsThrownBy(allGraphs)).toContainEqual(
			expect.objectContaining({
				code: 'ref.unknown-node',
				file: join(process.cwd(), 'tests/fixtures/invalid/dangling-endpoint.json'),
				where: 'edge kenya-exports-tea',
				field: 'target'
			})
		);
	});
});

describe('listGraphFiles', () => {
	it('lists the files of every format there is a reader for, by name, and nothing else', () => {
		const dir = mkdtempSync(join(tmpdir(), 'kge-list-'));
		for (const name of ['b.json', 'a.JSON', 'notes.txt', 'c.json.bak', 'README.md'])
			writeFileSync(join(dir, name), '');
		expect(listGraphFiles(dir)).toEqual([join(dir, 'a.JSON'), join(dir, 'b.json')]);
	});
});

describe('how far prerendering goes (PRERENDER_MAX_ENTITIES)', () => {
	afterEach(() => vi.unstubAllEnvs());

	async function prerenderWith(limit: string | undefined) {
		vi.resetModules();
		vi.stubEnv('GRAPH_DATA_DIR', ['graph-data', 'tests/fixtures/graphs'].join(delimiter));
		vi.stubEnv('PRERENDER_MAX_ENTITIES', limit);
		return import('../../../src/lib/server/prerender');
	}

	it('prerenders entity pages of graphs up to 5,000 entities by default', async () => {
		const { maxPrerenderedEntities, entityEntries } = await prerenderWith(undefined);
		expect(maxPrerenderedEntities()).toBe(5000);
		// 83 + 150 + 14 + 6 + 7 + 5 entities.
		expect(entityEntries()).toHaveLength(265);
	});

	it('leaves out the entity pages of graphs above the limit, and only those', async () => {
		const { entityEntries } = await prerenderWith('100');
		const graphs = new Set(entityEntries().map((entry) => entry.graph));
		expect([...graphs]).toEqual(['india-russia', 'les-miserables', 'markup', 'tea-routes', 'tea-trade']);
		expect(entityEntries()).toContainEqual({ graph: 'tea-trade', entity: 'india' });
		const { entityEntries: none } = await prerenderWith('0');
		expect(none()).toEqual([]);
	});

	it('refuses a limit that is not a whole number, saying which variable', async () => {
		for (const bad of ['-1', '1.5', 'many']) {
			const { maxPrerenderedEntities } = await prerenderWith(bad);
			expect(() => maxPrerenderedEntities()).toThrow(`PRERENDER_MAX_ENTITIES must be a whole number`);
		}
	});
});
