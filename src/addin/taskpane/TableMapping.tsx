import {
  Button,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { FIELD_SPECS } from "../../engine/map/fields";
import type { WorkbookMapping } from "../../engine/map/map-workbook";
import type {
  TableKind,
  TableMapping as StoredMapping,
  WorkbookSettings,
} from "../../engine/snapshot";
import type { Catalogue } from "../../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  kind: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalS,
  },
});

export interface TableMappingProps {
  /** The tables the check could not use (missing, or a required column missing). */
  readonly kinds: readonly TableKind[];
  readonly tables: readonly { readonly name: string; readonly headers: readonly string[] }[];
  readonly settings: WorkbookSettings;
  /** What the engine recognised on its own: the starting choice where nothing is stored. */
  readonly recognised: WorkbookMapping;
  readonly words: Catalogue;
  /** Called with the mapping of the tables shown only: a co-author's mapping of another table stays. */
  readonly onSave: (change: WorkbookSettings) => void;
}

/** The engine's recognition as a stored mapping: the table's name and the header of each required field it found (the fields this form shows). */
export function recognisedMapping(
  mapping: WorkbookMapping
): Partial<Record<TableKind, StoredMapping>> {
  const stored: Partial<Record<TableKind, StoredMapping>> = {};
  for (const [kind, mapped] of Object.entries(mapping) as [
    TableKind,
    WorkbookMapping[TableKind],
  ][]) {
    if (mapped === null) continue;
    stored[kind] = {
      table: mapped.table.name,
      columns: Object.fromEntries(
        FIELD_SPECS[kind]
          .filter((spec) => spec.required && mapped.columns.has(spec.key))
          .map((spec) => [spec.key, mapped.table.headers[mapped.columns.get(spec.key)!]])
      ),
    };
  }
  return stored;
}

/**
 * For a table the engine cannot recognise: pick the workbook's table and which
 * of its columns holds each required field. Stored in the workbook, so every
 * co-author's check uses the same mapping.
 */
export function TableMapping({
  kinds,
  tables,
  settings,
  recognised,
  words,
  onSave,
}: TableMappingProps): React.JSX.Element {
  const styles = useStyles();
  // A stored mapping wins; otherwise the table and columns the engine found are already chosen.
  const [draft, setDraft] = React.useState<Partial<Record<TableKind, StoredMapping>>>(() => ({
    ...recognisedMapping(recognised),
    ...settings.mapping,
  }));
  const set = (kind: TableKind, mapping: StoredMapping) =>
    setDraft((current) => ({ ...current, [kind]: mapping }));
  return (
    <section className={styles.root} aria-label={words.addin.mappingHeading}>
      <Text as="h2" size={400} weight="semibold">
        {words.addin.mappingHeading}
      </Text>
      {kinds.map((kind) => {
        const chosen = draft[kind];
        const table = tables.find((t) => t.name === chosen?.table);
        return (
          <div key={kind} className={styles.kind}>
            <Field label={words.addin.mappingTable(words.tableNames[kind])}>
              <Dropdown
                value={chosen?.table ?? ""}
                selectedOptions={chosen ? [chosen.table] : []}
                onOptionSelect={(_, data) => {
                  if (!data.optionValue) return;
                  const found = recognisedMapping(recognised)[kind];
                  set(
                    kind,
                    found?.table === data.optionValue
                      ? found
                      : { table: data.optionValue, columns: {} }
                  );
                }}
              >
                {tables.map((t) => (
                  <Option key={t.name} value={t.name}>
                    {t.name}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            {table
              ? FIELD_SPECS[kind]
                  .filter((spec) => spec.required)
                  .map((spec) => (
                    <Field key={spec.key} label={words.addin.fieldName(spec.key)}>
                      <Dropdown
                        value={chosen?.columns?.[spec.key] ?? ""}
                        selectedOptions={
                          chosen?.columns?.[spec.key] ? [chosen.columns[spec.key]] : []
                        }
                        onOptionSelect={(_, data) =>
                          data.optionValue &&
                          set(kind, {
                            table: table.name,
                            columns: { ...chosen?.columns, [spec.key]: data.optionValue },
                          })
                        }
                      >
                        {table.headers.map((header) => (
                          <Option key={header} value={header}>
                            {header}
                          </Option>
                        ))}
                      </Dropdown>
                    </Field>
                  ))
              : null}
          </div>
        );
      })}
      <Button
        appearance="primary"
        onClick={() =>
          onSave({
            mapping: Object.fromEntries(
              kinds.filter((kind) => draft[kind]).map((kind) => [kind, draft[kind]])
            ),
          })
        }
      >
        {words.addin.saveMapping}
      </Button>
    </section>
  );
}
