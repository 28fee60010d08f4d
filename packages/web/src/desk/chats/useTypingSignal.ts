import { useCallback, useEffect, useRef } from 'react';
import { api } from '../../api/client.ts';

/** Tell the customer "typing" at most this often while keys are pressed… */
const REPEAT_MS = 3_000;
/** …and "stopped" after this long without a key. */
const IDLE_MS = 4_000;

/**
 * The agent's typing indicator for one chat, throttled: one request per few seconds however fast
 * the agent types, and one "stopped" when they pause, send, or switch to another chat.
 * Failures are ignored — a lost indicator is not worth an error on screen.
 */
export function useTypingSignal(contactId: string, enabled: boolean) {
  const lastSent = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const post = useCallback((typing: boolean) => void api.post(`/chats/${contactId}/typing`, { typing }).catch(() => undefined), [contactId]);
  const stop = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (lastSent.current === 0) return;
    lastSent.current = 0;
    post(false);
  }, [post]);
  const typed = useCallback(() => {
    if (!enabled) return;
    const now = Date.now();
    if (now - lastSent.current >= REPEAT_MS) {
      lastSent.current = now;
      post(true);
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stop, IDLE_MS);
  }, [enabled, post, stop]);
  useEffect(() => stop, [stop]);
  return { typed, stop };
}
