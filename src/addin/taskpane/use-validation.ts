import { useCallback, useRef, useState } from "react";
import { measureSince, now } from "../../engine/timing";
import type { PaneActions } from "../../adapters/office/pane-actions";
import type { ValidationOutcome } from "../../adapters/office/validate-workbook";
import type { Catalogue } from "../../i18n";
import { describeFailure, describeOutcome, type UserMessage } from "../validation-message";

export interface ValidationState {
  readonly running: boolean;
  readonly outcome: ValidationOutcome | null;
  readonly message: UserMessage | null;
  readonly run: () => Promise<void>;
  /**
   * Records `objective-check:<name>` from the latest outcome's arrival to now:
   * the pane calls it once a part of its render of that outcome has committed.
   */
  readonly measureRender: (name: string) => void;
}

/** Runs a check on demand and keeps its outcome and the sentence to show. */
export function useValidation(actions: PaneActions, words: Catalogue): ValidationState {
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<ValidationOutcome | null>(null);
  const [message, setMessage] = useState<UserMessage | null>(null);
  const arrived = useRef<number | null>(null);
  const measureRender = useCallback((name: string) => {
    if (arrived.current !== null) measureSince(name, arrived.current);
  }, []);
  const run = useCallback(async () => {
    setRunning(true);
    try {
      const result = await actions.validate();
      arrived.current = now();
      setOutcome(result);
      setMessage(describeOutcome(result, words));
    } catch (error) {
      setMessage(describeFailure(error, words));
    } finally {
      setRunning(false);
    }
  }, [actions, words]);
  return { running, outcome, message, run, measureRender };
}
