// Two-way binding of the view to the address bar: every view change becomes a history entry
// (typing in search replaces the entry instead), and back/forward restore the view.

import { decodeView, encodeView, APP_KEYS } from '../filters';
import { pickView, useAtlas, type AtlasState } from './store';

function appParams(search: string): Record<string, string> {
  const p = new URLSearchParams(search);
  const out: Record<string, string> = {};
  for (const k of APP_KEYS) {
    const v = p.get(k);
    if (v !== null) out[k] = v;
  }
  return out;
}

export function startUrlSync(): () => void {
  let applying = false;
  const sync = (s: AtlasState, prev: AtlasState) => {
    if (applying || s.status !== 'ready' || !s.graph) return;
    const query = encodeView(pickView(s), appParams(window.location.search));
    const url = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
    if (url === `${window.location.pathname}${window.location.search}${window.location.hash}`) {
      return;
    }
    const onlySearch =
      prev.search !== s.search &&
      encodeView({ ...pickView(s), search: prev.search }) === encodeView(pickView(prev));
    if (onlySearch || prev.status !== 'ready') window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
  };
  const unsubscribe = useAtlas.subscribe(sync);
  // A graph that loaded before this started (main.tsx loads it ahead of the first render) gets
  // the address it would have got: its cleaned view, replacing the entry.
  const now = useAtlas.getState();
  if (now.status === 'ready') sync(now, { ...now, status: 'loading' });
  const onPop = () => {
    const { state, notices } = decodeView(window.location.search);
    applying = true;
    try {
      useAtlas.getState().applyView(state);
      if (notices.length) useAtlas.getState().addNotices(notices);
    } finally {
      applying = false;
    }
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
  };
}
