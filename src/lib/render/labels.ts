/**
 * Collision-free node labels. sigma offers label candidates per frame in grid order; this places them by
 * priority instead (forced labels first, then bigger nodes), skipping any label whose box would overlap one
 * already placed, so that labels never collide at any zoom.
 */

export interface LabelCandidate {
	key: string;
	label: string;
	/** Node centre and radius on screen, in CSS pixels. */
	x: number;
	y: number;
	size: number;
	forced: boolean;
}

export interface PlacedLabel extends LabelCandidate {
	/** The label's box: left, top, width, height. */
	box: { left: number; top: number; width: number; height: number };
}

const GAP = 2;

/** Chooses the labels to draw: by priority, each only where it overlaps no label chosen before it. */
export function placeLabels(
	candidates: readonly LabelCandidate[],
	textWidth: (label: string) => number,
	fontSize: number
): PlacedLabel[] {
	const ordered = [...candidates].sort(
		(a, b) =>
			Number(b.forced) - Number(a.forced) || b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
	);
	const placed: PlacedLabel[] = [];
	for (const candidate of ordered) {
		if (!candidate.label) continue;
		const box = {
			left: candidate.x + candidate.size + 3 - GAP,
			top: candidate.y - fontSize / 2 - GAP,
			width: textWidth(candidate.label) + 2 * GAP,
			height: fontSize + 2 * GAP
		};
		const collides = placed.some(
			({ box: other }) =>
				box.left < other.left + other.width &&
				other.left < box.left + box.width &&
				box.top < other.top + other.height &&
				other.top < box.top + box.height
		);
		if (!collides) placed.push({ ...candidate, box });
	}
	return placed;
}

/**
 * Draws the labels of `candidates` that do not collide (see placeLabels) on `context`, sigma's label layer, in
 * the theme's colours with a halo of the background; returns the keys of the entities labelled.
 */
export function drawLabels(
	context: CanvasRenderingContext2D,
	candidates: readonly LabelCandidate[],
	font: { size: number; family: string; weight: string },
	colors: { label: string; background: string }
): string[] {
	context.font = `${font.weight} ${font.size}px ${font.family}`;
	const placed = placeLabels(candidates, (label) => context.measureText(label).width, font.size);
	context.lineJoin = 'round';
	context.lineWidth = 3;
	context.strokeStyle = colors.background;
	context.fillStyle = colors.label;
	for (const { label, x, y, size } of placed) {
		context.strokeText(label, x + size + 3, y + font.size / 3);
		context.fillText(label, x + size + 3, y + font.size / 3);
	}
	return placed.map((candidate) => candidate.key);
}
