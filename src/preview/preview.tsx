import {
  Button,
  Dialog,
  DialogBody,
  DialogSurface,
  FluentProvider,
  makeStyles,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { readXlsx } from "../adapters/xlsx/read-workbook";
import { FakeExcelHost } from "../fake-excel/fake-excel-host";
import { workbookStateFromXlsx } from "../fake-excel/load-snapshot";
import { addSheet, emptyWorkbook } from "../fake-excel/workbook-state";
import { SETTINGS_KEY } from "../adapters/office/stored-settings";
import type { PreviewShared } from "./bridge";
import { SheetView } from "./SheetView";

const params = new URLSearchParams(window.location.search);
const language = params.get("lang") === "en" ? "en-US" : "it-IT";
const dark = params.get("theme") === "dark";
const latencyMs = Number(params.get("latency") ?? 0);

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateColumns: "1fr 320px",
    gridTemplateRows: "auto 1fr",
    height: "100vh",
    gap: tokens.spacingHorizontalM,
  },
  ribbon: {
    gridColumn: "1 / 3",
    display: "flex",
    gap: tokens.spacingHorizontalM,
    alignItems: "center",
    padding: tokens.spacingHorizontalM,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    flexWrap: "wrap",
  },
  sheet: { padding: tokens.spacingHorizontalM, overflow: "auto" },
  pane: {
    width: "320px",
    height: "100%",
    border: "none",
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  dialogFrame: { width: "100%", height: "220px", border: "none" },
});

function hostFor(bytes: Uint8Array, name: string): FakeExcelHost {
  return new FakeExcelHost(workbookStateFromXlsx(readXlsx(bytes, name)), {
    latencyMs,
    excelApi: "1.20",
  });
}

/**
 * The add-in without Excel: the real ribbon command, dialog and task pane
 * running in frames against a strict fake of Excel loaded with the sample
 * card, or with any .xlsx dropped on the page.
 */
function Preview({ initial }: { initial: FakeExcelHost }): React.JSX.Element {
  const styles = useStyles();
  const [host, setHost] = React.useState(initial);
  const [generation, setGeneration] = React.useState(0);
  const [version, setVersion] = React.useState(0);
  const [dialogUrl, setDialogUrl] = React.useState<string | null>(null);
  const closeDialog = React.useRef<() => void>(() => undefined);
  const commandsFrame = React.useRef<HTMLIFrameElement>(null);

  // Every Excel.run may have changed the workbook: redraw the sheet after it, when the page is
  // idle. Excel draws its grid in a process of its own (the add-in's frame is another site on the
  // web, another process on desktop), so the sheet's redraw must not sit on the pane's thread when
  // its results arrive.
  React.useMemo(() => {
    const run = host.run.bind(host);
    host.run = async (options, batch) => {
      try {
        return await run(options, batch);
      } finally {
        requestIdleCallback(() => setVersion((v) => v + 1), { timeout: 1000 });
      }
    };
  }, [host]);

  const shared: PreviewShared = {
    host,
    displayLanguage: language,
    officeTheme: dark
      ? { bodyBackgroundColor: "#292929", bodyForegroundColor: "#ffffff" }
      : { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" },
    showDialog: (url) =>
      new Promise((resolve) => {
        closeDialog.current = () => {
          setDialogUrl(null);
          resolve();
        };
        const page = new URL(url);
        setDialogUrl(`preview-dialog.html${page.search}`);
      }),
    closeDialog: () => closeDialog.current(),
  };
  window.objectiveCheckPreview = shared;

  const validate = () => {
    const action =
      commandsFrame.current?.contentWindow?.objectiveCheckOffice?.actions.get("validateObjective");
    void action?.({ completed: () => undefined });
  };
  const open = async (file: File) => {
    setHost(hostFor(new Uint8Array(await file.arrayBuffer()), file.name));
    setGeneration((g) => g + 1);
  };
  const paneSrc = `preview-pane.html?lang=${params.get("lang") ?? "it"}`;
  return (
    <div
      className={styles.page}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        const file = event.dataTransfer.files[0];
        if (file) void open(file);
      }}
    >
      <header className={styles.ribbon}>
        <Text weight="semibold">Objective Check</Text>
        <Button appearance="primary" onClick={validate} data-testid="ribbon-validate">
          {language === "it-IT" ? "Controlla obiettivi" : "Check objectives"}
        </Button>
        <label>
          <Text>
            {language === "it-IT"
              ? "Apri una cartella di lavoro .xlsx: "
              : "Open an .xlsx workbook: "}
          </Text>
          <input
            type="file"
            accept=".xlsx"
            onChange={(event) => event.target.files?.[0] && void open(event.target.files[0])}
          />
        </label>
      </header>
      <main className={styles.sheet} data-version={version}>
        {/* Not keyed by version: a redraw keeps the sheet tab the user chose. */}
        <SheetView
          state={host.state}
          onSelect={(sheet, address) => {
            host.simulateSelect(sheet, address);
            setVersion((v) => v + 1);
          }}
        />
      </main>
      <iframe
        key={`pane-${generation}`}
        className={styles.pane}
        src={paneSrc}
        title="Planning pane"
        data-testid="pane"
      />
      <iframe
        ref={commandsFrame}
        key={`commands-${generation}`}
        src="preview-commands.html"
        title="Ribbon commands"
        hidden
      />
      <Dialog open={dialogUrl !== null}>
        <DialogSurface>
          <DialogBody>
            {dialogUrl !== null ? (
              <iframe
                className={styles.dialogFrame}
                src={dialogUrl}
                title="Objective Check"
                data-testid="dialog"
              />
            ) : null}
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

/**
 * The seed card as it sits in a workbook: in Excel tables (the sample), or
 * as plain ranges under merged titles with a note row (`?workbook=plain`;
 * `plain-merged` also merges the indicators' Tipo down both rows, which
 * Converti in tabelle refuses).
 */
const SAMPLES: Readonly<Record<string, { asset: string; name: string }>> = {
  sample: { asset: "sample.xlsx", name: "2018_ZN12.xlsx" },
  plain: { asset: "2018_ZN12-plain.xlsx", name: "2018_ZN12-plain.xlsx" },
  "plain-merged": { asset: "2018_ZN12-plain-merged.xlsx", name: "2018_ZN12-plain-merged.xlsx" },
};

/** The sample card (or another of SAMPLES), or with ?workbook=empty a workbook with no tables (to try Create planning tables). */
async function initialHost(): Promise<FakeExcelHost> {
  const workbook = params.get("workbook") ?? "sample";
  if (workbook === "empty") {
    const state = emptyWorkbook();
    addSheet(state, "Foglio1");
    return new FakeExcelHost(state, { latencyMs, excelApi: "1.20" });
  }
  const { asset, name } = SAMPLES[workbook] ?? SAMPLES.sample;
  const response = await fetch(`assets/${asset}`);
  const host = hostFor(new Uint8Array(await response.arrayBuffer()), name);
  // The sample is the seed card at its first monitoring date (domain.md §6).
  host.settings.set(SETTINGS_KEY, { asOf: "2018-06-30" });
  host.settings.saveAsync();
  return host;
}

void initialHost().then((initial) =>
  createRoot(document.getElementById("root")!).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <Preview initial={initial} />
    </FluentProvider>
  )
);
