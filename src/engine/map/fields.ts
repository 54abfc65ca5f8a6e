import type { TableKind } from "../snapshot";

/** The columns the engine understands, with the header spellings of domain.md §2 (Italian first). */
export interface FieldSpec {
  readonly key: string;
  readonly required: boolean;
  readonly headers: readonly string[];
}

const OBJECTIVE_CODE_HEADERS = ["Codice obiettivo", "Obiettivo", "Objective code", "Objective"];

export const FIELD_SPECS = {
  objectives: [
    {
      key: "code",
      required: true,
      headers: ["Codice", "Codice obiettivo", "Cod. obiettivo", "Objective code", "Code"],
    },
    {
      key: "title",
      required: true,
      headers: ["Titolo", "Obiettivo", "Denominazione", "Title", "Objective"],
    },
    { key: "department", required: false, headers: ["Direzione", "Department"] },
    { key: "director", required: false, headers: ["Direttore", "Director"] },
    { key: "service", required: false, headers: ["Servizio", "Service"] },
    { key: "manager", required: false, headers: ["Dirigente", "Manager"] },
    { key: "classification", required: false, headers: ["Classificazione", "Classification"] },
    { key: "type", required: false, headers: ["Tipologia", "Tipo obiettivo", "Type"] },
    { key: "performance", required: false, headers: ["Performance"] },
    { key: "strategicAddress", required: false, headers: ["Indirizzo strategico DUP"] },
    { key: "strategicObjective", required: false, headers: ["Obiettivo strategico DUP"] },
    {
      key: "description",
      required: false,
      headers: ["Descrizione", "Descrizione dettagliata", "Description"],
    },
  ],
  phases: [
    { key: "objective", required: true, headers: OBJECTIVE_CODE_HEADERS },
    {
      key: "description",
      required: true,
      headers: ["Descrizione", "Fase", "Phase", "Description"],
    },
    { key: "weight", required: true, headers: ["Peso", "Peso %", "Weight"] },
    {
      key: "start",
      required: true,
      headers: ["Inizio previsto", "Data inizio", "Inizio", "Planned start", "Start"],
    },
    {
      key: "end",
      required: true,
      headers: ["Fine prevista", "Data fine", "Fine", "Planned end", "End"],
    },
    { key: "owner", required: false, headers: ["Responsabile", "Owner"] },
    {
      key: "responsibilityCentre",
      required: false,
      headers: ["Centro di responsabilità", "Centro di Responsabiltà", "Responsibility centre"],
    },
    { key: "notes", required: false, headers: ["Note", "Notes"] },
    {
      key: "progress",
      required: false,
      headers: [
        "Avanzamento",
        "Avanzamento %",
        "% avanzamento",
        "% realizzazione",
        "Progress",
        "% complete",
      ],
    },
  ],
  indicators: [
    { key: "objective", required: true, headers: OBJECTIVE_CODE_HEADERS },
    {
      key: "description",
      required: true,
      headers: ["Descrizione", "Indicatore", "Indicator", "Description"],
    },
    { key: "type", required: false, headers: ["Tipo", "Type"] },
    {
      key: "target",
      required: true,
      headers: ["Valore atteso", "Valore obiettivo", "Target", "Expected value"],
    },
    { key: "actual", required: false, headers: ["Valore rilevato", "Valore consuntivo", "Actual"] },
  ],
} as const satisfies Record<TableKind, readonly FieldSpec[]>;

export type FieldKey<K extends TableKind> = (typeof FIELD_SPECS)[K][number]["key"];
