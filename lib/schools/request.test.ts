import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "./request";

let sent: Record<string, string> = {};
vi.mock("next/headers", () => ({ headers: async () => new Headers(sent) }));
afterEach(() => {
  sent = {};
});

describe("clientIp", () => {
  it("takes the address the nearest proxy added, not one the client wrote before it", async () => {
    sent = { "x-forwarded-for": "203.0.113.7, 198.51.100.23" };
    expect(await clientIp()).toBe("198.51.100.23");
    sent = { "x-forwarded-for": "198.51.100.23" };
    expect(await clientIp()).toBe("198.51.100.23");
  });

  it("falls back to X-Real-IP, then to 'unknown'", async () => {
    sent = { "x-real-ip": "198.51.100.5" };
    expect(await clientIp()).toBe("198.51.100.5");
    sent = {};
    expect(await clientIp()).toBe("unknown");
  });
});
