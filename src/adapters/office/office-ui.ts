import type { Language } from "../../engine/snapshot";

/** Office's display language, as the add-in's language: Italian for it-*, English otherwise. */
export function displayLanguage(): Language {
  return /^it/i.test(Office.context.displayLanguage ?? "") ? "it" : "en";
}

/**
 * Shows a short message in an Office dialog and resolves when the user
 * closes it. An ExecuteFunction command must keep running until then: its
 * runtime, and the dialog with it, ends at event.completed().
 */
export function showMessageDialog(pageUrl: string): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      pageUrl,
      { height: 30, width: 35, displayInIframe: true },
      (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) {
          resolve();
          return;
        }
        const dialog = result.value;
        const done = () => {
          dialog.close();
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      }
    );
  });
}

/** From inside a dialog: ask the command that opened it to close it. */
export function closeFromDialog(): void {
  Office.context.ui.messageParent("close");
}
