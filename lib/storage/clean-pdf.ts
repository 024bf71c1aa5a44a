import { PDFDocument, PDFName } from "pdf-lib";

/** What a page may carry that names people or the software they used, besides what it shows. */
const pageExtras = ["Annots", "Metadata", "PieceInfo"].map((name) => PDFName.of(name));

/**
 * A drawing sent as a PDF reaches blind judges, and a PDF carries more than its pages: the
 * author's and title's fields, an XMP packet, comments with their authors, earlier revisions of
 * itself. So it is rebuilt from its pages alone, as they print; annotations, page metadata and
 * everything else are left behind. Null when it cannot be read (broken, password-protected, or
 * with no page to show).
 */
export async function cleanPdf(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const source = await PDFDocument.load(bytes, { updateMetadata: false });
    if (source.getPageCount() === 0) return null;
    const clean = await PDFDocument.create({ updateMetadata: false });
    for (const page of await clean.copyPages(source, source.getPageIndices())) {
      for (const name of pageExtras) page.node.delete(name);
      clean.addPage(page);
    }
    return await clean.save();
  } catch {
    return null;
  }
}
