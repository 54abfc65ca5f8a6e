const MB = 1024 * 1024;

/**
 * The limits are stated in the sentences users read (see reason-codes.ts), so
 * they live beside the reason codes and the catalogues; the .xlsx adapter
 * enforces them.
 *
 * How much one .xlsx may make the reader spend, checked from the central
 * directory before anything is inflated (and each inflation is capped at its
 * entry's declared size, so a lying size cannot get past them).
 *
 * Measured on 2026-11-26: the bench's plan (20,000 objectives, 180,000 rows,
 * 5.3 MB file) has 15 entries totalling 52 MB; its largest part is the phases
 * sheet, 25.4 MB at a ratio of 7.4:1, and the shared strings reach 23.7:1.
 * The test fixtures (ExcelJS, openpyxl) have 17 to 26 entries, all under 6:1.
 * Sheets as Excel writes them (every cell has its reference) compress 9:1 to
 * 25:1 even when empty but formatted; without references (other tools) they
 * reach ~300:1. Deflate cannot exceed ~1032:1, which is where zip bombs sit.
 */
export const ZIP_LIMITS = {
  /** A workbook with 1,000 sheets, each with a table and drawing, has ~4,000 parts. */
  maxEntries: 10_000,
  /**
   * 10x the bench's largest part, and half V8's longest string (~512 M
   * characters), so decoding a part to text can never fail.
   */
  maxEntryBytes: 256 * MB,
  /**
   * 10x the bench's whole package. The zip layer holds at most this much (plus its text); what
   * the cells become is the sheet reader's to bound (the bench's 52 MB peaks at ~820 MB RSS).
   */
  maxTotalBytes: 512 * MB,
  /** Above deflate's best on real sheets (~300:1), below a bomb's (~1000:1). */
  maxRatio: 500,
  /** Small parts (a run of empty rows) may compress better than any real sheet; they cannot hurt. */
  ratioFloorBytes: 1 * MB,
} as const;

/** A limit in the unit the sentences use. */
export function megabytes(bytes: number): number {
  return bytes / MB;
}
