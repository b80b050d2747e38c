/**
 * Dashed relationships: what the source does not state as fact (attributed, intended, possible) is drawn dashed,
 * straight, with an arrowhead or curved like the others. sigma and @sigma/edge-curve have no dashed programs, so
 * these are theirs with two lines added to their shaders: the distance along the edge in screen pixels, and a
 * fragment discarded in every gap. Written here because no maintained package draws dashed edges for sigma 3.
 * The shaders are patched at the places named below; `dashedPrograms` throws at start-up if sigma's sources
 * change under them, rather than draw solid lines silently.
 */
import {
	EdgeArrowHeadProgram,
	EdgeClampedProgram,
	EdgeRectangleProgram,
	createEdgeCompoundProgram
} from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';

/** The dash and the whole period, in device pixels. */
const DASH = 5;
const PERIOD = 9;

type Definition = { VERTEX_SHADER_SOURCE: string; FRAGMENT_SHADER_SOURCE: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's constructor must take any[] (TS2545)
type ProgramClass = new (...args: any[]) => { getDefinition(): Definition };

/** `source` with `insert` placed before `at`, which must occur exactly once. */
function insertBefore(source: string, at: string, insert: string): string {
	const index = source.indexOf(at);
	if (index < 0 || source.indexOf(at, index + 1) >= 0)
		throw new Error(`dashed edges: sigma's shader no longer has one "${at.trim()}" to patch`);
	return source.slice(0, index) + insert + source.slice(index);
}

/** `Base` whose definition's shaders `patch` rewrites. */
function patched<T extends ProgramClass>(Base: T, patch: (definition: Definition) => Definition): T {
	return class extends Base {
		getDefinition(): Definition {
			return patch(super.getDefinition());
		}
	};
}

const GAP = `if (mod(v_along, ${PERIOD}.0) > ${DASH}.0) discard;\n`;

/**
 * A straight program (sigma's rectangle and clamped edges): the vertex shader passes how far along the edge a
 * vertex is, in pixels (graph units over the correction ratio, which includes the camera), and the fragment
 * shader drops the gaps (not when picking).
 */
const straight = <T extends ProgramClass>(Base: T) =>
	patched(Base, (definition) => ({
		...definition,
		VERTEX_SHADER_SOURCE: insertBefore(
			insertBefore(definition.VERTEX_SHADER_SOURCE, 'varying vec4 v_color;', 'varying float v_along;\n'),
			'  #ifdef PICKING_MODE',
			'  v_along = a_positionCoef * length(a_positionEnd - a_positionStart) / u_correctionRatio;\n'
		),
		FRAGMENT_SHADER_SOURCE: insertBefore(
			insertBefore(definition.FRAGMENT_SHADER_SOURCE, 'varying vec4 v_color;', 'varying float v_along;\n'),
			'  float dist = length(v_normal)',
			`  ${GAP}`
		)
	}));

/** @sigma/edge-curve's program: its fragment shader knows the ends in pixels; the distance is along their chord. */
const curved = <T extends ProgramClass>(Base: T) =>
	patched(Base, (definition) => ({
		...definition,
		FRAGMENT_SHADER_SOURCE: insertBefore(
			definition.FRAGMENT_SHADER_SOURCE,
			'  float dist = distToQuadraticBezierCurve',
			`  #ifndef PICKING_MODE\n  float v_along = dot(gl_FragCoord.xy - v_cpA, normalize(v_cpC - v_cpA));\n  ${GAP}  #endif\n`
		)
	}));

/** The dashed programs, by the edge types the reducers give (reducers.ts). */
export function dashedPrograms(): Record<'dashedStraight' | 'dashedArrow' | 'dashedCurved', unknown> {
	return {
		dashedStraight: straight(EdgeRectangleProgram as unknown as ProgramClass),
		dashedArrow: createEdgeCompoundProgram([
			straight(EdgeClampedProgram as unknown as ProgramClass) as unknown as typeof EdgeClampedProgram,
			EdgeArrowHeadProgram
		]),
		dashedCurved: curved(EdgeCurvedArrowProgram as unknown as ProgramClass)
	};
}
