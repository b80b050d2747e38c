/**
 * How a data attribute's value reads on a page, by its kind (data-kinds.ts). Apart from data-kinds.ts so that
 * only the pages that show values load it.
 */
import type { DataKind, DataValue } from './schema';

const NUMBER = new Intl.NumberFormat('en', { maximumFractionDigits: 6 });

/**
 * A value as a reader sees it: numbers from 10,000 up grouped (12,345.6; a year such as 1956 stays as it is),
 * booleans as yes or no, the rest as written.
 */
export function formatDataValue(value: DataValue, kind: DataKind): string {
	if (typeof value === 'number') {
		return kind === 'number' && Math.abs(value) >= 10_000 ? NUMBER.format(value) : String(value);
	}
	if (typeof value === 'boolean') return value ? 'yes' : 'no';
	return value;
}
