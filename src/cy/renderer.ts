// Which Cytoscape renderer draws big graphs. WebGL is only faster with a hardware GPU: under
// software emulation (SwiftShader, llvmpipe) the benchmark measured it slower than the 2D canvas
// at every size, so those get the canvas.

export interface RendererChoice {
  name: 'canvas' | 'webgl';
  /** Why, for the benchmark and the "About this view" notes. */
  reason: string;
}

const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i;

let gpu: string | null | undefined;

/** The GPU's renderer string, or null when WebGL 2 is missing: asked once per page. */
function gpuName(): string | null {
  if (gpu === undefined) gpu = askGpu();
  return gpu;
}

/**
 * Asks for the GPU ahead of time: it takes a WebGL context (~8 ms here), which a big graph's
 * mount would otherwise wait for. Called while a large file is checked in the worker.
 */
export function prepareRenderer(): void {
  gpuName();
}

function askGpu(): string | null {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return name;
  } catch {
    return null;
  }
}

/** `forced` is the URL's renderer= value ("webgl" or "canvas"), or null for automatic. */
export function chooseRenderer(forced: string | null): RendererChoice {
  if (forced === 'canvas') return { name: 'canvas', reason: 'renderer=canvas in the link' };
  const gpu = gpuName();
  if (forced === 'webgl') {
    return gpu
      ? { name: 'webgl', reason: `renderer=webgl in the link (${gpu})` }
      : { name: 'canvas', reason: 'renderer=webgl asked, but WebGL 2 is unavailable' };
  }
  if (!gpu) return { name: 'canvas', reason: 'WebGL 2 unavailable' };
  if (SOFTWARE.test(gpu)) return { name: 'canvas', reason: `WebGL is software-emulated (${gpu})` };
  return { name: 'webgl', reason: `hardware WebGL (${gpu})` };
}
