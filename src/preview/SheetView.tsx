import { makeStyles, Tab, TabList, tokens } from "@fluentui/react-components";
import * as React from "react";
import { columnLetters } from "../engine/cell-address";
import { dayFromSerial, formatDay } from "../engine/days";
import { isDateFormat, isPercentFormat } from "../engine/parse/number-formats";
import type { DateSystem } from "../engine/snapshot";
import type { CellState, WorkbookState } from "../fake-excel/workbook-state";

const useStyles = makeStyles({
  grid: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyBase,
  },
  cell: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: "2px 6px",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  head: {
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
  },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px" },
  scroller: { overflow: "auto", maxHeight: "70vh" },
});

const MAX_ROWS = 60;

/** A cell as Excel would show it, read with the engine's own format and date rules (1904 included). */
function display(cell: CellState | undefined, dateSystem: DateSystem): string {
  if (cell === undefined || cell.value === null) return "";
  if (typeof cell.value === "object") return cell.value.error;
  if (typeof cell.value === "number" && isPercentFormat(cell.numberFormat))
    return `${Math.round(cell.value * 100)}%`;
  if (typeof cell.value === "number" && isDateFormat(cell.numberFormat)) {
    const day = dayFromSerial(cell.value, dateSystem);
    return day === null ? String(cell.value) : formatDay(day);
  }
  return String(cell.value);
}

/**
 * A read-only look at the fake workbook, so the preview shows what the add-in
 * wrote; a click on a cell selects it, as in Excel (the pane hears it).
 */
export function SheetView({
  state,
  onSelect,
}: {
  state: WorkbookState;
  onSelect: (sheet: string, address: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  const names = [...state.sheets.keys()];
  const [chosen, setChosen] = React.useState(names[0] ?? "");
  const current = state.selection?.sheet ?? chosen;
  const sheet = state.sheets.get(names.includes(current) ? current : names[0]);
  if (sheet === undefined) return <p>—</p>;
  // Redrawn after every Excel.run, on the pane's thread too (same-origin frames share it):
  // the bounds come from the cell store, not from a walk over every cell's key.
  const lastRow = Math.max(1, sheet.cells.lastRow());
  const lastCol = Math.max(0, sheet.cells.lastColumn());
  const rows = Array.from({ length: Math.min(lastRow, MAX_ROWS) }, (_, i) => i + 1);
  const cols = Array.from({ length: lastCol + 1 }, (_, i) => i);
  const selected = state.selection?.sheet === sheet.name ? state.selection.address : null;
  return (
    <section aria-label="Workbook">
      <TabList selectedValue={sheet.name} onTabSelect={(_, data) => setChosen(String(data.value))}>
        {names.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
      <div className={styles.scroller}>
        <table className={styles.grid} data-sheet={sheet.name}>
          <thead>
            <tr>
              <th className={`${styles.cell} ${styles.head}`} />
              {cols.map((col) => (
                <th key={col} className={`${styles.cell} ${styles.head}`}>
                  {columnLetters(col)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row}>
                <th className={`${styles.cell} ${styles.head}`}>{row}</th>
                {cols.map((col) => {
                  const address = `${columnLetters(col)}${row}`;
                  const cell = sheet.cells.get(`${row}:${col}`);
                  return (
                    <td
                      key={col}
                      data-cell={address}
                      title={display(cell, state.dateSystem)}
                      onClick={() => onSelect(sheet.name, address)}
                      className={`${styles.cell} ${selected === address ? styles.selected : ""}`}
                    >
                      {display(cell, state.dateSystem)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
