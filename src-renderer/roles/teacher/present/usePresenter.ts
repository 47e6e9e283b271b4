import { useCallback, useEffect, useRef, useState } from 'react';
import { randomUuid } from '../../../api/storage';
import { openPresenterWindow, type PresenterOpened } from './present-bridge';
import { channelName, presenterMessage, presenterRoute, type PresenterState } from './presenter-link';
import type { DeckAction } from './present';

/**
 * The board's side of the presenter view: a channel of its own, the state sent whenever it changes (and to a view
 * that says hello), and the view's page turns handed to the deck. The view is opened by the desktop shell when it
 * offers to (on the teacher's screen), else as a browser window.
 */
export function usePresenter(onTurn: (action: DeckAction) => void) {
  const [id] = useState(() => randomUuid());
  const [connected, setConnected] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);
  const stateRef = useRef<PresenterState | null>(null);
  const turnRef = useRef(onTurn);
  useEffect(() => { turnRef.current = onTurn; }, [onTurn]);

  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    const c = new BroadcastChannel(channelName(id));
    channel.current = c;
    c.onmessage = (e: MessageEvent) => {
      const m = presenterMessage(e.data);
      if (!m) return;
      // A view that closes says so: the pages' pictures are drawn only while one listens.
      setConnected(m.type !== 'bye');
      if (m.type === 'hello') { if (stateRef.current) c.postMessage({ type: 'state', state: stateRef.current }); }
      else if (m.type !== 'bye') turnRef.current(m);
    };
    return () => {
      c.postMessage({ type: 'closed' });
      c.close();
      channel.current = null;
    };
  }, [id]);

  /** Sends the view what it shows now (kept for a view that says hello later). */
  const publish = useCallback((state: PresenterState) => {
    stateRef.current = state;
    channel.current?.postMessage({ type: 'state', state });
  }, []);

  const open = useCallback((): Promise<PresenterOpened> => openPresenterWindow(presenterRoute(id), `sabaq-presenter-${id}`), [id]);
  return { open, connected, publish };
}
