import type { FakeExcelHost } from "../../src/fake-excel/fake-excel-host";

export interface OfficeGlobalRecord {
  /** Functions registered with Office.actions.associate. */
  readonly actions: Map<string, (event: { completed(): void }) => Promise<void>>;
  /** URLs of the dialogs opened. */
  readonly dialogs: string[];
}

/**
 * Installs `Office` and `Excel` globals backed by the fake host, as office.js
 * would in Excel: the command code runs unchanged. Dialogs close as soon as
 * they open, as if the user clicked Close.
 */
export function installOfficeGlobals(
  host: FakeExcelHost,
  displayLanguage = "it-IT"
): OfficeGlobalRecord {
  const record: OfficeGlobalRecord = { actions: new Map(), dialogs: [] };
  const handlers = new Map<string, () => void>();
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived",
    },
    onReady: (callback?: () => void) => {
      callback?.();
      return Promise.resolve({ host: "Excel", platform: "OfficeOnline" });
    },
    actions: {
      associate: (
        name: string,
        action: OfficeGlobalRecord["actions"] extends Map<string, infer F> ? F : never
      ) => record.actions.set(name, action),
    },
    context: {
      displayLanguage,
      requirements: {
        isSetSupported: (name: string, version: string) => host.isSetSupported(name, version),
      },
      document: {
        settings: {
          get: (name: string) => host.settings.get(name),
          set: (name: string, value: unknown) => host.settings.set(name, value),
          saveAsync: (callback?: (result: { status: string }) => void) =>
            host.settings.saveAsync(callback),
        },
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (result: unknown) => void
        ) => {
          record.dialogs.push(url);
          const dialog = {
            addEventHandler: (type: string, handler: () => void) => handlers.set(type, handler),
            close: () => undefined,
          };
          callback({ status: "succeeded", value: dialog });
          setTimeout(() => handlers.get("dialogMessageReceived")?.(), 0);
        },
      },
    },
  };
  Object.assign(globalThis, {
    Office: office,
    Excel: {
      run: (
        options: Excel.RunOptions,
        batch: (context: Excel.RequestContext) => Promise<unknown>
      ) => host.run(options, batch),
    },
    window: { location: { href: "https://localhost:3000/commands.html" } },
  });
  return record;
}
