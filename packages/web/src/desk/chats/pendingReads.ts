/**
 * Read marks on their way to the server. The list of chats counts unread messages from the
 * server's read marks; read again while a mark is still in flight (switching tabs quickly
 * remounts it), it would bring back the count the operator just cleared and add the next
 * message to it. So the list waits for the marks sent before it.
 */
const inFlight = new Set<Promise<unknown>>();

export function trackRead<T>(sent: Promise<T>): Promise<T> {
  inFlight.add(sent);
  void sent.finally(() => inFlight.delete(sent)).catch(() => undefined);
  return sent;
}

export const readsSettled = (): Promise<unknown> => Promise.allSettled([...inFlight]);
