import ExcelJS from "exceljs";

/** A workbook as exceljs reads it back: its formulas, and its text cells with their formats. */
export interface ReadBack {
  readonly formulas: string[];
  readonly texts: { value: string; numFmt: string | undefined }[];
}

/** Reads an XLSX file with exceljs and lists every formula and text cell of every sheet. */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const formulas: string[] = [];
  const texts: ReadBack["texts"] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // The other cells of a merged range repeat its first cell's value.
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = cell.value;
        if (typeof v === "string") texts.push({ value: v, numFmt: cell.numFmt });
        else if (v && typeof v === "object" && "formula" in v) formulas.push(String(v.formula));
        else if (v && typeof v === "object" && "sharedFormula" in v)
          formulas.push(`shared:${String(v.sharedFormula)}`);
        else if (v && typeof v === "object" && "richText" in v)
          texts.push({ value: v.richText.map((r) => r.text).join(""), numFmt: cell.numFmt });
      }),
    );
  }
  return { formulas, texts };
}
