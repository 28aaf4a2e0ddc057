import { AsyncLocalStorage } from 'node:async_hooks';

// botbuilder writes to the console when it refuses a request (CloudAdapter prints the whole error with
// its stack; the token extractor prints the key it tried): multi-line, non-JSON, and driven by whoever
// sends requests. Inside `captureLibraryConsole` those lines are counted and kept from the console; the
// request's own log line carries the count, and the last error is logged (as one JSON line) only when
// the request ended in a 5xx, where it is worth reading. Console output outside a request is untouched.

export interface CapturedConsole {
  lines: number;
  lastError?: unknown;
}

const scope = new AsyncLocalStorage<CapturedConsole>();
const WRAPPED = Symbol('relay-doctor-console-capture');

/** Wraps console.error/warn/log (again, if something replaced them since: tests do). */
function install(): void {
  for (const method of ['error', 'warn', 'log'] as const) {
    const current = console[method] as typeof console.log & { [WRAPPED]?: true };
    if (current[WRAPPED]) continue;
    const wrapper = Object.assign(
      (...args: unknown[]) => {
        const captured = scope.getStore();
        if (!captured) return current.apply(console, args);
        captured.lines += 1;
        const error = args.find((a) => a instanceof Error);
        if (error) captured.lastError = error;
      },
      { [WRAPPED]: true as const },
    );
    console[method] = wrapper;
  }
}

/** Runs `fn` with the library's console lines captured into `captured`. */
export function captureLibraryConsole<T>(captured: CapturedConsole, fn: () => Promise<T>): Promise<T> {
  install();
  return scope.run(captured, fn);
}
