import type { Check, PhaseStatus } from "./compute/statuses";
import type { Language, TableKind } from "./snapshot";

/** The computed columns of domain.md §5, in the order they are appended to each table. */
export type StatusColumnKey =
  | "weightTotal"
  | "expectedProgress"
  | "actualProgress"
  | "objectiveStatus"
  | "phaseStatus"
  | "check"
  | "messages";

export type StatusColumnKind = "text" | "percent" | "number";

export interface StatusColumnSpec {
  readonly key: StatusColumnKey;
  readonly kind: StatusColumnKind;
  readonly headers: Readonly<Record<Language, string>>;
}

const EXPECTED: StatusColumnSpec = {
  key: "expectedProgress",
  kind: "percent",
  headers: { it: "Avanzamento atteso", en: "Expected progress" },
};
const CHECK: StatusColumnSpec = {
  key: "check",
  kind: "text",
  headers: { it: "Esito", en: "Check" },
};
const MESSAGES: StatusColumnSpec = {
  key: "messages",
  kind: "text",
  headers: { it: "Segnalazioni", en: "Messages" },
};

export const STATUS_COLUMNS: Readonly<Record<TableKind, readonly StatusColumnSpec[]>> = {
  objectives: [
    { key: "weightTotal", kind: "number", headers: { it: "Somma pesi", en: "Weight total" } },
    EXPECTED,
    {
      key: "actualProgress",
      kind: "percent",
      headers: { it: "Avanzamento effettivo", en: "Actual progress" },
    },
    {
      key: "objectiveStatus",
      kind: "text",
      headers: { it: "Stato obiettivo", en: "Objective status" },
    },
    CHECK,
    MESSAGES,
  ],
  phases: [
    EXPECTED,
    { key: "phaseStatus", kind: "text", headers: { it: "Stato fase", en: "Phase status" } },
    CHECK,
    MESSAGES,
  ],
  indicators: [CHECK, MESSAGES],
};

/**
 * The values written in the status columns: words the contract fixes
 * (domain.md §5), so that every co-author writes the same strings and a
 * planning officer can filter by `ERRORE`. The catalogues show the same words.
 */
export const STATUS_WORDS: Readonly<
  Record<
    Language,
    {
      readonly status: Readonly<Record<PhaseStatus, string>>;
      readonly check: Readonly<Record<Check, string>>;
    }
  >
> = {
  it: {
    status: {
      "missing-dates": "DATE MANCANTI",
      completed: "COMPLETATA",
      "not-started": "NON AVVIATA",
      late: "IN RITARDO",
      "in-progress": "IN CORSO",
      "past-due": "SCADUTA",
    },
    check: { error: "ERRORE", warning: "AVVISO", ok: "OK" },
  },
  en: {
    status: {
      "missing-dates": "MISSING DATES",
      completed: "COMPLETED",
      "not-started": "NOT STARTED",
      late: "LATE",
      "in-progress": "IN PROGRESS",
      "past-due": "PAST DUE",
    },
    check: { error: "ERROR", warning: "WARNING", ok: "OK" },
  },
};
