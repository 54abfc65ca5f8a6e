import { catalogue } from "../../src/i18n";
import { pluralCounter } from "../../src/i18n/plural";

describe("counts with their plural forms", () => {
  it("chooses the form by the language's plural rules", () => {
    const count = pluralCounter("it-IT");
    const forms = { one: "errore", other: "errori" };
    expect([0, 1, 2, 21].map((n) => count(n, forms))).toEqual([
      "0 errori",
      "1 errore",
      "2 errori",
      "21 errori",
    ]);
  });

  it.each([
    [
      "it",
      { objectives: 1, phases: 2, indicators: 2, errors: 1, warnings: 0, accepted: 0 },
      "1 obiettivo, 2 fasi, 2 indicatori: 1 errore, 0 avvisi",
    ],
    [
      "en",
      { objectives: 1, phases: 2, indicators: 2, errors: 1, warnings: 0, accepted: 0 },
      "1 objective, 2 phases, 2 indicators: 1 error, 0 warnings",
    ],
    [
      "it",
      { objectives: 2, phases: 1, indicators: 1, errors: 0, warnings: 1, accepted: 1 },
      "2 obiettivi, 1 fase, 1 indicatore: 0 errori, 1 avviso, 1 avviso accettato",
    ],
    [
      "en",
      { objectives: 2, phases: 1, indicators: 1, errors: 0, warnings: 1, accepted: 3 },
      "2 objectives, 1 phase, 1 indicator: 0 errors, 1 warning, 3 accepted warnings",
    ],
    [
      "it",
      { objectives: 2, phases: 1, indicators: 1, errors: 0, warnings: 0, accepted: 2 },
      "2 obiettivi, 1 fase, 1 indicatore: 0 errori, 0 avvisi, 2 avvisi accettati",
    ],
  ] as const)("sums up a file in %s", (language, counts, text) => {
    expect(catalogue(language).cli.summary(counts)).toBe(text);
  });

  it("counts files, cells and linked problems the same way", () => {
    expect(catalogue("it").cli.total(1, 1, 2, 1)).toBe("1 file: 1 errore, 2 avvisi, 1 illeggibile");
    expect(catalogue("en").cli.total(1, 1, 2, 0)).toBe("1 file: 1 error, 2 warnings");
    expect(catalogue("en").cli.total(3, 0, 1, 2)).toBe(
      "3 files: 0 errors, 1 warning, 2 unreadable"
    );
    expect(catalogue("it").addin.written(1)).toBe("Colonne di stato aggiornate (1 cella).");
    expect(catalogue("en").addin.written(2)).toBe("Status columns updated (2 cells).");
    expect(
      catalogue("it").linkedProblems({ errors: 1, warnings: 2 }, { errors: 0, warnings: 1 })
    ).toBe("Fasi: 1 errore, 2 avvisi; Indicatori: 1 avviso");
  });
});
