/**
 * The arrow keys of a story, the same in the explorer's step pages and in the story embed: ← goes to the previous
 * step and → to the next, unless a modifier is held or the reader is typing.
 */
export function stepDirection(event: KeyboardEvent): -1 | 0 | 1 {
	if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return 0;
	const target = event.target as HTMLElement | null;
	if (target?.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return 0;
	return event.key === 'ArrowLeft' ? -1 : event.key === 'ArrowRight' ? 1 : 0;
}
