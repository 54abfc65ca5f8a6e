/**
 * Headers and table names are matched case-, accent-, space- and
 * punctuation-insensitively (domain.md §2): "Inizio Previsto", "inizio_previsto"
 * and "INIZIO PREVISTO." are the same header.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}
