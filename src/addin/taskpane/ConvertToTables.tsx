import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import * as React from "react";
import type { ConvertOutcome } from "../../adapters/office/convert-to-tables";
import { sheetCellReference } from "../../engine/cell-address";
import type { Catalogue } from "../../i18n";

export interface ConvertToTablesProps {
  /** The plain ranges as they are after the check's write (status columns included), as the conversion takes them. */
  readonly ranges: readonly { readonly sheet: string; readonly range: string }[];
  readonly words: Catalogue;
  readonly convert: () => Promise<ConvertOutcome>;
  /** After the tables were made: the pane checks again, now through them. */
  readonly onConverted: () => void;
}

/**
 * Converti in tabelle, for a workbook checked through plain ranges: asks
 * first, then says which tables were made or, when none was, why.
 */
export function ConvertToTables({
  ranges,
  words,
  convert,
  onConverted,
}: ConvertToTablesProps): React.JSX.Element | null {
  const [open, setOpen] = React.useState(false);
  const [note, setNote] = React.useState<{ ok: boolean; text: string } | null>(null);
  const plain = ranges.map((r) => sheetCellReference(r.sheet, r.range));
  if (plain.length === 0 && note === null) return null;

  const confirm = async () => {
    setOpen(false);
    const outcome = await convert();
    if (outcome.refused.length > 0) {
      setNote({
        ok: false,
        text: outcome.refused
          .map((r) =>
            words.addin.convertRefused[r.reason](sheetCellReference(r.sheet, r.range), r.cells)
          )
          .join(" "),
      });
      return;
    }
    setNote({
      ok: true,
      text: words.addin.converted(outcome.converted.map((c) => c.table).join(", ")),
    });
    onConverted();
  };

  return (
    <>
      {plain.length > 0 ? (
        <Button onClick={() => setOpen(true)}>{words.addin.convertToTables}</Button>
      ) : null}
      {note ? (
        <MessageBar intent={note.ok ? "success" : "warning"}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{words.addin.convertTitle}</DialogTitle>
            <DialogContent>{words.addin.convertConfirm(plain.join(", "))}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void confirm()}>
                {words.addin.convert}
              </Button>
              <Button onClick={() => setOpen(false)}>{words.addin.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
