import { useEffect } from 'react';

/**
 * Which chat is on the operator's screen right now. The live-event handler (mounted once for the
 * whole desk) reads it so that messages of the open chat do not count as unread: they are read
 * as they arrive. A module value, not React state, because nothing re-renders when it changes.
 */
let visible: string | null = null;

export const visibleChat = (): string | null => visible;

/** While the calling screen is mounted (and the tab shown), `contactId` is the chat on screen. */
export function useVisibleChat(contactId: string | null): void {
  useEffect(() => {
    visible = contactId;
    return () => {
      if (visible === contactId) visible = null;
    };
  }, [contactId]);
}
