// fontkit (pdfkit's font engine, a dependency of its own in package.json) ships no types: the little
// src/platform/pdf.ts uses of it.
declare module "fontkit" {
  export interface Font {
    postscriptName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
