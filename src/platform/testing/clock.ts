import { vi } from "vitest";

/**
 * Rate limits count in fixed windows of the clock; a test that makes many attempts could straddle the
 * edge of a window (and start counting again) on a slow machine. Such a test runs with the clock stopped.
 */
export async function withClockStopped(run: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
  try {
    await run();
  } finally {
    vi.useRealTimers();
  }
}
