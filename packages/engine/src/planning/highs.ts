// The HiGHS solver (MIT; Huangfu & Hall 2018, "Parallelizing the dual revised simplex method",
// and the HiGHS MIP solver), compiled to WebAssembly by the npm package `highs`. Loaded once, lazily.
import highsLoader from 'highs';

export type Highs = Awaited<ReturnType<typeof highsLoader>>;
export type HighsSolution = ReturnType<Highs['solve']>;

let loading: Promise<Highs> | undefined;

/** The shared solver instance (each `solve` call still builds a fresh native model). */
export function loadHighs(): Promise<Highs> {
  loading ??= highsLoader();
  return loading;
}
