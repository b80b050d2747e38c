/** Small statistics and typing helpers shared by the benchmarks in tests/bench/. */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The nearest-rank `p`th percentile (0–100) of an ascending list; NaN for an empty one. */
export function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** The median of a list in any order (the mean of the middle two for an even length); NaN for an empty one. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2
		? (sorted[mid] as number)
		: ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Every keystroke of typing each query one character (code point) at a time: each prefix that is not blank.
 * `keystrokes(['ab'])` is `['a', 'ab']`.
 */
export function keystrokes(script: readonly string[]): string[] {
	return script.flatMap((query) => {
		const chars = [...query];
		return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((q) => q.trim() !== '');
	});
}

let gc: (() => void) | undefined;

/**
 * Runs a full garbage collection, so that one run's garbage is not collected in the next run's time. Turns on
 * `--expose-gc` at run time when node was not started with it.
 */
export function collectGarbage(): void {
	if (!gc) {
		const exposed = (globalThis as { gc?: () => void }).gc;
		if (exposed) gc = exposed;
		else {
			setFlagsFromString('--expose-gc');
			gc = runInNewContext('gc') as () => void;
		}
	}
	gc();
}
