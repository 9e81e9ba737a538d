/**
 * Lets the event loop run pending I/O (HTTP requests, ffmpeg pipes, timers) before the next slice of long work.
 * PGlite runs in the event-loop thread, so every long loop over the database (recomputations, imports) awaits this
 * between slices (issue 11, F4/F7).
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
