import { create } from 'zustand';
import { COOPERATION_INFO } from '../model';
import { cooperationLegend, exportImage, nodeColoring, type LegendSpec } from '../cy';
// Only the file namer and types here: the writers (and their XML library) live in the worker.
import type { DataFormat } from '../export';
import { exportFileName } from '../export/fileName';
import type { ExportAnswer, ExportMessage } from '../export/worker';
import type { GraphData } from '../model';
import { IdSet, encodeView, type IdLookup, type Visible } from '../filters';
import { pickView, selectVisible, useAtlas } from '../store';
import { downloadBlob } from './download';

const COLOR_TITLES = { region: 'World region', country: 'Country', type: 'Institution type' };

/** Elements per message to the export worker: each part is cloned in a few milliseconds. */
const PART = 5000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function flagsOf(ids: IdLookup, all: { data: { id: string } }[]): Uint8Array {
  if (ids instanceof IdSet && ids.flags.length === all.length) return ids.flags.slice();
  return Uint8Array.from(all, (x) => (ids.has(x.data.id) ? 1 : 0));
}

/**
 * Writes a data export in a worker. The graph goes over in parts, one task each, so the page
 * never stops for a large graph; `onSent` reports the share sent.
 */
async function runExportWorker(
  format: DataFormat,
  graph: GraphData,
  visible: Visible,
  view: string,
  onSent: (share: number) => void,
): Promise<ExportAnswer> {
  const worker = new Worker(new URL('../export/worker.ts', import.meta.url), { type: 'module' });
  const answer = new Promise<ExportAnswer>((resolve) => {
    worker.onmessage = (e: MessageEvent<ExportAnswer>) => resolve(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      resolve({ type: 'error', message: e.message || 'The export worker failed.' });
    };
  });
  const send = (m: ExportMessage, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  try {
    const { nodes, edges } = graph.elements;
    const total = nodes.length + edges.length;
    send({ type: 'begin', format, data: graph.data, view });
    for (let i = 0; i < nodes.length; i += PART) {
      send({ type: 'nodes', items: nodes.slice(i, i + PART) });
      onSent(Math.min(i + PART, nodes.length) / total);
      await nextTask();
    }
    for (let i = 0; i < edges.length; i += PART) {
      send({ type: 'edges', items: edges.slice(i, i + PART) });
      onSent((nodes.length + Math.min(i + PART, edges.length)) / total);
      await nextTask();
    }
    const nodeFlags = flagsOf(visible.nodes, nodes);
    const edgeFlags = flagsOf(visible.edges, edges);
    send({ type: 'end', nodeFlags, edgeFlags }, [nodeFlags.buffer, edgeFlags.buffer]);
    return await answer;
  } finally {
    void answer.then(() => worker.terminate());
  }
}

interface ExportSettings {
  /** What is being exported, while it is. */
  busy: string | null;
  error: string | null;
  scope: 'view' | 'full';
  scale: 1 | 2 | 4;
  background: 'white' | 'transparent';
  title: string;
  legend: boolean;
}

// Outside the component: the choices, and an export under way, outlive closing the menu.
const useExportSettings = create<ExportSettings>()(() => ({
  busy: null,
  error: null,
  scope: 'full',
  scale: 2,
  background: 'white',
  title: '',
  legend: true,
}));

/** The Export menu's content: images of the view, data of the filtered graph. */
export function ExportPanel() {
  const { busy, error, scope, scale, background, title, legend } = useExportSettings();
  const setBusy = (busy: string | null) => useExportSettings.setState({ busy });
  const setError = (error: string | null) => useExportSettings.setState({ error });
  const setScope = (scope: ExportSettings['scope']) => useExportSettings.setState({ scope });
  const setScale = (scale: ExportSettings['scale']) => useExportSettings.setState({ scale });
  const setBackground = (background: ExportSettings['background']) =>
    useExportSettings.setState({ background });
  const setTitle = (title: string) => useExportSettings.setState({ title });
  const setLegend = (legend: boolean) => useExportSettings.setState({ legend });

  const legendSpec = (): LegendSpec | null => {
    const s = useAtlas.getState();
    if (!s.graph || !legend) return null;
    const visible = selectVisible(s);
    const shownTypes = new Set<string>();
    for (const e of s.graph.elements.edges) {
      if (visible.edges.has(e.data.id)) shownTypes.add(e.data.cooperation);
    }
    return {
      nodeTitle: COLOR_TITLES[s.color],
      nodes: nodeColoring(s.graph, s.color).legend.map((l) => ({ label: l.label, color: l.color })),
      edges: cooperationLegend(s.graph)
        .filter((e) => shownTypes.has(e.type))
        .map((e) => ({ label: COOPERATION_INFO[e.type].label, color: e.color, line: e.line })),
    };
  };

  const image = async (format: 'png' | 'svg') => {
    setBusy(`Drawing the ${format.toUpperCase()}…`);
    setError(null);
    try {
      const blob = await exportImage(format, {
        scope,
        scale,
        background,
        title: title.trim(),
        legend: legendSpec(),
      });
      if (!blob) throw new Error('No network is drawn.');
      downloadBlob(blob, exportFileName(useAtlas.getState().filters, format));
    } catch (e) {
      setError(`The image could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const data = async (format: DataFormat) => {
    const s = useAtlas.getState();
    if (!s.graph) return;
    const visible = selectVisible(s);
    setBusy(
      `Writing ${format.toUpperCase()} for ${visible.nodes.size.toLocaleString('en')} institutions…`,
    );
    setError(null);
    const counts = `${visible.nodes.size.toLocaleString('en')} institutions`;
    const reply = await runExportWorker(
      format,
      s.graph,
      visible,
      encodeView({ ...pickView(s), focus: null, agreement: null, path: null }),
      (share) =>
        setBusy(
          share < 1
            ? `Preparing ${format.toUpperCase()} for ${counts}… ${Math.round(share * 100)} %`
            : `Writing ${format.toUpperCase()} for ${counts}…`,
        ),
    );
    setBusy(null);
    if (reply.type === 'error') {
      setError(`The export failed: ${reply.message}`);
      return;
    }
    for (const f of reply.files) {
      downloadBlob(f.blob, exportFileName(s.filters, f.ext, f.suffix || undefined));
    }
  };

  return (
    <>
      <fieldset>
        <legend>Image</legend>
        <div className="row">
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === 'full'}
              onChange={() => setScope('full')}
            />
            Whole filtered graph
          </label>
          <label>
            <input
              type="radio"
              name="scope"
              checked={scope === 'view'}
              onChange={() => setScope('view')}
            />
            Current view
          </label>
        </div>
        <div className="row">
          <label>
            Scale{' '}
            <select value={scale} onChange={(e) => setScale(Number(e.target.value) as 1 | 2 | 4)}>
              <option value={1}>1×</option>
              <option value={2}>2×</option>
              <option value={4}>4×</option>
            </select>
          </label>
          <label>
            Background{' '}
            <select
              value={background}
              onChange={(e) => setBackground(e.target.value === 'white' ? 'white' : 'transparent')}
            >
              <option value="white">White</option>
              <option value="transparent">Transparent</option>
            </select>
          </label>
        </div>
        <label className="block">
          Title (optional)
          <input
            type="text"
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
          />
        </label>
        <label>
          <input type="checkbox" checked={legend} onChange={(e) => setLegend(e.target.checked)} />{' '}
          Draw the legend in
        </label>
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void image('png')}
          >
            PNG
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void image('svg')}
          >
            SVG
          </button>
        </div>
      </fieldset>
      <fieldset>
        <legend>Data of the filtered graph</legend>
        <div className="row">
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void data('json')}
          >
            JSON
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void data('csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void data('gexf')}
          >
            GEXF
          </button>
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => void data('graphml')}
          >
            GraphML
          </button>
        </div>
        <p className="hint">
          JSON loads back into the explorer and opens in Cytoscape (over 100 MB it is saved
          gzip-compressed, .json.gz, which loads back too); CSV (two tables), GEXF and GraphML open
          in Gephi and networkx.
        </p>
      </fieldset>
      {busy ? (
        <p role="status" className="busy">
          <progress aria-label="Exporting" /> {busy}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="error-text">
          {error}
        </p>
      ) : null}
    </>
  );
}
