import { useAtlas } from '../store';

/** Notices about dropped link parameters and similar; dismissable, never blocking. */
export function Notices() {
  const notices = useAtlas((s) => s.notices);
  const dismiss = useAtlas((s) => s.dismissNotices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" data-testid="notices">
      <ul>
        {notices.slice(0, 8).map((n, i) => (
          <li key={i}>{n}</li>
        ))}
        {notices.length > 8 ? <li>…and {notices.length - 8} more.</li> : null}
      </ul>
      <button type="button" onClick={dismiss} aria-label="Dismiss notices">
        Dismiss
      </button>
    </div>
  );
}
