/**
 * A short-lived in-process memo for reads that every page makes (the library's details, the home
 * page's lists). It is only a cache: each instance refills it from the database, a change made here
 * clears it at once, and a change made by another instance shows within `ttlMs`.
 */
export function memoize<T>(load: () => Promise<T>, ttlMs: number) {
  let value: { at: number; promise: Promise<T> } | undefined;
  const get = () => {
    const now = Date.now();
    if (!value || now - value.at > ttlMs) {
      const promise = load();
      value = { at: now, promise };
      // A failed load is not kept: the next caller tries again.
      promise.catch(() => {
        if (value?.promise === promise) value = undefined;
      });
    }
    return value.promise;
  };
  get.clear = () => {
    value = undefined;
  };
  return get;
}
