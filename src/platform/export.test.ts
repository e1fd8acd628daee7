import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvFile, csvOf, neutralizeFormula } from "./export";

const STARTS = ["=", "+", "-", "@", "\t", "\r"];
const TAILS = [
  'HYPERLINK("http://evil.example","Ver curso")',
  'HYPERLINK("http://evil.example",\n"Ver curso")',
  "1+1\r\nsegunda línea",
  "cmd|' /C calc'!A0\n",
  "",
];

/** The cells a spreadsheet reads back from our CSV. */
function cellsOf(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { delimiter: ";", skipEmptyLines: true }).data;
}

describe("CSV cells that a spreadsheet would run", () => {
  it("neutralizes every dangerous start, with and without line breaks", () => {
    for (const start of STARTS) {
      for (const tail of TAILS) {
        const value = `${start}${tail}`;
        expect(neutralizeFormula(value)).toBe(`'${value}`);
        const csv = csvOf({ title: "t", columns: ["curso"], rows: [[value]] });
        expect(cellsOf(csv)[1][0]).toBe(`'${value}`);
        const file = csvFile([["curso", value]]);
        expect(cellsOf(file)[0][1]).toBe(`'${value}`);
      }
    }
  });

  it("leaves other text and numbers as they are", () => {
    expect(neutralizeFormula("4° básico A")).toBe("4° básico A");
    expect(neutralizeFormula("a=b\n=c")).toBe("a=b\n=c");
    const csv = csvOf({ title: "t", columns: ["n", "share"], rows: [[-3.5, 0.125]], percentColumns: [1] });
    expect(cellsOf(csv)[1]).toEqual(["-3,5", "12,5"]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
  });
});
