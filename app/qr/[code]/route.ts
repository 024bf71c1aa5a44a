import QRCode from "qrcode";

/**
 * The QR code of a booking code, as a PNG: what staff scan at the door. It holds the code and
 * nothing else, which the email and the booking page print in plain text beside it, so it needs
 * no sign-in; and since a code's picture never changes, browsers and mail proxies keep it.
 * (An image the confirmation links to, not one drawn into every message: mail clients such as
 * Gmail do not show data: images, and drawing one costs the booking milliseconds.)
 */
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  if (!/^[A-Z0-9]{4,20}$/.test(code)) return new Response("Not found", { status: 404 });
  const png = await QRCode.toBuffer(code, { margin: 1, width: 240, errorCorrectionLevel: "M" });
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=31536000, immutable" } });
}
