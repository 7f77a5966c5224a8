/**
 * The desktop programs some tests drive: headless Chromium (HTML → PDF/PNG) and LibreOffice
 * (DOCX/XLSX → PDF). Found on `PATH`; a test that needs one is skipped, with the reason in its
 * name, where it is absent. `.ci/run` installs both from Debian.
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The first of `names` found as an executable on `PATH`, or `undefined`. */
export function findProgram(...names: string[]): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of names) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Debian's `chromium`, if installed. */
export const CHROMIUM = findProgram("chromium", "chromium-browser");

/** LibreOffice's `soffice`, if installed. */
export const SOFFICE = findProgram("soffice", "libreoffice");

/** The flags Chromium needs to run headless as root on a CI machine. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** A test title that says whether the program is there: `"… (skipped: soffice not installed)"`. */
export function needs(title: string, program: string | undefined, name: string): string {
  return program ? title : `${title} (skipped: ${name} not installed)`;
}

/** The number of pages of a PDF, counted from its page objects. */
export function pdfPages(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString("latin1")
      .match(/\/Type\s*\/Page[^s]/g) ?? []
  ).length;
}

/** What LibreOffice made of a document. */
export interface PdfConversion {
  pdf: Buffer;
  /** Pages in the PDF (counted from its page objects). */
  pages: number;
}

/**
 * Converts a DOCX or XLSX file to PDF with LibreOffice in a private profile (so parallel runs
 * never share one), and fails unless `soffice` exits cleanly, reports no error and writes a PDF
 * of at least one page.
 */
export async function convertToPdf(bytes: Uint8Array, extension: string): Promise<PdfConversion> {
  if (!SOFFICE) throw new Error("soffice is not installed");
  const dir = mkdtempSync(join(tmpdir(), "liushou-soffice-"));
  try {
    const input = join(dir, `report.${extension}`);
    writeFileSync(input, bytes);
    const profile = pathToFileURL(join(dir, "profile")).href;
    const stderr = await new Promise<string>((resolve, reject) =>
      execFile(
        SOFFICE!,
        [
          `-env:UserInstallation=${profile}`,
          "--headless",
          "--convert-to",
          "pdf",
          "--outdir",
          dir,
          input,
        ],
        { timeout: 180_000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stderr),
      ),
    );
    if (/error/i.test(stderr)) throw new Error(`soffice reported an error:\n${stderr}`);
    const pdf = readFileSync(join(dir, `${basename(input, extname(input))}.pdf`));
    const pages = pdfPages(pdf);
    if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-" || pages === 0) {
      throw new Error(`soffice wrote no PDF pages for ${extension}`);
    }
    return { pdf, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
