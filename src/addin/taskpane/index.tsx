import {
  FluentProvider,
  teamsHighContrastTheme,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { officeHost } from "../../adapters/office/excel-host";
import { displayLanguage, officeThemeIsDark } from "../../adapters/office/office-ui";
import { paneActions } from "../../adapters/office/pane-actions";
import { isoFromDay, localToday } from "../../engine/days";
import { catalogue } from "../../i18n";
import { App } from "./App";
import { engineInWorker, engineWorkerUrl } from "./engine-in-worker";

Office.onReady(() => {
  const language = displayLanguage();
  const words = catalogue(language);
  document.documentElement.lang = language;
  document.title = words.addin.title;
  createRoot(document.getElementById("root")!).render(
    <FluentProvider
      theme={
        // Windows' contrast themes reach the pane as forced colours: Fluent's high-contrast theme then.
        window.matchMedia("(forced-colors: active)").matches
          ? teamsHighContrastTheme
          : officeThemeIsDark()
            ? webDarkTheme
            : webLightTheme
      }
      style={{ minHeight: "100vh" }}
    >
      <App
        actions={paneActions(
          officeHost(),
          () => localToday(),
          language,
          engineInWorker(engineWorkerUrl(document))
        )}
        words={words}
        today={isoFromDay(localToday())}
      />
    </FluentProvider>
  );
});
