/**
 * The check of sigma's private parts. sigma itself needs WebGL to load, so the check runs here on objects shaped
 * like it; the browser tests run it on the real sigma every time a graph is drawn.
 */
import { describe, expect, it } from 'vitest';
import { missingInternals, sigmaInternals } from '../../../src/lib/render/sigma-internals';

class LikeSigma {
	pickingLayers = new Set<string>();
	nodeDataCache = {};
	getNodeAtPosition() {
		return null;
	}
	renderEdgeLabels() {
		return this;
	}
}

describe('sigmaInternals', () => {
	it('should find nothing missing on an object shaped like sigma 3.0.3', () => {
		expect(missingInternals(new LikeSigma())).toEqual([]);
	});

	it('should throw, naming every private part that a sigma upgrade moved', () => {
		const moved = Object.assign(new LikeSigma(), { nodeDataCache: undefined, pickingLayers: null });
		expect(missingInternals(moved)).toEqual(['pickingLayers', 'nodeDataCache']);
		// Not a sigma, on purpose: shaped like one.
		expect(() => sigmaInternals(moved as unknown as Parameters<typeof sigmaInternals>[0])).toThrow(
			/lacks pickingLayers, nodeDataCache .*sigma-internals\.ts/
		);
	});
});
