import { Component, createElement, type ComponentType, type ReactNode } from 'react';

/** A part's code could not be fetched (see lazyParts.ts): the rest of the page goes on. */
export class PartLoadError extends Error {}

interface Props<P extends object> {
  /** What the part is, for the message ("the export menu"); null: nothing is shown. */
  what: string | null;
  /** The part's loader (React.lazy), the same one until `renew`. */
  loader: () => ComponentType<P>;
  /** Makes a fresh loader: React.lazy keeps a failure for good. */
  renew: () => void;
  props: P;
}

interface State {
  error: Error | null;
}

/**
 * Holds a part whose code failed to load to its own place: a short message and a way to try
 * again, instead of the page's error screen. Other errors go on to that screen. Only "Try
 * again" makes a fresh loader: React renders a suspended part anew (a new boundary each time)
 * until it loads, so a loader made afresh there would fetch in a loop while the connection is
 * down.
 */
export class PartBoundary<P extends object> extends Component<Props<P>, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  private retry = () => {
    this.props.renew();
    this.setState({ error: null });
  };

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return createElement(this.props.loader(), this.props.props);
    if (!(error instanceof PartLoadError)) throw error;
    const { what, props } = this.props;
    if (what === null) return null;
    // A part that can be closed (a dialog) shows the message over the page, with Close.
    const { onClose } = props as { onClose?: unknown };
    const close = typeof onClose === 'function' ? (onClose as () => void) : null;
    return (
      <div className={close ? 'part-error banner' : 'part-error'} role="alert">
        <p>{`The code for ${what} could not be fetched: is the connection down?`}</p>
        <button type="button" className="button" onClick={this.retry}>
          Try again
        </button>
        {close ? (
          <>
            {' '}
            <button type="button" className="button secondary" onClick={close}>
              Close
            </button>
          </>
        ) : null}
      </div>
    );
  }
}
