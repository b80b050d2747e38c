/**
 * Entity pages of a graph drawn from its compact file (src/lib/explorer/graph-source.ts, `detailedEntity`): the
 * details are fetched first; a hub's page renders a task after the one that gathered its details, other entities'
 * in the same task.
 */
import { describe, expect, it } from 'vitest';
import { type DetailsSource, detailSources, detailedEntity } from '../../../src/lib/explorer/graph-source';
import { tinyGraph } from '../helpers';

/** A graph whose entity `hub` has `degree` relationships, and the keys its details were fetched for. */
function drawnGraph(degree: number) {
	const graph = tinyGraph(Array.from({ length: degree }, (_, i) => `hub>n${i}:links`));
	const fetched: string[] = [];
	const prefetched: string[][] = [];
	const source: DetailsSource = {
		fetch: async (key) => void fetched.push(key),
		prefetch: (keys) => void prefetched.push([...keys]),
		fetchAll: async () => undefined
	};
	detailSources.set(graph, source);
	return { graph, fetched, prefetched };
}

/** Whether `promise` settles before a task queued when it was made (a `setTimeout` of 0). */
async function settlesInTheSameTask(promise: Promise<unknown>): Promise<boolean> {
	let taskRan = false;
	setTimeout(() => (taskRan = true), 0);
	await promise;
	return !taskRan;
}

describe('detailedEntity of a graph drawn from its compact file', () => {
	it('fetches the details first, then its neighbours', async () => {
		const { graph, fetched, prefetched } = drawnGraph(3);
		const details = await detailedEntity(graph, 'hub');
		expect(fetched).toEqual(['hub']);
		expect(prefetched).toEqual([['n0', 'n1', 'n2']]);
		expect(details?.degree).toBe(3);
		expect(details?.detailsMissing).toBeUndefined();
	});

	it('hands over an entity of up to 1,000 relationships in the same task', async () => {
		const { graph } = drawnGraph(1000);
		expect(await settlesInTheSameTask(detailedEntity(graph, 'hub'))).toBe(true);
		expect(await settlesInTheSameTask(detailedEntity(graph, 'n0'))).toBe(true);
	});

	it('hands over a hub of more than 1,000 a task later, so that its page renders in a task of its own', async () => {
		const { graph } = drawnGraph(1001);
		const details = detailedEntity(graph, 'hub');
		expect(await settlesInTheSameTask(details)).toBe(false);
		expect((await details)?.degree).toBe(1001);
	});

	it('says why the details are missing when they cannot be fetched, and still gives the entity', async () => {
		const { graph } = drawnGraph(2);
		detailSources.set(graph, {
			fetch: () => Promise.reject(new Error('offline')),
			prefetch: () => undefined,
			fetchAll: async () => undefined
		});
		const details = await detailedEntity(graph, 'hub');
		expect(details?.degree).toBe(2);
		expect(details?.detailsMissing).toEqual(expect.any(String));
		expect(details?.detailsMissing).not.toBe('');
	});

	it('yields no task for a graph drawn in full, whatever its hubs', async () => {
		const graph = tinyGraph(Array.from({ length: 1001 }, (_, i) => `hub>n${i}:links`));
		expect(await settlesInTheSameTask(detailedEntity(graph, 'hub'))).toBe(true);
	});
});
