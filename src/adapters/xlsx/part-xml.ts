import { WorkbookReadError, XlsxPackage } from "./xlsx-package";
import { plainMarkup, XmlError } from "./xml";

/** A part's text as the adapter scans it (see plainMarkup), or null when the package has no such part. */
export function partXml(pkg: XlsxPackage, path: string): string | null {
  const text = pkg.text(path);
  if (text === null) return null;
  try {
    return plainMarkup(text);
  } catch (error) {
    if (error instanceof XmlError)
      throw new WorkbookReadError(
        error.fault,
        error.message === "" ? path : `${path}: ${error.message}`
      );
    throw error;
  }
}

/**
 * The text of a sheet or of the shared strings, from a package opened for the
 * occasion and dropped after: XlsxPackage keeps every text it decompresses,
 * and these parts are most of a workbook's size. The shared strings are
 * needed only while reading; sheets the reader keeps itself, for the writer,
 * only those that hold tables. Opening again reads only the zip's directory.
 */
export function bulkPartXml(source: Uint8Array, path: string): string | null {
  return partXml(XlsxPackage.open(source, ""), path);
}
