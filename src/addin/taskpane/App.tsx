import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  SearchBox,
  Spinner,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { PaneActions } from "../../adapters/office/pane-actions";
import type { ValidationOutcome } from "../../adapters/office/validate-workbook";
import { sheetCellReference } from "../../engine/cell-address";
import { acceptanceFor, MAX_ACCEPTED_WARNINGS } from "../../engine/accepted-warnings";
import type { RuleId } from "../../engine/findings";
import { suggestedFix, type SuggestedFix } from "../../engine/suggested-fix";
import { isoFromDay } from "../../engine/days";
import { SettingsPanel } from "./SettingsPanel";
import { TableMapping } from "./TableMapping";
import type { MappedTable } from "../../engine/map/map-workbook";
import type { TableKind } from "../../engine/snapshot";
import { Cronoprogramma } from "./Cronoprogramma";
import { EmptyPlan, emptyPlanStart } from "./EmptyPlan";
import { ConvertToTables } from "./ConvertToTables";
import type { Catalogue } from "../../i18n";
import { FindingsList, type FindingsListHandle } from "./FindingsList";
import {
  buildView,
  findingAtCell,
  nextSurviving,
  positionOf,
  step,
  type FindingEntry,
  type Grouping,
} from "./findings-view";
import { useValidation } from "./use-validation";
import { useFindingsIndex, useNextTask } from "./staged-render";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    maxWidth: "100%",
    boxSizing: "border-box",
  },
  bar: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
  chips: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: 0 },
  // Fluent's Dropdown asks for 250 px by default: too wide beside a label at 320 px.
  narrow: { minWidth: "9em", width: "9em" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  position: { minWidth: "6em", textAlign: "center" },
  card: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
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

/** The planning pane: check, read the verdict, walk the findings one cell at a time. */
export function App({ actions, words, today }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const texts = words.addin.navigation;
  const validation = useValidation(actions, words);
  const outcome = validation.outcome;
  const tone = validation.message?.tone;
  const [pendingFix, setPendingFix] = React.useState<{
    fix: SuggestedFix;
    entry: FindingEntry;
  } | null>(null);
  const [fixNote, setFixNote] = React.useState<string | null>(null);
  const dateSystem = outcome?.dateSystem ?? 1900;
  const [settings, setSettings] = React.useState(() => actions.readSettings());
  const [stale, setStale] = React.useState(false);
  const latest = React.useRef(outcome);
  latest.current = outcome;
  React.useEffect(() => setStale(false), [outcome]);
  React.useEffect(() => {
    void actions.watchChanges(
      () => latest.current,
      () => setStale(true)
    );
  }, [actions]);
  React.useEffect(() => {
    void actions.watchSettings(setSettings);
  }, [actions]);

  const [search, setSearch] = React.useState("");
  // Typing stays responsive on 700 findings: the list follows a keystroke behind when it must.
  const deferredSearch = React.useDeferredValue(search);
  const [grouping, setGrouping] = React.useState<Grouping>("objective");
  const [rules, setRules] = React.useState<ReadonlySet<RuleId>>(new Set());
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(new Set());
  const [currentKey, setCurrentKey] = React.useState<string | null>(null);
  const list = React.useRef<FindingsListHandle>(null);
  // The results come in stages, each a task of its own under 50 ms: the verdict, the
  // findings (indexed a slice at a time), then the Cronoprogramma.
  const index = useFindingsIndex(outcome, words.language);
  const view = React.useMemo(
    () =>
      index &&
      buildView(index, { search: deferredSearch, grouping, severity: "all", rules, collapsed }),
    [index, deferredSearch, grouping, rules, collapsed]
  );
  // The list mounts a task after the controls above it: its first layout is a task's worth of work.
  const listReady = useNextTask(view !== null, false);
  const timelineOutcome = useNextTask(listReady ? outcome : null);
  const order = view?.order ?? [];
  const current = order.find((e) => e.key === currentKey) ?? null;
  const position = positionOf(order, currentKey);

  // After a fix the list is re-checked: the cursor goes on to the next finding still there.
  const afterFix = React.useRef<{ order: readonly FindingEntry[]; fixed: string } | null>(null);
  const keepCurrent = React.useRef<string | null>(null);
  const previousIndex = React.useRef(index);
  React.useEffect(() => {
    if (previousIndex.current === index) return;
    previousIndex.current = index;
    const fixed = afterFix.current;
    afterFix.current = null;
    // Accepting or restoring keeps the cursor on that finding, now shown accepted or open again.
    const kept = keepCurrent.current;
    keepCurrent.current = null;
    if (kept !== null && view?.order.some((e) => e.key === kept)) {
      setCurrentKey(kept);
      return;
    }
    setCurrentKey(
      fixed && view ? (nextSurviving(fixed.order, fixed.fixed, view.order)?.key ?? null) : null
    );
  }, [index, view]);

  const reveal = (entry: FindingEntry) => {
    setCurrentKey(entry.key);
    const group = view?.groups.find((g) => g.entries.includes(entry));
    if (group?.collapsed)
      setCollapsed((folded) => new Set([...folded].filter((key) => key !== group.key)));
  };
  const choose = (entry: FindingEntry) => {
    reveal(entry);
    const { sheet, cell } = entry.finding;
    if (sheet !== null && cell !== null) void actions.selectCell(sheet, cell);
  };
  // Stable callbacks, so that the memoised list does not draw again when only the Gantt changes.
  const latestChoose = React.useRef(choose);
  latestChoose.current = choose;
  const onChoose = React.useCallback((entry: FindingEntry) => latestChoose.current(entry), []);
  const onToggle = React.useCallback(
    (key: string) =>
      setCollapsed((folded) => {
        const next = new Set(folded);
        if (!next.delete(key)) next.add(key);
        return next;
      }),
    []
  );
  const go = (direction: 1 | -1) => {
    const next = step(order, currentKey, direction);
    if (next) choose(next);
  };

  // A cell selected in Excel (by the user, or by choose above) moves the cursor to its finding.
  const onSelectCell = React.useRef<(sheet: string, address: string) => void>(() => undefined);
  onSelectCell.current = (sheet, address) => {
    const found = findingAtCell(order, currentKey, sheet, address);
    if (found && found.key !== currentKey) reveal(found);
  };
  React.useEffect(() => {
    void actions.watchSelection((sheet, address) => onSelectCell.current(sheet, address));
  }, [actions]);

  const changeSettings = (change: typeof settings) => {
    setSettings((current) => ({ ...current, ...change }));
    void actions.saveSettings(change).then(setSettings);
  };
  // Focus goes back to the list, not to the page's body, once the dialog has closed.
  const focusList = () => setTimeout(() => list.current?.focus(), 0);
  const closeFix = () => {
    setPendingFix(null);
    focusList();
  };
  const confirmFix = async ({ fix, entry }: { fix: SuggestedFix; entry: FindingEntry }) => {
    setPendingFix(null);
    const result = await actions.applyFix(fix);
    const where = sheetCellReference(fix.sheet, fix.cell);
    setFixNote(
      result === "written"
        ? null
        : result === "formula"
          ? words.addin.cellHoldsFormula(where)
          : words.addin.cellNoLongerBlank(where)
    );
    afterFix.current = { order, fixed: entry.key };
    await validation.run();
    focusList();
  };
  // The results were computed for another reference date (changed here or by a co-author).
  const dateStale =
    outcome !== null &&
    settings.asOf !== undefined &&
    settings.asOf !== isoFromDay(outcome.result.settings.asOf);
  const emptyStart = outcome ? emptyPlanStart(outcome.result) : null;
  const { measureRender } = validation;
  // The render's share of a check, from the outcome's arrival: to the findings drawn, and to the Gantt.
  React.useEffect(() => {
    if (index !== null) measureRender("render");
  }, [index, measureRender]);
  React.useEffect(() => {
    if (timelineOutcome !== null) measureRender("render-timeline");
  }, [timelineOutcome, measureRender]);
  const fix = current ? suggestedFix(current.finding, dateSystem) : null;
  const acceptable = current ? acceptanceFor(current.finding) !== null : false;
  const toggleAcceptance = async (entry: FindingEntry) => {
    const change = entry.finding.accepted ? actions.restoreWarning : actions.acceptWarning;
    try {
      setSettings(await change(entry.finding));
    } catch (error) {
      if ((error as Error).name !== "TooManyAcceptedWarnings") throw error;
      setFixNote(words.addin.acceptedWarningsFull(MAX_ACCEPTED_WARNINGS));
      return;
    }
    keepCurrent.current = entry.key;
    await validation.run();
    focusList();
  };
  const groupings: Grouping[] = ["objective", "department", "rule", "severity"];
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {words.addin.title}
      </Text>
      <div className={styles.bar}>
        <Button
          appearance="primary"
          onClick={() => void validation.run()}
          disabledFocusable={validation.running}
        >
          {words.addin.validate}
        </Button>
        {validation.running ? <Spinner size="tiny" label={words.addin.validating} /> : null}
      </div>
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
      <Accordion collapsible>
        <AccordionItem value="settings">
          <AccordionHeader size="small">{texts.settings}</AccordionHeader>
          <AccordionPanel>
            <SettingsPanel
              settings={settings}
              today={today}
              words={words}
              onChange={changeSettings}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
      {outcome && noTables(outcome) ? (
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
      {outcome ? (
        <ConvertToTables
          ranges={outcome.plainRanges}
          words={words}
          convert={() => actions.convertToTables()}
          onConverted={() => void validation.run()}
        />
      ) : null}
      {outcome && !noTables(outcome) && unmapped(outcome).length > 0 ? (
        <TableMapping
          kinds={unmapped(outcome)}
          tables={outcome.tables}
          settings={settings}
          recognised={outcome.result.mapping}
          words={words}
          onSave={async (change) => {
            setSettings(await actions.saveSettings(change));
            await validation.run();
          }}
        />
      ) : null}
      {outcome && view && !emptyStart ? (
        <section aria-label={words.addin.findingsHeading} className={styles.section}>
          <Text as="h2" size={400} weight="semibold">
            {words.addin.findingsHeading}
          </Text>
          {outcome.result.findings.length === 0 ? (
            <Text>{words.addin.noFindings}</Text>
          ) : (
            <>
              {view.ruleCounts.size > 1 ? (
                <div role="group" aria-label={texts.ruleChips} className={styles.chips}>
                  {[...view.ruleCounts].map(([rule, count]) => (
                    <ToggleButton
                      key={rule}
                      size="small"
                      shape="circular"
                      checked={rules.has(rule)}
                      title={rule}
                      onClick={() =>
                        setRules((shown) => {
                          const next = new Set(shown);
                          if (!next.delete(rule)) next.add(rule);
                          return next;
                        })
                      }
                    >
                      {index!.entries.find((e) => e.finding.rule === rule)!.ruleName} ({count})
                    </ToggleButton>
                  ))}
                </div>
              ) : null}
              <div className={styles.bar}>
                <SearchBox
                  className={styles.grow}
                  aria-label={texts.search}
                  placeholder={texts.searchHint}
                  value={search}
                  onChange={(_, data) => setSearch(data.value)}
                />
                <Field label={texts.groupBy} orientation="horizontal">
                  <Dropdown
                    className={styles.narrow}
                    size="small"
                    value={texts.groupings[grouping]}
                    selectedOptions={[grouping]}
                    onOptionSelect={(_, data) => {
                      setGrouping(data.optionValue as Grouping);
                      setCollapsed(new Set());
                    }}
                  >
                    {groupings.map((g) => (
                      <Option key={g} value={g}>
                        {texts.groupings[g]}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              </div>
              <div className={styles.bar}>
                <Button size="small" onClick={() => go(-1)}>
                  {words.addin.previous}
                </Button>
                <Text aria-live="polite" className={styles.position} data-testid="position">
                  {position === null
                    ? texts.findings(order.length)
                    : texts.position(position, order.length)}
                </Text>
                <Button size="small" onClick={() => go(1)}>
                  {words.addin.next}
                </Button>
              </div>
              {current ? (
                <div className={styles.card} role="region" aria-label={texts.current}>
                  <Text size={200} weight="semibold">
                    {[current.where, current.ruleName].filter(Boolean).join(" · ")}
                  </Text>
                  <Text size={200}>{current.message}</Text>
                  {fix ? (
                    <Button size="small" onClick={() => setPendingFix({ fix, entry: current })}>
                      {words.addin.useSuggestion(fix.display)}
                    </Button>
                  ) : null}
                  {acceptable ? (
                    <Button size="small" onClick={() => void toggleAcceptance(current)}>
                      {current.finding.accepted ? words.addin.restore : words.addin.accept}
                    </Button>
                  ) : null}
                </div>
              ) : null}
              {view.order.length === 0 ? <Text>{texts.noMatches}</Text> : null}
              {listReady ? (
                <FindingsList
                  ref={list}
                  rows={view.rows}
                  currentKey={currentKey}
                  words={words}
                  onChoose={onChoose}
                  onToggle={onToggle}
                />
              ) : null}
            </>
          )}
        </section>
      ) : null}
      {outcome && timelineOutcome && !emptyStart ? (
        <Cronoprogramma
          result={timelineOutcome.result}
          objective={current?.finding.objective ?? null}
          words={words}
          onSelectPhase={(sheet, cell) => void actions.selectCell(sheet, cell)}
        />
      ) : null}
      {fixNote ? (
        <MessageBar intent="warning">
          <MessageBarBody>{fixNote}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Dialog open={pendingFix !== null} onOpenChange={(_, data) => !data.open && closeFix()}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{words.addin.confirmFixTitle}</DialogTitle>
            <DialogContent>
              {pendingFix ? words.addin.fixWillChange(pendingFix.fix) : null}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => pendingFix && void confirmFix(pendingFix)}
              >
                {words.addin.write}
              </Button>
              <Button onClick={closeFix}>{words.addin.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </main>
  );
}
