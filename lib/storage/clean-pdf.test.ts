import { PDFDocument, PDFName, PDFString, rgb } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { cleanPdf } from "./clean-pdf";

/** A one-page drawing as a family's PDF software might save it: with the author's name in it. */
async function drawingPdf() {
  const doc = await PDFDocument.create();
  doc.setAuthor("王小明");
  doc.setTitle("Wang Xiaoming's drawing");
  doc.setKeywords(["滦南县第一实验小学"]);
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 100, y: 400, width: 300, height: 200, color: rgb(0.1, 0.6, 0.3) });
  doc.catalog.set(PDFName.of("Metadata"), doc.context.register(doc.context.stream("<x:xmpmeta><dc:creator>Wang Xiaoming</dc:creator></x:xmpmeta>")));
  const note = doc.context.obj({ Type: "Annot", Subtype: "Text", Rect: [0, 0, 10, 10], T: PDFString.of("Wang Xiaoming"), Contents: PDFString.of("my school") });
  page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(note)]));
  return doc.save({ useObjectStreams: false });
}

describe("cleanPdf", () => {
  it("keeps the pages and drops the author, title, XMP packet and annotations", async () => {
    const original = await drawingPdf();
    expect(Buffer.from(original).toString("latin1")).toContain("Wang Xiaoming");

    const cleaned = (await cleanPdf(original))!;
    const raw = Buffer.from(cleaned).toString("latin1");
    expect(raw).not.toContain("Wang Xiaoming");
    expect(raw).not.toContain("xmpmeta");
    const doc = await PDFDocument.load(cleaned);
    expect(doc.getAuthor()).toBeUndefined();
    expect(doc.getTitle()).toBeUndefined();
    expect(doc.getKeywords()).toBeUndefined();
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getPage(0).getSize()).toEqual({ width: 595, height: 842 });
    expect(doc.getPage(0).node.get(PDFName.of("Annots"))).toBeUndefined();
  });

  it("refuses what it cannot read or what has no page", async () => {
    expect(await cleanPdf(new TextEncoder().encode("%PDF-1.4\nnot really a PDF\n%%EOF\n"))).toBeNull();
    expect(await cleanPdf(await (await PDFDocument.create()).save({ addDefaultPage: false }))).toBeNull();
  });
});
