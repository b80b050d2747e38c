/** Small text helpers shared by pages. */

/** `3 entities`, `1 entity`. */
export function plural(count: number, one: string, many = `${one}s`): string {
	return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** A link from data is used only when it is http(s); anything else is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
	if (!url) return undefined;
	try {
		const { protocol } = new URL(url);
		return protocol === 'http:' || protocol === 'https:' ? url : undefined;
	} catch {
		return undefined;
	}
}

/** A file's size for people: `12 KB`, `3.4 MB`, `256 MB` (1 KB = 1,024 bytes, as file managers count). */
export function fileSize(bytes: number): string {
	if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
	const mb = bytes / 1024 / 1024;
	return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
