import { FIELD_SPECS, type FieldSpec } from "./fields";
import { normalizeHeader } from "./normalize";
import { findPlainRange, plainRangeAt, plainRangeKey, plainRangeTarget } from "./plain-ranges";
import { STATUS_COLUMNS, type StatusColumnKey } from "../status-columns";
import {
  TABLE_KINDS,
  type TableKind,
  type TableMapping,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../snapshot";

export interface MappedTable {
  readonly kind: TableKind;
  readonly table: TableSnapshot;
  /** Field key → column index in `table.headers`. */
  readonly columns: ReadonlyMap<string, number>;
  /** Status column key → column index, for status columns already in the table. */
  readonly statusColumns: ReadonlyMap<StatusColumnKey, number>;
  /** Required fields with no column: the table cannot be checked. */
  readonly missingFields: readonly FieldSpec[];
  /** Its header row is turned off: reported (table.headers.off), neither checked nor written. */
  readonly headersOff: boolean;
  /** `plain-range`: no Excel table, cells under a header row on a sheet (domain.md §2). */
  readonly recognisedBy: "mapping" | "name" | "headers" | "plain-range";
}

export type WorkbookMapping = Readonly<Record<TableKind, MappedTable | null>>;

const TABLE_NAMES: Record<TableKind, readonly string[]> = {
  objectives: ["obiettivi", "objectives"],
  phases: ["fasi", "phases"],
  indicators: ["indicatori", "indicators"],
};

/**
 * Finds the three tables: an explicit mapping stored in the workbook wins, then
 * the table's name (`Obiettivi`, `tblObjectives`, `Fasi2019`…), then its headers.
 */
export function mapWorkbook(snapshot: WorkbookSnapshot): WorkbookMapping {
  const claimed = new Set<TableSnapshot>();
  const found = new Map<TableKind, { table: TableSnapshot; by: MappedTable["recognisedBy"] }>();

  for (const kind of TABLE_KINDS) {
    const wanted = snapshot.settings.mapping?.[kind]?.table;
    const table =
      wanted === undefined ? undefined : snapshot.tables.find((t) => sameName(t.name, wanted));
    if (table && !claimed.has(table)) {
      claimed.add(table);
      found.set(kind, { table, by: "mapping" });
    }
  }
  for (const kind of TABLE_KINDS) {
    if (found.has(kind)) continue;
    const table = snapshot.tables.find(
      (t) => !claimed.has(t) && TABLE_NAMES[kind].includes(baseTableName(t.name))
    );
    if (table) {
      claimed.add(table);
      found.set(kind, { table, by: "name" });
    }
  }
  // Phases first: a phases table also has the objective and description columns an indicators table has.
  for (const kind of ["phases", "indicators", "objectives"] as const) {
    if (found.has(kind)) continue;
    const table = snapshot.tables.find((t) => !claimed.has(t) && hasSignature(kind, t));
    if (table) {
      claimed.add(table);
      found.set(kind, { table, by: "headers" });
    }
  }

  findPlainRanges(snapshot, found);

  const result = {} as Record<TableKind, MappedTable | null>;
  for (const kind of TABLE_KINDS) {
    const hit = found.get(kind);
    result[kind] = hit
      ? mapColumns(kind, hit.table, snapshot.settings.mapping?.[kind], hit.by)
      : null;
  }
  return result;
}

/**
 * True when one of the three tables is not among the Excel tables: the host
 * must then report its sheets (`WorkbookSnapshot.sheets`) for plain ranges.
 */
export function needsPlainRanges(snapshot: WorkbookSnapshot): boolean {
  const mapping = mapWorkbook({ ...snapshot, sheets: undefined });
  return TABLE_KINDS.some((kind) => mapping[kind] === null);
}

/**
 * Plain ranges stand in for the tables still missing: a stored mapping naming
 * a sheet and header row first, then the first header row holding the table's
 * required headers. Phases first, as for tables.
 */
function findPlainRanges(
  snapshot: WorkbookSnapshot,
  found: Map<TableKind, { table: TableSnapshot; by: MappedTable["recognisedBy"] }>
): void {
  const sheets = snapshot.sheets ?? [];
  if (sheets.length === 0) return;
  const claimed = new Set<string>();
  for (const kind of TABLE_KINDS) {
    if (found.has(kind)) continue;
    const wanted = snapshot.settings.mapping?.[kind]?.table;
    const target = wanted === undefined ? null : plainRangeTarget(wanted);
    const sheet = target && sheets.find((s) => sameName(s.name, target.sheet));
    const table = sheet ? plainRangeAt(sheet, target!.headerRow) : null;
    if (table === null || claimed.has(plainRangeKey(table.sheet, table.headerRow))) continue;
    claimed.add(plainRangeKey(table.sheet, table.headerRow));
    found.set(kind, { table, by: "mapping" });
  }
  for (const kind of ["phases", "indicators", "objectives"] as const) {
    if (found.has(kind)) continue;
    const stored = snapshot.settings.mapping?.[kind]?.columns;
    const table = findPlainRange(sheets, claimed, (headers) => {
      const columns = matchColumns(kind, headers, stored);
      return FIELD_SPECS[kind].every((spec) => !spec.required || columns.has(spec.key));
    });
    if (table === null) continue;
    claimed.add(plainRangeKey(table.sheet, table.headerRow));
    found.set(kind, { table, by: "plain-range" });
  }
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** `tblFasi2019` → `fasi`: an optional `tbl` prefix and a year suffix are allowed. */
function baseTableName(name: string): string {
  return normalizeHeader(name)
    .replace(/^tbl/, "")
    .replace(/(19|20)\d{2}$/, "");
}

function hasSignature(kind: TableKind, table: TableSnapshot): boolean {
  const columns = matchColumns(kind, table.headers, undefined);
  const needs: Record<TableKind, readonly string[]> = {
    phases: ["weight", "start", "end"],
    indicators: ["objective", "target"],
    objectives: ["code", "title"],
  };
  return needs[kind].every((key) => columns.has(key));
}

function mapColumns(
  kind: TableKind,
  table: TableSnapshot,
  mapping: TableMapping | undefined,
  recognisedBy: MappedTable["recognisedBy"]
): MappedTable {
  const statusColumns = findStatusColumns(kind, table.headers);
  const columns = matchColumns(
    kind,
    table.headers,
    mapping?.columns,
    new Set(statusColumns.values())
  );
  const missingFields = FIELD_SPECS[kind].filter((spec) => spec.required && !columns.has(spec.key));
  const headersOff = table.showHeaders === false;
  return { kind, table, columns, statusColumns, missingFields, headersOff, recognisedBy };
}

function findStatusColumns(
  kind: TableKind,
  headers: readonly string[]
): Map<StatusColumnKey, number> {
  const found = new Map<StatusColumnKey, number>();
  const normalized = headers.map(normalizeHeader);
  for (const spec of STATUS_COLUMNS[kind]) {
    // Either language: a co-author may have switched the status language since the last run.
    const index = normalized.findIndex(
      (h) => h === normalizeHeader(spec.headers.it) || h === normalizeHeader(spec.headers.en)
    );
    if (index >= 0) found.set(spec.key, index);
  }
  return found;
}

function matchColumns(
  kind: TableKind,
  headers: readonly string[],
  stored: Readonly<Record<string, string>> | undefined,
  reserved: ReadonlySet<number> = new Set()
): Map<string, number> {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>(reserved);
  const columns = new Map<string, number>();
  const specs: readonly FieldSpec[] = FIELD_SPECS[kind];

  for (const spec of specs) {
    const header = stored?.[spec.key];
    if (header === undefined) continue;
    const index = normalized.indexOf(normalizeHeader(header));
    if (index >= 0 && !taken.has(index)) {
      columns.set(spec.key, index);
      taken.add(index);
    }
  }
  for (const spec of specs) {
    if (columns.has(spec.key)) continue;
    for (const alias of spec.headers) {
      const index = normalized.findIndex((h, i) => h === normalizeHeader(alias) && !taken.has(i));
      if (index >= 0) {
        columns.set(spec.key, index);
        taken.add(index);
        break;
      }
    }
  }
  return columns;
}
