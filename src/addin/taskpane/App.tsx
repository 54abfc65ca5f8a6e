import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { PaneActions } from "../../adapters/office/pane-actions";
import type { Catalogue } from "../../i18n";
import { FindingsList } from "./FindingsList";
import { useValidation } from "./use-validation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "100%", boxSizing: "border-box" },
});

export interface AppProps {
  readonly actions: PaneActions;
  readonly words: Catalogue;
}

/** The planning pane: validate, read the verdict, go to each finding's cell. */
export function App({ actions, words }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const validation = useValidation(actions, words);
  const tone = validation.message?.tone;
  return (
    <main className={styles.root}>
      <Text as="h1" size={500} weight="semibold">
        {words.addin.title}
      </Text>
      <Button appearance="primary" onClick={() => void validation.run()} disabled={validation.running}>
        {words.addin.validate}
      </Button>
      {validation.running ? <Spinner size="tiny" label={words.addin.validating} /> : null}
      {validation.message ? (
        <MessageBar intent={tone === "success" ? "success" : tone === "warning" ? "warning" : "error"}>
          <MessageBarBody>{validation.message.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {validation.outcome ? (
        <section aria-label={words.addin.findingsHeading}>
          <Text as="h2" size={400} weight="semibold">
            {words.addin.findingsHeading}
          </Text>
          <FindingsList
            findings={validation.outcome.result.findings}
            words={words}
            onSelect={(finding) => {
              if (finding.sheet && finding.cell) void actions.selectCell(finding.sheet, finding.cell);
            }}
          />
        </section>
      ) : null}
    </main>
  );
}
