import { describe, expect, it, vi } from "vitest";
import { memoize } from "./cache";

describe("memoize", () => {
  it("loads once within the time to live, again after it or after clear()", async () => {
    vi.useFakeTimers();
    let n = 0;
    const get = memoize(async () => ++n, 1000);
    expect(await Promise.all([get(), get(), get()])).toEqual([1, 1, 1]);
    vi.advanceTimersByTime(500);
    expect(await get()).toBe(1);
    vi.advanceTimersByTime(600);
    expect(await get()).toBe(2);
    get.clear();
    expect(await get()).toBe(3);
    vi.useRealTimers();
  });

  it("does not keep a failed load", async () => {
    let fail = true;
    const get = memoize(async () => {
      if (fail) throw new Error("down");
      return "up";
    }, 60_000);
    await expect(get()).rejects.toThrow("down");
    fail = false;
    expect(await get()).toBe("up");
  });
});
