import { describe, expect, it } from "vitest";
import { GET } from "./route";

const get = (code: string) => GET(new Request(`http://localhost:3000/qr/${code}`), { params: Promise.resolve({ code }) });

describe("GET /qr/<code>", () => {
  it("draws a booking code as a PNG that may be kept", async () => {
    const res = await get("K7MQ3XPA");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toContain("immutable");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it("draws nothing that is not a code", async () => {
    for (const code of ["k7mq3xpa", "ABC", "A".repeat(21), "%3Cscript%3E", "AB-CD"]) expect((await get(code)).status).toBe(404);
  });
});
