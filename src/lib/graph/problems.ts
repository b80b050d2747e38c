/**
 * Problems found in a graph file, and how they are printed:
 * `file › node <key> | edge <key or #index> | graph › field: message`.
 */

export type Severity = 'error' | 'warning';

export interface Problem {
	severity: Severity;
	/** The file name as the user gave it. */
	file: string;
	/** `graph`, `node <key>`, `edge <key>`, `edge #<index>`; absent for problems with the file as a whole. */
	where?: string;
	/** The field inside `where`, e.g. `label` or `evidence[0].source`; absent when the element itself is wrong. */
	field?: string;
	message: string;
}

const PLAIN_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$/;

/** A key as it can safely be printed: plain keys as they are, anything else quoted, escaped and shortened. */
export function showKey(key: string): string {
	if (PLAIN_KEY.test(key)) return key;
	const shown = key.length > 60 ? `${key.slice(0, 57)}…` : key;
	return JSON.stringify(shown);
}

/**
 * A value from the file quoted for a message, however hostile: escaped like a JSON string (so it stays on one line)
 * and shortened like `showKey`. Ordinary values read as before: `"drink"`.
 */
export function quote(value: string): string {
	return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
}

/** One problem as one line of text. */
export function formatProblem(problem: Problem): string {
	const prefix = problem.severity === 'warning' ? 'warning: ' : '';
	const head = [problem.file, problem.where].filter((part) => part !== undefined).join(' › ');
	const body = problem.field === undefined ? problem.message : `${problem.field}: ${problem.message}`;
	return `${prefix}${head}${problem.where === undefined && problem.field === undefined ? ':' : ' ›'} ${body}`;
}

/** Problems as lines, at most `limit` of them followed by a count of the rest. */
export function formatProblems(problems: readonly Problem[], limit = 50): string[] {
	const lines = problems.slice(0, limit).map(formatProblem);
	if (problems.length > limit) {
		const rest = problems.length - limit;
		lines.push(`… and ${rest} more problem${rest === 1 ? '' : 's'} in ${problems[0]?.file ?? 'this file'}`);
	}
	return lines;
}

/** Thrown where a caller needs an exception rather than a result: carries every problem of the file. */
export class GraphDataError extends Error {
	readonly problems: readonly Problem[];

	constructor(problems: readonly Problem[]) {
		super(formatProblems(problems).join('\n'));
		this.name = 'GraphDataError';
		this.problems = problems;
	}
}
