/**
 * The benchmark report: one row per figure, the machine it was measured on, a table for the terminal and
 * bench-results.json, shaped `{machine, date, results: [{name, value, unit, baseline, ratio, target, pass}]}`.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** One figure: a median of several runs. */
export interface Result {
	/** What was measured, e.g. `load 10k/50k`. */
	name: string;
	value: number;
	/** `ms`, `bytes`, `×`… */
	unit: string;
	/** The same figure for the baseline it is set against, measured in the same run; null when there is none. */
	baseline: number | null;
	/** `value / baseline` when the budget is on the ratio; null otherwise. */
	ratio: number | null;
	/** The budget: the most the ratio may be when `ratio` is set, else the most `value` may be; null for none. */
	target: number | null;
	/** Whether the budget holds (true when there is none). */
	pass: boolean;
}

export interface Machine {
	cpu: string;
	cores: number;
	/** Total memory in bytes. */
	memoryBytes: number;
	node: string;
	platform: string;
	/** Chromium's version, when a browser was run. */
	chromium?: string;
	/** The WebGL renderer string Chromium reports, when a browser was run. */
	webglRenderer?: string;
}

export interface Report {
	machine: Machine;
	date: string;
	results: Result[];
}

export function machine(): Machine {
	const cores = cpus();
	return {
		cpu: cores[0]?.model.trim() ?? 'unknown',
		cores: cores.length,
		memoryBytes: totalmem(),
		node: process.version,
		platform: `${process.platform} ${process.arch}`
	};
}

/**
 * A row. With a `baseline` and a `target`, the budget is on the ratio value/baseline; with a `target` alone, on
 * the value itself.
 */
export function result(
	name: string,
	value: number,
	unit: string,
	options: { baseline?: number; target?: number } = {}
): Result {
	const baseline = options.baseline ?? null;
	const target = options.target ?? null;
	const ratio = baseline === null ? null : value / baseline;
	const measured = ratio ?? value;
	return { name, value, unit, baseline, ratio, target, pass: target === null || measured <= target };
}

function format(value: number | null, unit = ''): string {
	if (value === null) return '';
	const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
	return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** The report as a text table, with PASS/FAIL for each row that has a budget. */
export function table(results: readonly Result[]): string {
	const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'budget'];
	const rows = results.map((r) => [
		r.name,
		format(r.value, r.unit),
		format(r.baseline, r.unit),
		r.ratio === null ? '' : `${r.ratio.toFixed(2)}×`,
		r.target === null ? '' : r.ratio === null ? `≤ ${format(r.target, r.unit)}` : `≤ ${r.target}×`,
		r.target === null ? '' : r.pass ? 'pass' : 'FAIL'
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
			.join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function writeReport(file: string, report: Report): void {
	writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
}
