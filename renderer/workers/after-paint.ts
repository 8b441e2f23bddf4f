/**
 * Calls `then` once the next frame has been painted: a message posted from inside the frame's
 * animation callback is delivered after that frame's rendering. (A timer would be clamped and late.)
 */
export function afterNextPaint(then: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      then();
    };
    channel.port2.postMessage(null);
  });
}
