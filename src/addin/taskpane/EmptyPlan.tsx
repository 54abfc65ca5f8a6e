import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import * as React from "react";
import { cellAddress } from "../../engine/cell-address";
import type { EngineResult } from "../../engine/result";
import { TABLE_KINDS } from "../../engine/snapshot";
import type { Catalogue } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/**
 * The three tables are there, every column is found, and no table has a row
 * yet: a plan about to be written (as right after Create planning tables),
 * not one with problems. Null otherwise; else the cell where the first
 * objective's code goes.
 */
export function emptyPlanStart(result: EngineResult): { sheet: string; cell: string } | null {
  const { mapping, summary } = result;
  const ready = TABLE_KINDS.every(
    (kind) => mapping[kind] !== null && mapping[kind].missingFields.length === 0
  );
  if (!ready || summary.objectives + summary.phases + summary.indicators > 0) return null;
  const objectives = mapping.objectives!;
  return {
    sheet: objectives.table.sheet,
    cell: cellAddress(
      objectives.table.firstColumn + (objectives.columns.get("code") ?? 0),
      objectives.table.headerRow + 1
    ),
  };
}

/** Instead of one "table has no rows" warning per new table: the tables are ready, here is where to start. */
export function EmptyPlan({
  start,
  words,
  onStart,
}: {
  start: { sheet: string; cell: string };
  words: Catalogue;
  onStart: (sheet: string, cell: string) => void;
}): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <MessageBar intent="info">
        <MessageBarBody>{words.addin.emptyPlan}</MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={() => onStart(start.sheet, start.cell)}>
        {words.addin.addFirstObjective}
      </Button>
    </div>
  );
}
