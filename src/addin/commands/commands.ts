import { officeHost } from "../../adapters/office/excel-host";
import { displayLanguage, showMessageDialog } from "../../adapters/office/office-ui";
import { validateWorkbook } from "../../adapters/office/validate-workbook";
import { checkAndPlanHere } from "../../engine/check-and-plan";
import { localToday } from "../../engine/days";
import { catalogue, messageTexts } from "../../i18n";
import { describeFailure, describeOutcome, type UserMessage } from "../validation-message";

/**
 * The dialog's longest URL. The dialog API documents no limit of its own; 2,083 characters is
 * Internet Explorer's, the shortest of the webviews and browsers Office uses, so a URL under it
 * opens everywhere. The verdict's summary comes first, so a shortened text keeps what matters.
 */
export const DIALOG_URL_LIMIT = 2000;

/** The verdict dialog's address: language, tone and text in the query, the text shortened to fit. */
export function dialogUrl(base: string, language: string, message: UserMessage): string {
  const page = new URL("dialog.html", base);
  page.searchParams.set("lang", language);
  page.searchParams.set("tone", message.tone);
  const chars = [...message.text];
  let keep = chars.length;
  for (;;) {
    page.searchParams.set(
      "text",
      keep === chars.length ? message.text : `${chars.slice(0, keep).join("")}…`
    );
    if (page.toString().length <= DIALOG_URL_LIMIT || keep === 0) return page.toString();
    // Percent-encoding makes a character up to 12 long: shrink by the excess, at least one.
    keep = Math.max(
      0,
      keep - Math.max(1, Math.ceil((page.toString().length - DIALOG_URL_LIMIT) / 3))
    );
  }
}

/**
 * Office ends a ribbon command five minutes after the click unless it calls event.completed()
 * (learn.microsoft.com: "Add-in commands", ExecuteFunction). The check does not start writing
 * after four: a write of a large plan has the last minute, and the dialog a few seconds.
 */
export const WRITE_DEADLINE_MS = 4 * 60_000;

/** The ribbon's Validate objective button: check, write the status columns, say how it went. */
async function validateObjective(event: Office.AddinCommands.Event): Promise<void> {
  const language = displayLanguage();
  const words = catalogue(language);
  let message: UserMessage;
  try {
    const limit = { stopAt: Date.now() + WRITE_DEADLINE_MS };
    const outcome = await validateWorkbook(
      officeHost(),
      localToday(),
      language,
      checkAndPlanHere(messageTexts),
      limit
    );
    message = describeOutcome(outcome, words);
  } catch (error) {
    message = describeFailure(error, words);
  }
  try {
    await showMessageDialog(dialogUrl(window.location.href, language, message));
  } finally {
    event.completed();
  }
}

Office.onReady(() => Office.actions.associate("validateObjective", validateObjective));
