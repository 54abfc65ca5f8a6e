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

/** Office's theme is dark when its body background is (Office.context.officeTheme, where the host has one). */
export function officeThemeIsDark(): boolean {
  const background = Office.context.officeTheme?.bodyBackgroundColor;
  const match = background ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background) : null;
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
