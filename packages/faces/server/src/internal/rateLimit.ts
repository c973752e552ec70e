/**
 * A fixed-window request counter per client key: `take(key, now)` counts a request and answers
 * how many milliseconds the client must wait (0: go ahead). Windows of idle clients are dropped
 * when the map grows, so memory stays bounded by the clients of one window.
 */
export const makeLimiter = (requests: number, windowMillis: number) => {
  const windows = new Map<string, { start: number; count: number }>()
  return (key: string, now: number): number => {
    let window = windows.get(key)
    if (window === undefined || now - window.start >= windowMillis) {
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (now - w.start >= windowMillis) windows.delete(k)
      }
      window = { start: now, count: 0 }
      windows.set(key, window)
    }
    window.count++
    return window.count > requests ? window.start + windowMillis - now : 0
  }
}
