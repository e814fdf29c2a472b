import { useEffect, useRef } from 'react';
import type { Source } from '../model';

/** The full source text in a dialog, the quoted sentence marked and scrolled into view. */
export function SourceViewer(props: { source: Source; quote: string; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const mark = useRef<HTMLElement>(null);
  const { source, quote, onClose } = props;
  const text = source.text ?? '';
  const at = quote ? text.indexOf(quote) : -1;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    mark.current?.scrollIntoView({ block: 'center' });
  }, []);

  return (
    <dialog
      ref={dialog}
      className="source-viewer"
      aria-labelledby="source-title"
      onClose={onClose}
      onCancel={onClose}
    >
      <header>
        <div>
          <h2 id="source-title">{source.title || `Untitled text (${source.file})`}</h2>
          <p className="hint">
            {[source.publisher, source.date || 'undated', source.file].filter(Boolean).join(' · ')}
          </p>
          {source.note ? <p className="hint">{source.note}</p> : null}
        </div>
        <button type="button" className="close" aria-label="Close source" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="source-text" tabIndex={0}>
        {at >= 0 ? (
          <>
            {text.slice(0, at)}
            <mark ref={mark}>{quote}</mark>
            {text.slice(at + quote.length)}
          </>
        ) : (
          text
        )}
      </div>
    </dialog>
  );
}
