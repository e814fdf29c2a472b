import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Catches what slips through and offers a way back instead of a blank page. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="load-error" role="alert">
        <h2>Something went wrong while showing the graph</h2>
        <p>{this.state.error.message}</p>
        <button type="button" className="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>{' '}
        <a className="button" href={window.location.pathname}>
          Reload with the default view
        </a>
      </div>
    );
  }
}
