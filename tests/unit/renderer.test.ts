// Choosing the renderer for big graphs: the GPU is asked once per page (a WebGL context each
// time costs ~8 ms), so asking ahead while a large file loads spares the mount that wait.
import { afterEach, describe, expect, it, vi } from 'vitest';

/** A document whose canvases report `renderer` as their WebGL 2 GPU; counts the canvases. */
function stubGpu(renderer: string | null): { canvases: () => number } {
  let made = 0;
  const gl = {
    RENDERER: 1,
    getExtension: (name: string) =>
      name === 'WEBGL_debug_renderer_info'
        ? { UNMASKED_RENDERER_WEBGL: 2 }
        : { loseContext: () => undefined },
    getParameter: () => renderer,
  };
  vi.stubGlobal('document', {
    createElement: () => {
      made++;
      return { getContext: () => (renderer === null ? null : gl) };
    },
  });
  return { canvases: () => made };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('chooseRenderer', () => {
  it('asks the GPU once: after prepareRenderer, choosing creates no WebGL context', async () => {
    const gpu = stubGpu('ANGLE (NVIDIA GeForce RTX 3060)');
    const { chooseRenderer, prepareRenderer } = await import('../../src/cy/renderer');
    prepareRenderer();
    expect(gpu.canvases()).toBe(1);
    expect(chooseRenderer(null)).toEqual({
      name: 'webgl',
      reason: 'hardware WebGL (ANGLE (NVIDIA GeForce RTX 3060))',
    });
    expect(chooseRenderer('webgl').name).toBe('webgl');
    expect(gpu.canvases()).toBe(1);
  });

  it('keeps the canvas under software emulation, and where WebGL 2 is missing', async () => {
    stubGpu('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))');
    const first = await import('../../src/cy/renderer');
    expect(first.chooseRenderer(null).name).toBe('canvas');
    vi.resetModules();
    stubGpu(null);
    const second = await import('../../src/cy/renderer');
    expect(second.chooseRenderer(null)).toEqual({ name: 'canvas', reason: 'WebGL 2 unavailable' });
    expect(second.chooseRenderer('canvas').reason).toBe('renderer=canvas in the link');
  });
});
