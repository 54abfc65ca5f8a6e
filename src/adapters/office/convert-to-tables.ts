import { sheetCellReference } from "../../engine/cell-address";
import { mapWorkbook } from "../../engine/map/map-workbook";
import { formatRangeRef, rangesOverlap, type RangeRef } from "../../engine/range-ref";
import { TABLE_KINDS, type Language, type TableKind } from "../../engine/snapshot";
import type { ExcelHost } from "./excel-host";
import { readPlainSheets } from "./read-plain-ranges";
import { readWorkbook } from "./read-workbook";
import { readStoredSettings } from "./stored-settings";

/** Why a plain range cannot become an Excel table. */
export type ConvertRefusal = "merged-cells" | "overlaps-table" | "protected" | "excel";

export interface ConvertedRange {
  readonly kind: TableKind;
  /** The new table's name, e.g. `Fasi`. */
  readonly table: string;
  readonly sheet: string;
  /** The cells it covers, header row and data, e.g. `A3:J5`. */
  readonly range: string;
}

export interface RefusedRange extends ConvertedRange {
  readonly reason: ConvertRefusal;
  /** The cells in the way (a merged area, the other table), or the range itself. */
  readonly cells: string;
}

/** Either every plain range became a table, or none did and `refused` says why. */
export interface ConvertOutcome {
  readonly converted: readonly ConvertedRange[];
  readonly refused: readonly RefusedRange[];
}

const TABLE_NAMES: Readonly<Record<Language, Readonly<Record<TableKind, string>>>> = {
  it: { objectives: "Obiettivi", phases: "Fasi", indicators: "Indicatori" },
  en: { objectives: "Objectives", phases: "Phases", indicators: "Indicators" },
};

/**
 * Turns each plain range the engine found (header row and data, never the
 * title rows above) into an Excel table named after its kind, keeping its
 * cells, formats and status columns. Every range is checked first (merged
 * cells inside, another table, a protected sheet), so that nothing is half
 * converted; should Excel still refuse one, the tables made are turned back
 * into ranges.
 */
export async function convertToTables(
  host: ExcelHost,
  language: Language
): Promise<ConvertOutcome> {
  const settings = readStoredSettings(host.settings).settings;
  return host.run({ delayForCellEdit: true }, async (context) => {
    const workbook = await readPlainSheets(context, await readWorkbook(context, settings));
    const mapping = mapWorkbook(workbook.snapshot);
    const ranges = TABLE_KINDS.flatMap((kind) => {
      const table = mapping[kind]?.table;
      if (table?.plain !== true) return [];
      const ref: RangeRef = {
        firstRow: table.headerRow,
        lastRow: table.headerRow + table.rows.length,
        firstColumn: table.firstColumn,
        lastColumn: table.firstColumn + table.headers.length - 1,
      };
      const converted: ConvertedRange = {
        kind,
        table: TABLE_NAMES[language][kind],
        sheet: table.sheet,
        range: formatRangeRef(ref),
      };
      return [{ ref, converted }];
    });

    const refused: RefusedRange[] = [];
    for (const { ref, converted } of ranges) {
      const sheet = workbook.plainSheets.find((s) => s.name === converted.sheet);
      const merge = sheet?.merges.find((m) => rangesOverlap(m, ref));
      const other = workbook.tables.find(
        (t) =>
          t.sheet === converted.sheet &&
          rangesOverlap(ref, {
            firstRow: t.firstDataRow - 1,
            lastRow: t.firstDataRow + t.rowCount - 1,
            firstColumn: t.firstColumn,
            lastColumn: t.firstColumn + t.columnCount - 1,
          })
      );
      if (sheet?.protected === true)
        refused.push({ ...converted, reason: "protected", cells: converted.range });
      else if (merge !== undefined)
        refused.push({ ...converted, reason: "merged-cells", cells: formatRangeRef(merge) });
      else if (other !== undefined)
        refused.push({ ...converted, reason: "overlaps-table", cells: other.name });
    }
    if (refused.length > 0 || ranges.length === 0) return { converted: [], refused };

    for (const { converted } of ranges) {
      const table = context.workbook.worksheets
        .getItem(converted.sheet)
        .tables.add(sheetCellReference(converted.sheet, converted.range), true);
      table.name = converted.table;
    }
    try {
      await context.sync();
    } catch {
      // A batch is not a transaction: the tables Excel made before it refused one go back to
      // ranges, each in a request of its own (a method of a null object fails its request).
      for (const { converted } of ranges) {
        context.workbook.tables.getItem(converted.table).convertToRange();
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync().catch(() => undefined);
      }
      return {
        converted: [],
        refused: ranges.map(({ converted }) => ({
          ...converted,
          reason: "excel" as const,
          cells: converted.range,
        })),
      };
    }
    return { converted: ranges.map(({ converted }) => converted), refused: [] };
  });
}
