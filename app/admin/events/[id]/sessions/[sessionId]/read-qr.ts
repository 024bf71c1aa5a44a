// Reads a QR code from a camera frame or a photo. The browser's own BarcodeDetector where it reads
// QR codes (Chrome on Android and macOS); elsewhere — iPhones, Chromium on Linux and Windows —
// jsQR, loaded the first time it is needed.

type Detector = { detect(source: CanvasImageSource): Promise<{ rawValue: string }[]> };
type DetectorClass = { new (o: { formats: string[] }): Detector; getSupportedFormats(): Promise<string[]> };

let native: Promise<Detector | null> | undefined;

function nativeDetector(): Promise<Detector | null> {
  native ??= (async () => {
    // Not yet in TypeScript's DOM types.
    const Class = (globalThis as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    const formats = Class ? await Class.getSupportedFormats().catch(() => []) : [];
    return Class && formats.includes("qr_code") ? new Class({ formats: ["qr_code"] }) : null;
  })();
  return native;
}

/** Photos are read at most this wide or high: enough for a QR code held up to the camera, and quick. */
const MAX_SIDE = 1024;

/** The text of the QR code in view, or null when there is none. */
export async function readQr(source: HTMLVideoElement | ImageBitmap): Promise<string | null> {
  const detector = await nativeDetector();
  if (detector) {
    const [hit] = await detector.detect(source).catch(() => []);
    return hit?.rawValue ?? null;
  }
  const [width, height] = source instanceof HTMLVideoElement ? [source.videoWidth, source.videoHeight] : [source.width, source.height];
  if (!width || !height) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(source, 0, 0, canvas.width, canvas.height);
  const { default: jsQR } = await import("jsqr");
  const image = context.getImageData(0, 0, canvas.width, canvas.height);
  return jsQR(image.data, image.width, image.height)?.data ?? null;
}
