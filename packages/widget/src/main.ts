import { textsFor } from './i18n.ts';
import { ChatWidget } from './widget.ts';

/**
 * Boots the widget from its own <script> tag: `data-key` names the hotline's widget, the server
 * is where the script came from, `data-lang` (else the page's <html lang>) picks Russian or
 * English. The widget lives in a shadow root on an element of its own at the end of <body>.
 */
function boot(script: HTMLScriptElement | null): void {
  const key = script?.dataset.key;
  if (!script || !key) {
    console.warn('[linia chat] add data-key="…" to the widget\'s <script> tag');
    return;
  }
  const base = new URL(script.src, location.href).origin;
  const lang = script.dataset.lang ?? document.documentElement.lang;
  const mount = () => {
    const host = document.createElement('linia-chat');
    document.body.append(host);
    void new ChatWidget(host, base, key, textsFor(lang)).boot();
  };
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

boot(document.currentScript as HTMLScriptElement | null);
