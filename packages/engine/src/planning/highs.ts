// The HiGHS solver (MIT; Huangfu & Hall 2018, "Parallelizing the dual revised simplex method",
// and the HiGHS MIP solver), compiled to WebAssembly by the npm package `highs`. Loaded once, lazily.
// A dynamic import: the web app bundles the engine (Erlang what-if tables in the browser), and
// a static import would pull the 3.5 MB solver into every page.
type HighsLoader = typeof import('highs').default;

export type Highs = Awaited<ReturnType<HighsLoader>>;
export type HighsSolution = ReturnType<Highs['solve']>;

let loading: Promise<Highs> | undefined;

/** The shared solver instance (each `solve` call still builds a fresh native model). */
export function loadHighs(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}
