// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSettled } from '../../src/components/useSettled';
import { whenIdle } from '../../src/model';

/** Idle callbacks queued by the page, run when a test says the browser is idle. */
let idle: Map<number, IdleRequestCallback>;
let nextHandle = 1;

function runIdle(): void {
  const due = [...idle.values()];
  idle.clear();
  act(() => {
    for (const fn of due) fn({ didTimeout: false, timeRemaining: () => 50 });
  });
}

function Shown({ value, scope }: { value: string; scope?: string }) {
  return <p>{useSettled(value, scope)}</p>;
}

describe('useSettled', () => {
  beforeEach(() => {
    idle = new Map();
    vi.stubGlobal('requestIdleCallback', (fn: IdleRequestCallback) => {
      const handle = nextHandle++;
      idle.set(handle, fn);
      return handle;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => idle.delete(handle));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('has the value at once on the first render', () => {
    render(<Shown value="first" />);
    expect(screen.getByText('first')).toBeTruthy();
    expect(idle.size).toBe(0);
  });

  it('shows a change only once the browser is idle', () => {
    const { rerender } = render(<Shown value="before" />);
    rerender(<Shown value="after" />);
    // Frames are drawn first: the old value stays until an idle moment.
    expect(screen.getByText('before')).toBeTruthy();
    expect(idle.size).toBe(1);
    runIdle();
    expect(screen.getByText('after')).toBeTruthy();
    expect(idle.size).toBe(0);
  });

  it('skips values replaced before the browser was idle', () => {
    const { rerender } = render(<Shown value="a" />);
    rerender(<Shown value="b" />);
    rerender(<Shown value="c" />);
    // The wait for "b" was cancelled when "c" came.
    expect(idle.size).toBe(1);
    runIdle();
    expect(screen.getByText('c')).toBeTruthy();
  });

  it('takes the value at once in another scope (another graph), and settles there after', () => {
    const { rerender } = render(<Shown value="first graph, all" scope="first" />);
    rerender(<Shown value="first graph, filtered" scope="first" />);
    expect(screen.getByText('first graph, all')).toBeTruthy();
    // Another graph opens before the browser was idle: its own value, not the first graph's.
    rerender(<Shown value="second graph, all" scope="second" />);
    expect(screen.getByText('second graph, all')).toBeTruthy();
    runIdle();
    expect(screen.getByText('second graph, all')).toBeTruthy();
    rerender(<Shown value="second graph, filtered" scope="second" />);
    expect(screen.getByText('second graph, all')).toBeTruthy();
    runIdle();
    expect(screen.getByText('second graph, filtered')).toBeTruthy();
  });

  it('without idle callbacks, waits for the next frame and then a task', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    try {
      const fn = vi.fn();
      whenIdle(fn);
      vi.advanceTimersByTime(0);
      expect(fn).not.toHaveBeenCalled();
      vi.advanceTimersByTime(20);
      expect(fn).toHaveBeenCalledTimes(1);
      const cancelled = vi.fn();
      whenIdle(cancelled)();
      vi.advanceTimersByTime(50);
      expect(cancelled).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
