import type { FakeExcelHost } from "../fake-excel/fake-excel-host";

type Action = (event: { completed(): void }) => Promise<void>;

export interface OfficeGlobals {
  /** Functions registered with Office.actions.associate. */
  readonly actions: Map<string, Action>;
  /** URLs of the dialogs opened, in order. */
  readonly dialogs: string[];
}

export interface OfficeGlobalsOptions {
  readonly displayLanguage?: string;
  readonly officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string };
  /** Shows a dialog's page; resolves when the user closes it. Default: closes at once. */
  readonly showDialog?: (url: string) => Promise<void>;
}

/**
 * `Office` and `Excel` as office.js gives them inside Excel, backed by the fake
 * host: the ribbon and pane code run unchanged in tests and on the preview page.
 */
export function installOfficeGlobals(
  target: object,
  host: FakeExcelHost,
  options: OfficeGlobalsOptions = {}
): OfficeGlobals {
  const record: OfficeGlobals = { actions: new Map(), dialogs: [] };
  const existing = (target as { Office?: object }).Office ?? {};
  const office = lockIn(existing, {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: {
      DialogMessageReceived: "dialogMessageReceived",
      DialogEventReceived: "dialogEventReceived",
      SettingsChanged: "settingsChanged",
    },
    onReady: (callback?: (info: object) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      callback?.(info);
      return Promise.resolve(info);
    },
    actions: { associate: (name: string, action: Action) => record.actions.set(name, action) },
    context: {
      displayLanguage: options.displayLanguage ?? "it-IT",
      officeTheme: options.officeTheme,
      requirements: {
        isSetSupported: (name: string, version: string) => host.isSetSupported(name, version),
      },
      document: {
        settings: {
          get: host.settings.get,
          set: host.settings.set,
          saveAsync: host.settings.saveAsync,
          refreshAsync: host.settings.refreshAsync,
          addHandlerAsync: (_type: string, handler: () => void, callback?: () => void) =>
            void host.settings.onChanged(handler).then(() => callback?.()),
        },
      },
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (result: unknown) => void
        ) => {
          record.dialogs.push(url);
          const handlers = new Map<string, () => void>();
          callback({
            status: "succeeded",
            value: {
              addEventHandler: (type: string, handler: () => void) => handlers.set(type, handler),
              close: () => undefined,
            },
          });
          void (options.showDialog ?? (() => Promise.resolve()))(url).then(() =>
            handlers.get("dialogMessageReceived")?.()
          );
        },
      },
    },
  });
  Object.assign(target, {
    Office: office,
    Excel: {
      run: (
        runOptions: Excel.RunOptions,
        batch: (context: Excel.RequestContext) => Promise<unknown>
      ) => host.run(runOptions, batch),
    },
  });
  return record;
}

/**
 * Sets the properties so that they stay: in a browser page, office.js goes on
 * initialising after it has loaded and would otherwise replace Office.context
 * and Office.onReady with its own "not in Office" versions. (Its attempt then
 * fails with "Cannot redefine property: context" in the console, harmlessly.)
 */
function lockIn<T extends object>(target: object, properties: T): T {
  for (const [key, value] of Object.entries(properties)) {
    Object.defineProperty(target, key, {
      value,
      writable: false,
      configurable: false,
      enumerable: true,
    });
  }
  return target as T;
}
