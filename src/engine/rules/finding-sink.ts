import { cellAddress } from "../cell-address";
import { severityOf, type Finding, type FindingDetails, type RuleId } from "../findings";
import type { MappedTable } from "../map/map-workbook";
import type { RecordBase } from "../parse/records";
import type { TableKind } from "../snapshot";

/** Collects findings and works out where each one points in the workbook. */
export class FindingSink {
  readonly findings: Finding[] = [];

  workbook(tableKind: TableKind, rule: RuleId, details: FindingDetails = {}): void {
    this.push({
      rule,
      tableKind,
      table: null,
      sheet: null,
      row: null,
      rowIndex: null,
      column: null,
      cell: null,
      objective: null,
      details,
    });
  }

  /** A finding about the table as a whole, pointing at its first header cell. */
  table(mapped: MappedTable, rule: RuleId, details: FindingDetails = {}): void {
    const { table } = mapped;
    this.push({
      rule,
      tableKind: mapped.kind,
      table: table.name,
      sheet: table.sheet,
      row: table.headerRow,
      rowIndex: null,
      column: null,
      cell: cellAddress(table.firstColumn, Math.max(table.headerRow, 1)),
      objective: null,
      details,
    });
  }

  /** A finding about one cell of a data row. */
  cell(
    mapped: MappedTable,
    record: RecordBase,
    field: string,
    rule: RuleId,
    objective: string | null,
    details: FindingDetails = {}
  ): void {
    this.onRow(mapped, record, mapped.columns.get(field) ?? null, true, rule, objective, details);
  }

  /** A finding about a whole row: no column is at fault, the cell to go to is `focusField`'s. */
  row(
    mapped: MappedTable,
    record: RecordBase,
    focusField: string,
    rule: RuleId,
    objective: string | null,
    details: FindingDetails = {}
  ): void {
    this.onRow(
      mapped,
      record,
      mapped.columns.get(focusField) ?? 0,
      false,
      rule,
      objective,
      details
    );
  }

  private onRow(
    mapped: MappedTable,
    record: RecordBase,
    col: number | null,
    atFault: boolean,
    rule: RuleId,
    objective: string | null,
    details: FindingDetails
  ): void {
    const { table } = mapped;
    this.push({
      rule,
      tableKind: mapped.kind,
      table: table.name,
      sheet: table.sheet,
      row: record.row,
      rowIndex: record.index,
      column: atFault && col !== null ? table.headers[col] : null,
      cell: col === null ? null : cellAddress(table.firstColumn + col, record.row),
      objective,
      details,
    });
  }

  private push(finding: Omit<Finding, "severity">): void {
    this.findings.push({ ...finding, severity: severityOf(finding.rule) });
  }
}
