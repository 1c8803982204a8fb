/**
 * The worker-thread entry of the chart renderer (chart-renderer.ts): draws one chart spec to a
 * PNG with the same renderer the bot used on its main thread, so the pixels are the same.
 */
import type { ChartSpec } from './chart-spec';
import { renderPng } from './render-png';

/** One render; the PNG comes back as bytes (a Buffer arrives as a Uint8Array). */
export default function render(spec: ChartSpec): Promise<Buffer> {
  return renderPng(spec);
}
