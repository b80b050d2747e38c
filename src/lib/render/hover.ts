/**
 * The label of the entity under the pointer: a rounded box in the page's own colours (sigma's default box is
 * always white, unreadable on a dark page). sigma calls it as its `defaultDrawNodeHover`.
 */
import type { Theme } from './reducers';

interface HoveredNode {
	x: number;
	y: number;
	size: number;
	label?: string | null;
	color: string;
}

interface LabelSettings {
	labelSize: number;
	labelFont: string;
	labelWeight: string;
}

/** Draws the hover label of `data` on `context` (sigma's hover layer) in the colours of `theme`. */
export function drawHover(
	context: CanvasRenderingContext2D,
	data: HoveredNode,
	settings: LabelSettings,
	theme: Theme
): void {
	const size = settings.labelSize;
	context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
	const label = data.label ?? '';
	const width = label ? context.measureText(label).width + 10 : 0;
	const height = size + 8;
	context.fillStyle = theme.background;
	context.shadowBlur = 6;
	context.shadowColor = 'rgba(0, 0, 0, 0.35)';
	context.beginPath();
	context.roundRect(
		data.x - data.size - 3,
		data.y - height / 2,
		data.size * 2 + 6 + width,
		height,
		height / 2
	);
	context.fill();
	context.shadowBlur = 0;
	context.beginPath();
	context.arc(data.x, data.y, data.size, 0, Math.PI * 2);
	context.fillStyle = data.color;
	context.fill();
	if (label) {
		context.fillStyle = theme.label;
		context.fillText(label, data.x + data.size + 5, data.y + size / 3);
	}
}
