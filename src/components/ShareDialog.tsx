import { useEffect, useId, useRef, useState } from 'react';

function embedUrl(href: string): string {
  const url = new URL(href);
  url.searchParams.set('embed', '1');
  return url.toString().replace(/%2C/g, ',');
}

/** The permalink of the current view and an iframe snippet for it, each with a copy button. */
export function ShareDialog({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [width, setWidth] = useState(800);
  const [height, setHeight] = useState(500);
  const [controls, setControls] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const id = useId();
  const link = window.location.href.replace(/%2C/g, ',');
  let src = embedUrl(link);
  if (controls) src += '&controls=1';
  const snippet = `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${width}" height="${height}" style="border:0" title="Partnership Atlas" loading="lazy"></iframe>`;

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open && typeof d.showModal === 'function') d.showModal();
  }, []);

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(
        `${what}: select the text and copy it by hand (the browser refused clipboard access)`,
      );
    }
  };

  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={onClose}
    >
      <header>
        <h2 id={`${id}-title`}>Share this view</h2>
        <button type="button" className="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <label htmlFor={`${id}-link`}>Link to this view</label>
      <div className="copy-row">
        <input id={`${id}-link`} readOnly value={link} onFocus={(e) => e.target.select()} />
        <button type="button" className="button" onClick={() => void copy(link, 'Link copied')}>
          Copy
        </button>
      </div>
      <fieldset className="embed-options">
        <legend>Embed on a website</legend>
        <label>
          Width{' '}
          <input
            type="number"
            min={200}
            max={4000}
            value={width}
            onChange={(e) => setWidth(Number(e.target.value) || 800)}
          />
        </label>
        <label>
          Height{' '}
          <input
            type="number"
            min={200}
            max={4000}
            value={height}
            onChange={(e) => setHeight(Number(e.target.value) || 500)}
          />
        </label>
        <label>
          <input
            type="checkbox"
            checked={controls}
            onChange={(e) => setControls(e.target.checked)}
          />{' '}
          Show a compact filter bar
        </label>
      </fieldset>
      <label htmlFor={`${id}-snippet`}>HTML to paste</label>
      <div className="copy-row">
        <textarea
          id={`${id}-snippet`}
          readOnly
          rows={4}
          value={snippet}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="button"
          onClick={() => void copy(snippet, 'Snippet copied')}
        >
          Copy
        </button>
      </div>
      <p role="status" className="hint">
        {copied ?? ''}
      </p>
    </dialog>
  );
}
