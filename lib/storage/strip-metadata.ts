import type { SniffedType } from "./sniff";

/*
 * Pupils' drawings reach blind judges, so what a phone or camera writes into a picture — the
 * place it was taken (GPS), the owner's name, comments — is removed on upload. Only the
 * metadata goes; the image data is copied byte for byte. PDFs are cleaned by clean-pdf.ts.
 */

/** JPEG: drop APP1 (Exif, XMP), APP13 (IPTC) and COM segments; keep everything else. */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return bytes; // not where a marker should be: leave the file alone
    const marker = bytes[i + 1]!;
    // Start of scan: the compressed image follows to the end; copy the rest as it is.
    if (marker === 0xda) {
      out.push(bytes.subarray(i));
      return concat(out);
    }
    const length = (bytes[i + 2]! << 8) | bytes[i + 3]!;
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) return bytes;
    const drop = marker === 0xe1 || marker === 0xed || marker === 0xfe;
    if (!drop) out.push(bytes.subarray(i, end));
    i = end;
  }
  return bytes;
}

/** PNG: drop the text chunks (tEXt, zTXt, iTXt) and eXIf; keep everything else. */
function stripPng(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 8)];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(...bytes.subarray(i + 4, i + 8));
    const end = i + 12 + length;
    if (end > bytes.length) return bytes;
    if (!["tEXt", "zTXt", "iTXt", "eXIf"].includes(type)) out.push(bytes.subarray(i, end));
    i = end;
    if (type === "IEND") return concat(out);
  }
  // No IEND where it should be: not a PNG this code understands, so leave it alone.
  return bytes;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function stripMetadata(bytes: Uint8Array, type: SniffedType): Uint8Array {
  if (type === "image/jpeg") return stripJpeg(bytes);
  if (type === "image/png") return stripPng(bytes);
  return bytes;
}
