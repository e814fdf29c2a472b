// Country outlines under the geographic layout. Loaded on first use (Natural Earth 1:110m from
// the world-atlas package, ~30 KB gzip) and drawn on a canvas behind Cytoscape's, kept in step
// with its pan and zoom. Projection: the same equirectangular one as mapPositions.

import type { Core } from 'cytoscape';
import { MAP_SCALE } from './layouts';

type Ring = [number, number][];

let outlines: Promise<Path2D> | null = null;

async function loadOutlines(): Promise<Path2D> {
  const [{ feature }, atlas] = await Promise.all([
    import('topojson-client'),
    import('world-atlas/countries-110m.json'),
  ]);
  const topology = atlas.default as unknown as Parameters<typeof feature>[0];
  const objects = (topology as unknown as { objects: Record<string, unknown> }).objects;
  const countries = feature(
    topology,
    objects.countries as Parameters<typeof feature>[1],
  ) as unknown as {
    features: { id?: string; geometry: { type: string; coordinates: unknown } | null }[];
  };
  const path = new Path2D();
  const addRing = (ring: Ring) => {
    let lastLon = 0;
    ring.forEach(([lon, lat], i) => {
      const x = lon * MAP_SCALE;
      const y = -lat * MAP_SCALE;
      // A jump across the antimeridian starts a new piece instead of a line across the world.
      if (i === 0 || Math.abs(lon - lastLon) > 180) path.moveTo(x, y);
      else path.lineTo(x, y);
      lastLon = lon;
    });
  };
  for (const f of countries.features) {
    const g = f.geometry;
    // Antarctica (ISO numeric 010) only stretches the map; no institution lies there.
    if (!g || f.id === '010') continue;
    if (g.type === 'Polygon') (g.coordinates as Ring[]).forEach(addRing);
    else if (g.type === 'MultiPolygon')
      (g.coordinates as Ring[][]).forEach((p) => p.forEach(addRing));
  }
  return path;
}

export interface Basemap {
  destroy(): void;
}

/** Draws the outlines on `canvas`, following `cy`'s viewport until destroyed. */
export function attachBasemap(cy: Core, canvas: HTMLCanvasElement): Basemap {
  let alive = true;
  let path: Path2D | null = null;
  let frame = 0;
  const draw = () => {
    frame = 0;
    const ctx = canvas.getContext('2d');
    if (!ctx || !alive) return;
    const dpr = window.devicePixelRatio || 1;
    const w = canvas.clientWidth;
    const h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!path) return;
    const z = cy.zoom();
    const pan = cy.pan();
    ctx.setTransform(z * dpr, 0, 0, z * dpr, pan.x * dpr, pan.y * dpr);
    ctx.fillStyle = '#e9edf1';
    ctx.strokeStyle = '#c3ccd5';
    ctx.lineWidth = 1 / z;
    ctx.fill(path, 'evenodd');
    ctx.stroke(path);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(draw);
  };
  outlines ??= loadOutlines();
  outlines
    .then((p) => {
      path = p;
      schedule();
    })
    .catch(() => {
      // Without outlines the geographic layout still places institutions; nothing to report.
      outlines = null;
    });
  cy.on('viewport resize', schedule);
  schedule();
  return {
    destroy() {
      alive = false;
      cy.off('viewport resize', schedule);
      if (frame) cancelAnimationFrame(frame);
      const ctx = canvas.getContext('2d');
      ctx?.clearRect(0, 0, canvas.width, canvas.height);
    },
  };
}
