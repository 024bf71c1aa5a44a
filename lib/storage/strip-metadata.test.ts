import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { stripMetadata } from "./strip-metadata";

const bytesOf = (...parts: (number[] | Uint8Array | string)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

function segment(marker: number, payload: string) {
  const body = Buffer.from(payload, "latin1");
  return bytesOf([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff], body);
}

function chunk(type: string, data: Buffer) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return bytesOf(len, type, data, [0, 0, 0, 0]);
}

describe("stripMetadata", () => {
  it("removes Exif, IPTC and comments from a JPEG and keeps the image data", () => {
    const jfif = segment(0xe0, "JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
    const exif = segment(0xe1, "Exif\0\0GPS 39.7N 118.6E Owner 王小明");
    const comment = segment(0xfe, "taken by 王小明");
    const quant = segment(0xdb, "\0".repeat(65));
    const scan = bytesOf([0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0], [1, 2, 3, 0xff, 0x00, 4], [0xff, 0xd9]);
    const jpeg = bytesOf([0xff, 0xd8], jfif, exif, quant, comment, scan);
    const out = Buffer.from(stripMetadata(jpeg, "image/jpeg"));
    expect(out.toString("latin1")).not.toContain("GPS");
    expect(out.includes(Buffer.from("王小明"))).toBe(false);
    expect(out).toEqual(bytesOf([0xff, 0xd8], jfif, quant, scan));
  });

  it("removes text and eXIf chunks from a PNG and keeps the rest", () => {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const ihdr = chunk("IHDR", Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    const text = chunk("tEXt", Buffer.from("Author\0王小明"));
    const exif = chunk("eXIf", Buffer.from("GPS"));
    const idat = chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0])));
    const iend = chunk("IEND", Buffer.alloc(0));
    const out = Buffer.from(stripMetadata(bytesOf(signature, ihdr, text, idat, exif, iend), "image/png"));
    expect(out).toEqual(bytesOf(signature, ihdr, idat, iend));
  });

  it("leaves a file it cannot walk, and a PDF, unchanged", () => {
    const broken = bytesOf([0xff, 0xd8, 0x12, 0x34]);
    expect(stripMetadata(broken, "image/jpeg")).toBe(broken);
    const shortPng = bytesOf([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect(stripMetadata(shortPng, "image/png")).toBe(shortPng);
    const pdf = bytesOf("%PDF-1.4\n");
    expect(stripMetadata(pdf, "application/pdf")).toBe(pdf);
  });
});
