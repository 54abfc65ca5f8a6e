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
 * The text of a sheet or of the shared strings, which the reader needs once:
 * the package does not keep it (the caller does, as long as it needs it).
 */
export function bulkPartXml(pkg: XlsxPackage, path: string): string | null {
  const xml = partXml(pkg, path);
  pkg.releaseText(path);
  return xml;
}
