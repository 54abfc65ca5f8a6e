import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneActions } from "../../adapters/office/pane-actions";
import type { ValidationOutcome } from "../../adapters/office/validate-workbook";
import { sheetCellReference } from "../../engine/cell-address";
import { suggestedFix, type SuggestedFix } from "../../engine/suggested-fix";
import { isoFromDay } from "../../engine/days";
import { applyFilter, FindingFilters, NO_FILTER, type FindingFilter } from "./FindingFilters";
import { SettingsPanel } from "./SettingsPanel";
import { TableMapping } from "./TableMapping";
import type { MappedTable } from "../../engine/map/map-workbook";
import type { TableKind } from "../../engine/snapshot";
import { Summary } from "./Summary";
import { Cronoprogramma } from "./Cronoprogramma";
import { EmptyPlan, emptyPlanStart } from "./EmptyPlan";
import type { Catalogue } from "../../i18n";
import { FindingsList } from "./FindingsList";
import { ConvertToTables } from "./ConvertToTables";
import { useValidation } from "./use-validation";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
});

function noTables(outcome: ValidationOutcome): boolean {
  const { mapping } = outcome.result;
  return mapping.objectives === null && mapping.phases === null && mapping.indicators === null;
}

/** Tables the check could not use: not found, or a required column missing. */
function unmapped(outcome: ValidationOutcome): TableKind[] {
  return (Object.entries(outcome.result.mapping) as [TableKind, MappedTable | null][])
    .filter(([, mapped]) => mapped === null || mapped.missingFields.length > 0)
    .map(([kind]) => kind);
}

export interface AppProps {
  readonly actions: PaneActions;
  readonly words: Catalogue;
  /** Today as YYYY-MM-DD, the reference date when the workbook stores none. */
  readonly today: string;
}

/** The planning pane: validate, read the verdict, go to each finding's cell. */
export function App({ actions, words, today }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const validation = useValidation(actions, words);
  const tone = validation.message?.tone;
  const [pendingFix, setPendingFix] = React.useState<SuggestedFix | null>(null);
  const [fixNote, setFixNote] = React.useState<string | null>(null);
  const dateSystem = validation.outcome?.dateSystem ?? 1900;
  const [settings, setSettings] = React.useState(() => actions.readSettings());
  const [stale, setStale] = React.useState(false);
  const latest = React.useRef(validation.outcome);
  latest.current = validation.outcome;
  React.useEffect(() => setStale(false), [validation.outcome]);
  React.useEffect(() => {
    void actions.watchChanges(
      () => latest.current,
      () => setStale(true)
    );
  }, [actions]);
  const [filter, setFilter] = React.useState<FindingFilter>(NO_FILTER);
  const [cursor, setCursor] = React.useState(-1);
  const shown = validation.outcome ? applyFilter(validation.outcome.result.findings, filter) : [];
  // The objective of the finding the user went to last: the Cronoprogramma follows it.
  const [focusObjective, setFocusObjective] = React.useState<string | null>(null);
  const step = (direction: 1 | -1) => {
    const steppable = shown.filter((f) => f.cell !== null);
    if (steppable.length === 0) return;
    const next = (cursor + direction + steppable.length) % steppable.length;
    setCursor(next);
    const finding = steppable[next];
    setFocusObjective(finding.objective);
    void actions.selectCell(finding.sheet!, finding.cell!);
  };
  React.useEffect(() => {
    void actions.watchSettings(setSettings);
  }, [actions]);
  const changeSettings = (change: typeof settings) => {
    setSettings((current) => ({ ...current, ...change }));
    void actions.saveSettings(change).then(setSettings);
  };
  // The results were computed for another reference date (changed here or by a co-author).
  const dateStale =
    validation.outcome !== null &&
    settings.asOf !== undefined &&
    settings.asOf !== isoFromDay(validation.outcome.result.settings.asOf);
  const emptyStart = validation.outcome ? emptyPlanStart(validation.outcome.result) : null;
  const confirmFix = async (fix: SuggestedFix) => {
    setPendingFix(null);
    const outcome = await actions.applyFix(fix);
    const where = sheetCellReference(fix.sheet, fix.cell);
    setFixNote(
      outcome === "written"
        ? null
        : outcome === "formula"
          ? words.addin.cellHoldsFormula(where)
          : words.addin.cellNoLongerBlank(where)
    );
    await validation.run();
  };
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {words.addin.title}
      </Text>
      <SettingsPanel settings={settings} today={today} words={words} onChange={changeSettings} />
      <Button
        appearance="primary"
        onClick={() => void validation.run()}
        disabledFocusable={validation.running}
      >
        {words.addin.validate}
      </Button>
      {validation.running ? <Spinner size="tiny" label={words.addin.validating} /> : null}
      {stale ? (
        <MessageBar intent="warning">
          <MessageBarBody>{words.addin.stale}</MessageBarBody>
        </MessageBar>
      ) : null}
      {dateStale ? (
        <MessageBar intent="warning">
          <MessageBarBody>{words.addin.staleDate}</MessageBarBody>
        </MessageBar>
      ) : null}
      {emptyStart ? (
        <EmptyPlan
          start={emptyStart}
          words={words}
          onStart={(sheet, cell) => void actions.selectCell(sheet, cell)}
        />
      ) : null}
      {validation.message && !emptyStart ? (
        <MessageBar
          intent={tone === "success" ? "success" : tone === "warning" ? "warning" : "error"}
        >
          <MessageBarBody>{validation.message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {validation.outcome && noTables(validation.outcome) ? (
        <Button
          appearance="primary"
          onClick={async () => {
            await actions.createTables();
            await validation.run();
          }}
        >
          {words.addin.createTables}
        </Button>
      ) : null}
      {validation.outcome ? (
        <ConvertToTables
          result={validation.outcome.result}
          words={words}
          convert={() => actions.convertToTables()}
          onConverted={() => void validation.run()}
        />
      ) : null}
      {validation.outcome &&
      !noTables(validation.outcome) &&
      unmapped(validation.outcome).length > 0 ? (
        <TableMapping
          kinds={unmapped(validation.outcome)}
          tables={validation.outcome.tables}
          settings={settings}
          recognised={validation.outcome.result.mapping}
          words={words}
          onSave={async (change) => {
            setSettings(await actions.saveSettings(change));
            await validation.run();
          }}
        />
      ) : null}
      {validation.outcome && !emptyStart ? (
        <section aria-label={words.addin.findingsHeading}>
          <Text as="h2" size={400} weight="semibold">
            {words.addin.findingsHeading}
          </Text>
          <Summary
            counts={validation.outcome.result.summary}
            findings={validation.outcome.result.findings}
            words={words}
          />
          <FindingFilters
            findings={validation.outcome.result.findings}
            filter={filter}
            onFilter={setFilter}
            onStep={step}
            words={words}
          />
          <FindingsList
            findings={shown}
            words={words}
            onSelect={(finding) => {
              setFocusObjective(finding.objective);
              if (finding.sheet && finding.cell)
                void actions.selectCell(finding.sheet, finding.cell);
            }}
            fixFor={(finding) => suggestedFix(finding, dateSystem)}
            onFix={setPendingFix}
          />
        </section>
      ) : null}
      {validation.outcome && !emptyStart ? (
        <Cronoprogramma
          result={validation.outcome.result}
          objective={focusObjective}
          words={words}
          onSelectPhase={(sheet, cell) => void actions.selectCell(sheet, cell)}
        />
      ) : null}
      {fixNote ? (
        <MessageBar intent="warning">
          <MessageBarBody>{fixNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Dialog
        open={pendingFix !== null}
        onOpenChange={(_, data) => !data.open && setPendingFix(null)}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{words.addin.confirmFixTitle}</DialogTitle>
            <DialogContent>
              {pendingFix
                ? words.addin.confirmFix(
                    pendingFix.display,
                    sheetCellReference(pendingFix.sheet, pendingFix.cell)
                  )
                : null}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => pendingFix && void confirmFix(pendingFix)}
              >
                {words.addin.write}
              </Button>
              <Button onClick={() => setPendingFix(null)}>{words.addin.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
