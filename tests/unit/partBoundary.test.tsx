// @vitest-environment jsdom
// A part whose code cannot be fetched keeps to its own place; other errors reach the page's
// error screen.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { lazy, Suspense, type ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../src/components/ErrorBoundary';
import { PartBoundary, PartLoadError } from '../../src/components/PartBoundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** A loader whose first `failures` loads fail with `error`, then loads a part saying "Loaded". */
function loaderFailing(failures: number, error: () => Error) {
  let calls = 0;
  const make = () =>
    lazy(async () => {
      calls++;
      if (calls <= failures) throw error();
      return { default: (() => <p>Loaded</p>) as ComponentType<object> };
    });
  let current = make();
  return {
    loader: () => current,
    renew: () => {
      current = make();
    },
    calls: () => calls,
  };
}

function mount(part: ReturnType<typeof loaderFailing>, what: string | null) {
  return render(
    <ErrorBoundary>
      <Suspense fallback={<p>Loading</p>}>
        <PartBoundary what={what} loader={part.loader} renew={part.renew} props={{}} />
      </Suspense>
    </ErrorBoundary>,
  );
}

describe('PartBoundary', () => {
  it('says the part could not be fetched, and loads it when tried again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const part = loaderFailing(1, () => new PartLoadError('Failed to fetch'));
    mount(part, 'the export menu');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'The code for the export menu could not be fetched: is the connection down?',
    );
    // Not tried again by itself: one fetch until the user asks.
    expect(part.calls()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Loaded')).toBeTruthy();
    expect(part.calls()).toBe(2);
    expect(screen.queryByText(/Something went wrong/)).toBeNull();
  });

  it('shows nothing for a part without a name', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const part = loaderFailing(1, () => new PartLoadError('Failed to fetch'));
    const { container } = mount(part, null);
    await vi.waitFor(() => expect(part.calls()).toBe(1));
    await vi.waitFor(() => expect(container.textContent).toBe(''));
  });

  it('passes any other error on to the page’s error screen', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const part = loaderFailing(1, () => new Error('a bug in the part'));
    mount(part, 'the export menu');
    expect(await screen.findByText('Something went wrong while showing the graph')).toBeTruthy();
    expect(screen.getByText('a bug in the part')).toBeTruthy();
  });
});
