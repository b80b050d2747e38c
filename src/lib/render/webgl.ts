/** Whether this browser can draw with WebGL (checked without loading sigma). */
export function hasWebGL(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
	} catch {
		return false;
	}
}

/**
 * Whether WebGL draws without a graphics card (SwiftShader, llvmpipe and the like), judged by the renderer's name
 * as the browser reports it. There every frame of a big graph keeps the page waiting for the whole frame: about
 * 2 s at 100,000 entities and 500,000 relationships on two cores (docs/performance.md).
 */
export function softwareWebGL(): boolean {
	try {
		const gl = document.createElement('canvas').getContext('webgl');
		if (!gl) return false;
		const info = gl.getExtension('WEBGL_debug_renderer_info');
		const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
		gl.getExtension('WEBGL_lose_context')?.loseContext();
		return /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(name);
	} catch {
		return false;
	}
}
