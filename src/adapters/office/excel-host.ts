/**
 * The part of Office.js the add-in uses, behind one interface: the real
 * host in Excel, the strict fake in tests and in the preview page.
 */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: AsyncResult) => void): void;
  refreshAsync(callback: (result: AsyncResult) => void): void;
  /**
   * Calls `handler` when a co-author saves the settings. Registered on every
   * client, it fires only in Excel on the web while co-authoring
   * (https://learn.microsoft.com/javascript/api/office/office.settingschangedeventargs).
   */
  onChanged(handler: () => void): Promise<void>;
}

export interface AsyncResult {
  status: string;
  error?: { message: string };
}

export interface ExcelHost {
  run<T>(
    options: Excel.RunOptions,
    batch: (context: Excel.RequestContext) => Promise<T>
  ): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  readonly settings: DocumentSettings;
}

/** Office.js itself; only valid after Office.onReady. */
export function officeHost(): ExcelHost {
  return {
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
    settings: {
      get: (name) => Office.context.document.settings.get(name),
      set: (name, value) => Office.context.document.settings.set(name, value),
      saveAsync: (callback) =>
        Office.context.document.settings.saveAsync((result) =>
          callback?.({ status: String(result.status), error: result.error ?? undefined })
        ),
      refreshAsync: (callback) =>
        Office.context.document.settings.refreshAsync((result) =>
          callback({ status: String(result.status), error: result.error ?? undefined })
        ),
      onChanged: (handler) =>
        new Promise((resolve) =>
          Office.context.document.settings.addHandlerAsync(
            Office.EventType.SettingsChanged,
            handler,
            () => resolve()
          )
        ),
    },
  };
}
