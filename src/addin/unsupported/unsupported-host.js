/*
 * Inlined in the head of the pane, the ribbon command's page and the dialog, before the bundles.
 * ES5 on purpose: it must parse and run in Internet Explorer 11 (Trident) and Edge Legacy
 * (EdgeHTML), the webviews of Office 2019 and earlier, where the ES2022 bundles cannot even parse.
 * Its two sentences live here rather than in the i18n catalogues because the catalogues are
 * compiled into those bundles. Sources:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins
 * https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11 (graceful failure message)
 */
(function (window) {
  var document = window.document;
  function modern() {
    if (typeof window.Promise !== "function" || typeof window.fetch !== "function") return false;
    if (typeof window.Symbol !== "function" || !window.Symbol.asyncIterator) return false;
    try {
      // Class static blocks are ES2022, the newest syntax the bundles hold (test/manifest).
      new Function("a", "a ??= a?.b; return class { static { this.a = a; } }");
      // eslint-disable-next-line @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding
    } catch (error) {
      return false;
    }
    return true;
  }
  if (modern()) return;
  var language = String(
    (window.navigator && (window.navigator.language || window.navigator.userLanguage)) || "it"
  );
  var text =
    language.toLowerCase().indexOf("it") === 0
      ? "Questo componente aggiuntivo richiede Excel per Microsoft 365, Excel 2021 o successivo, oppure Excel sul web. " +
        "Questa versione di Office (ad esempio Office 2019 con licenza a volume) usa un browser che non lo può eseguire: " +
        "apra la cartella di lavoro in Excel sul web (SharePoint o OneDrive) oppure chieda l'aggiornamento di Office."
      : "This add-in needs Excel for Microsoft 365, Excel 2021 or later, or Excel on the web. " +
        "This version of Office (for example volume-licensed Office 2019) uses a browser that cannot run it: " +
        "open the workbook in Excel on the web (SharePoint or OneDrive) or ask for Office to be updated.";
  window.objectiveCheckUnsupported = text;
  function show() {
    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    var message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.style.cssText =
      "font-family:'Segoe UI',sans-serif;margin:16px;padding:12px;border-left:4px solid #c50f1f;line-height:1.4";
    message.appendChild(document.createTextNode(text));
    body.appendChild(message);
  }
  // The bundles are deferred and fail to parse or run here; the page is replaced once it has loaded.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})(window);
