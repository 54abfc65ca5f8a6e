/** Status values as codes; their words (Italian or English) come from the catalogue. */
export type PhaseStatus =
  "missing-dates" | "completed" | "not-started" | "late" | "in-progress" | "past-due";
export type ObjectiveStatus = PhaseStatus;
export type Check = "error" | "warning" | "ok";
