import { closeFromDialog } from "../../adapters/office/office-ui";
import { catalogue } from "../../i18n";

/** The result of a ribbon check, shown in a small dialog; plain DOM so the page stays light. */
function render(): void {
  const params = new URLSearchParams(window.location.search);
  const words = catalogue(params.get("lang") === "en" ? "en" : "it");
  document.documentElement.lang = words.language;
  document.title = words.addin.title;
  const tone = params.get("tone") ?? "success";
  const main = document.getElementById("message")!;
  main.className = `message ${tone}`;
  main.textContent = params.get("text") ?? "";
  const close = document.getElementById("close") as HTMLButtonElement;
  close.textContent = words.addin.close;
  close.addEventListener("click", () => closeFromDialog());
  close.focus();
}

Office.onReady(render);
