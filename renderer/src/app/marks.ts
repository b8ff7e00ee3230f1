/**
 * Named moments of start-up (`scsa:<name>` performance marks). They cost nothing noticeable and let
 * the renderer benchmark (bench/renderer.bench.ts) show where the time to an interactive form goes.
 */
export function mark(name: string): void {
  try {
    performance.mark(`scsa:${name}`);
  } catch {
    // Marks only serve measurement; a host without the Performance API simply has none.
  }
}
