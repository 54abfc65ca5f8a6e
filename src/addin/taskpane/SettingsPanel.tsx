import { Field, Input, makeStyles, Radio, RadioGroup, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Language, WorkbookSettings } from "../../engine/snapshot";
import type { Catalogue } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface SettingsPanelProps {
  readonly settings: WorkbookSettings;
  readonly today: string;
  readonly words: Catalogue;
  /** Called with only the field the user changed, so saving it never touches a co-author's other choice. */
  readonly onChange: (change: WorkbookSettings) => void;
}

/** The monitoring date and the status columns' language, stored in the workbook for every co-author. */
export function SettingsPanel({
  settings,
  today,
  words,
  onChange,
}: SettingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Field label={words.addin.referenceDate} hint={words.addin.referenceDateHint}>
        <Input
          type="date"
          value={settings.asOf ?? today}
          onChange={(_, data) =>
            /^\d{4}-\d{2}-\d{2}$/.test(data.value) && onChange({ asOf: data.value })
          }
        />
      </Field>
      <Field label={words.addin.statusLanguage}>
        <RadioGroup
          layout="horizontal"
          value={settings.statusLanguage ?? words.language}
          onChange={(_, data) => onChange({ statusLanguage: data.value as Language })}
        >
          <Radio value="it" label="Italiano" />
          <Radio value="en" label="English" />
        </RadioGroup>
      </Field>
    </div>
  );
}
