import { officeHost } from "../../adapters/office/excel-host";
import { displayLanguage, showMessageDialog } from "../../adapters/office/office-ui";
import { validateWorkbook } from "../../adapters/office/validate-workbook";
import { localToday } from "../../engine/days";
import { catalogue } from "../../i18n";
import { describeFailure, describeOutcome, type UserMessage } from "../validation-message";

/** The ribbon's Validate objective button: check, write the status columns, say how it went. */
async function validateObjective(event: Office.AddinCommands.Event): Promise<void> {
  const language = displayLanguage();
  const words = catalogue(language);
  let message: UserMessage;
  try {
    message = describeOutcome(await validateWorkbook(officeHost(), localToday(), language), words);
  } catch (error) {
    message = describeFailure(error, words);
  }
  try {
    const page = new URL("dialog.html", window.location.href);
    page.searchParams.set("lang", language);
    page.searchParams.set("tone", message.tone);
    page.searchParams.set("text", message.text);
    await showMessageDialog(page.toString());
  } finally {
    event.completed();
  }
}

Office.onReady(() => Office.actions.associate("validateObjective", validateObjective));
