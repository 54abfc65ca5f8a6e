import { Button, Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Finding } from "../../engine/findings";
import type { Catalogue } from "../../i18n";

export interface FindingFilter {
  readonly severity: "all" | "error" | "warning";
  readonly rule: string;
}

export const NO_FILTER: FindingFilter = { severity: "all", rule: "all" };

export function applyFilter(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  return findings.filter(
    (f) =>
      (filter.severity === "all" || f.severity === filter.severity) &&
      (filter.rule === "all" || f.rule === filter.rule)
  );
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  stepper: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface FindingFiltersProps {
  readonly findings: readonly Finding[];
  readonly filter: FindingFilter;
  readonly onFilter: (filter: FindingFilter) => void;
  readonly onStep: (step: 1 | -1) => void;
  readonly words: Catalogue;
}

/** Filter by severity and by rule, and walk through the findings one cell at a time. */
export function FindingFilters({
  findings,
  filter,
  onFilter,
  onStep,
  words,
}: FindingFiltersProps): React.JSX.Element {
  const styles = useStyles();
  const rules = [...new Set(findings.map((f) => f.rule))];
  const severities = {
    all: words.addin.all,
    error: words.addin.severity.error,
    warning: words.addin.severity.warning,
  };
  return (
    <div className={styles.root}>
      <Field label={words.addin.severityFilter}>
        <Dropdown
          value={severities[filter.severity]}
          selectedOptions={[filter.severity]}
          onOptionSelect={(_, data) =>
            onFilter({ ...filter, severity: data.optionValue as FindingFilter["severity"] })
          }
        >
          {Object.entries(severities).map(([value, text]) => (
            <Option key={value} value={value}>
              {text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={words.addin.ruleFilter}>
        <Dropdown
          value={filter.rule === "all" ? words.addin.all : filter.rule}
          selectedOptions={[filter.rule]}
          onOptionSelect={(_, data) => onFilter({ ...filter, rule: data.optionValue ?? "all" })}
        >
          <Option value="all">{words.addin.all}</Option>
          {rules.map((rule) => (
            <Option key={rule} value={rule}>
              {rule}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.stepper}>
        <Button onClick={() => onStep(-1)}>{words.addin.previous}</Button>
        <Button onClick={() => onStep(1)}>{words.addin.next}</Button>
      </div>
    </div>
  );
}
