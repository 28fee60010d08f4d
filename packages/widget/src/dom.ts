/** A tiny element builder: the widget has no framework, and host pages must not need one. */
type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | null | undefined | false)[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** A labelled form field: the label wraps the control, so its accessible name is the label's text. */
export function field(label: string, control: HTMLElement): HTMLLabelElement {
  return h('label', { class: 'field' }, h('span', {}, label), control);
}

/**
 * A form whose submit runs `action` once at a time: the button is disabled while it runs and the
 * error shown under the fields if it fails (then the button is free again; `onError` may react).
 */
export function form(
  submitLabel: string,
  action: () => Promise<void>,
  fields: (Node | null)[],
  onError?: (err: unknown) => void,
): HTMLFormElement {
  const error = h('p', { class: 'error', role: 'alert' });
  const submit = h('button', { class: 'primary', type: 'submit' }, submitLabel);
  return h('form', {
    onsubmit: async (e: Event) => {
      e.preventDefault();
      submit.disabled = true;
      error.textContent = '';
      try {
        await action();
      } catch (err) {
        error.textContent = err instanceof Error ? err.message : String(err);
        submit.disabled = false;
        onError?.(err);
      }
    },
  }, ...fields, error, submit);
}
