import { workbookSettingsSchema, type WorkbookSettings } from "../../engine/snapshot";
import { partXml } from "./part-xml";
import type { XlsxPackage } from "./xlsx-package";
import { attrByLocalName, findElement, findElements } from "./xml";

/** The add-in's id (manifest.xml <Id>): Office files its document settings under it. */
export const ADDIN_ID = "4fdc2f3e-155d-473b-b090-32fb2a7fca9c";
const SETTINGS_PROPERTY = "objectiveCheck";

/**
 * The settings the add-in stored in the workbook (Office.context.document.settings),
 * so that the command line checks with the same mapping, reference date, plan
 * year and status language as the co-authors. Office keeps them in the
 * webextension parts, each value JSON-encoded. Settings that do not match their
 * schema are ignored as a whole, as the add-in does.
 */
export function readDocumentSettings(pkg: XlsxPackage): WorkbookSettings {
  for (let n = 1; pkg.has(`xl/webextensions/webextension${n}.xml`); n++) {
    const xml = partXml(pkg, `xl/webextensions/webextension${n}.xml`)!;
    const reference = findElement(xml, "reference");
    if (reference === null || attrByLocalName(reference.attrs, "id")?.toLowerCase() !== ADDIN_ID)
      continue;
    const property = findElements(xml, "property").find((p) => p.attrs.name === SETTINGS_PROPERTY);
    if (property === undefined) return {};
    try {
      const parsed = workbookSettingsSchema.safeParse(JSON.parse(property.attrs.value ?? ""));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
  return {};
}
