import { rowKeyOf } from "../accepted-warnings";
import { cellAddress } from "../cell-address";
import { severityOf, type Finding, type FindingDetails, type RuleId } from "../findings";
import type { MappedTable } from "../map/map-workbook";
import type { RecordBase } from "../parse/records";
import type { TableKind } from "../snapshot";

/** A rule's details as the last argument: required where the rule has fields, optional where it has none. */
type DetailsArg<R extends RuleId> =
  Record<string, never> extends FindingDetails<R>
    ? [details?: FindingDetails<R>]
    : [details: FindingDetails<R>];

/** Collects findings and works out where each one points in the workbook. */
export class FindingSink {
  readonly findings: Finding[] = [];

  workbook<R extends RuleId>(tableKind: TableKind, rule: R, ...[details]: DetailsArg<R>): void {
    this.push(rule, details, {
      tableKind,
      table: null,
      sheet: null,
      row: null,
      rowIndex: null,
      column: null,
      cell: null,
      objective: null,
      rowKey: null,
    });
  }

  /** A finding about the table as a whole, pointing at its first header cell. */
  table<R extends RuleId>(mapped: MappedTable, rule: R, ...[details]: DetailsArg<R>): void {
    const { table } = mapped;
    this.push(rule, details, {
      tableKind: mapped.kind,
      table: table.name,
      sheet: table.sheet,
      row: table.headerRow,
      rowIndex: null,
      column: null,
      cell: cellAddress(table.firstColumn, Math.max(table.headerRow, 1)),
      objective: null,
      rowKey: null,
    });
  }

  /** A finding about one cell of a data row. */
  cell<R extends RuleId>(
    mapped: MappedTable,
    record: RecordBase,
    field: string,
    rule: R,
    objective: string | null,
    ...[details]: DetailsArg<R>
  ): void {
    const col = mapped.columns.get(field) ?? null;
    this.push(rule, details, this.onRow(mapped, record, col, true, objective));
  }

  /** A finding about a whole row: no column is at fault, the cell to go to is `focusField`'s. */
  row<R extends RuleId>(
    mapped: MappedTable,
    record: RecordBase,
    focusField: string,
    rule: R,
    objective: string | null,
    ...[details]: DetailsArg<R>
  ): void {
    const col = mapped.columns.get(focusField) ?? 0;
    this.push(rule, details, this.onRow(mapped, record, col, false, objective));
  }

  private onRow(
    mapped: MappedTable,
    record: RecordBase,
    col: number | null,
    atFault: boolean,
    objective: string | null
  ): Location {
    const { table } = mapped;
    return {
      tableKind: mapped.kind,
      table: table.name,
      sheet: table.sheet,
      row: record.row,
      rowIndex: record.index,
      column: atFault && col !== null ? table.headers[col] : null,
      cell: col === null ? null : cellAddress(table.firstColumn + col, record.row),
      objective,
      rowKey: rowKeyOf(record),
    };
  }

  private push<R extends RuleId>(
    rule: R,
    details: FindingDetails<R> | undefined,
    location: Location
  ): void {
    // The public methods tie `details` to `rule`; TypeScript cannot follow that into the union for a generic R.
    this.findings.push({
      rule,
      ...location,
      details: details ?? {},
      severity: severityOf(rule),
      // Whether the workbook accepts it is decided once all findings are in (markAccepted).
      accepted: false,
    } as Finding);
  }
}

type Location = Omit<Finding, "rule" | "severity" | "details" | "accepted">;
