/** A stand-in chart worker that takes 300 ms of its thread per chart, as a heavy chart would. */
export default function render(spec: { title: string }): Buffer {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
  return Buffer.from(`drew ${spec.title}`);
}
