import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DEMO_WIDGET_KEY } from '../demo/seedChat.ts';

/** The widget's build (npm run build -w @linia/widget; `npm start` and `npm test` build it when stale). */
export const WIDGET_FILE = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));

/**
 * A page of a made-up customer site that embeds the demo widget, with rude CSS of its own (every
 * element red, large and bordered) to show that the widget's shadow DOM keeps its look.
 * `?key=` embeds another widget, `?lang=en` the English texts.
 */
function demoPage(key: string, lang: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ТелеКом Плюс — интернет и связь</title>
<style>
  * { color: #b00020 !important; font-size: 22px; border: 1px dashed #b00020; }
  button { background: yellow !important; }
  body { font-family: Georgia, serif; margin: 40px; }
</style>
</head>
<body>
<h1>ТелеКом Плюс</h1>
<p>Домашний интернет, мобильная связь и ТВ. Нужна помощь? Напишите нам в чат — кнопка в правом нижнем углу.</p>
<p><button type="button">Кнопка самого сайта</button></p>
<script src="/widget.js" data-key="${key}"></script>
</body>
</html>`;
}

/** Serves /widget.js and the demo host page /widget-demo.html (public, outside the API). */
export function installWidgetAssets(app: FastifyInstance) {
  app.get('/widget.js', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    if (!existsSync(WIDGET_FILE)) return reply.code(404).type('text/plain; charset=utf-8').send('The chat widget is not built: run `npm run build:web`.');
    return reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .header('last-modified', statSync(WIDGET_FILE).mtime.toUTCString())
      .header('access-control-allow-origin', '*')
      .send(readFileSync(WIDGET_FILE));
  });
  app.get('/widget-demo.html', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
    const q = req.query as { key?: string; lang?: string };
    const key = typeof q.key === 'string' && /^[\w-]{8,100}$/.test(q.key) ? q.key : DEMO_WIDGET_KEY;
    const lang = q.lang === 'en' ? 'en' : 'ru';
    return reply.type('text/html; charset=utf-8').send(demoPage(key, lang));
  });
}
