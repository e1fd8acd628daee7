// Reading a generated PDF the way a reader's viewer does (pdf.js through unpdf): the text of each
// page and the document's metadata, for tests that assert on what a person would see.
import { extractText, getDocumentProxy, getMeta } from "unpdf";

/** The text of every page, in order; each page's text items joined by spaces. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  // pdf.js takes ownership of the buffer it reads: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

/** Title, author and the other fields of the document information dictionary. */
export async function pdfInfo(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { info } = await getMeta(new Uint8Array(bytes));
  return info;
}
