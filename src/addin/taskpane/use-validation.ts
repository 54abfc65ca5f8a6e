import { useCallback, useState } from "react";
import type { PaneActions } from "../../adapters/office/pane-actions";
import type { ValidationOutcome } from "../../adapters/office/validate-workbook";
import type { Catalogue } from "../../i18n";
import { describeFailure, describeOutcome, type UserMessage } from "../validation-message";

export interface ValidationState {
  readonly running: boolean;
  readonly outcome: ValidationOutcome | null;
  readonly message: UserMessage | null;
  readonly run: () => Promise<void>;
}

/** Runs a check on demand and keeps its outcome and the sentence to show. */
export function useValidation(actions: PaneActions, words: Catalogue): ValidationState {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ValidationOutcome | null>(null);
  const [message, setMessage] = useState<UserMessage | null>(null);
  const run = useCallback(async () => {
    setRunning(true);
    try {
      const result = await actions.validate();
      setOutcome(result);
      setMessage(describeOutcome(result, words));
    } catch (error) {
      setMessage(describeFailure(error, words));
    } finally {
      setRunning(false);
    }
  }, [actions, words]);
  return { running, outcome, message, run };
}
