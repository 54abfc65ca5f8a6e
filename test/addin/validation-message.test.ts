import { validateWorkbook } from "../../src/adapters/office/validate-workbook";
import { ProtectedSheetError } from "../../src/adapters/office/write-workbook";
import { describeFailure, describeOutcome } from "../../src/addin/validation-message";
import { catalogue } from "../../src/i18n";
import { SEED_AS_OF } from "../support/engine";
import { fakeHost } from "../support/fake-host";
import {
  cleanWorkbook,
  seedWorkbook,
  workbook,
  PHASE_HEADERS_WITHOUT_END,
} from "../support/snapshot-builder";

const it_ = catalogue("it");
const en = catalogue("en");
const check = async (snapshot: ReturnType<typeof seedWorkbook>) =>
  validateWorkbook(fakeHost(snapshot, { asOf: "2018-06-30" }), SEED_AS_OF, "it");

describe("what the ribbon command says", () => {
  it("sums up the seed card: one error, columns written", async () => {
    const message = describeOutcome(await check(seedWorkbook()), it_);
    expect(message).toEqual({
      tone: "error",
      text: expect.stringMatching(
        /^1 obiettivo controllato: 1 errore, 0 avvisi\. Colonne di stato aggiornate \(\d+ celle\)\.$/
      ),
    });
  });

  it("says when everything was already up to date, in English too", async () => {
    const host = fakeHost(cleanWorkbook(), { asOf: "2018-06-30" });
    await validateWorkbook(host, SEED_AS_OF, "en");
    const again = await validateWorkbook(host, SEED_AS_OF, "en");
    expect(describeOutcome(again, en)).toEqual({
      tone: "success",
      text: "1 objective checked: 0 errors, 0 warnings. The status columns were already up to date.",
    });
  });

  it("offers to create the tables when there are none", async () => {
    expect(describeOutcome(await check(workbook([])), it_).text).toMatch(
      /Crea tabelle di pianificazione/
    );
  });

  it("names a missing required column and where", async () => {
    const message = describeOutcome(
      await check(
        cleanWorkbook({
          phaseHeaders: PHASE_HEADERS_WITHOUT_END,
        })
      ),
      it_
    );
    expect(message.text).toContain("manca la colonna obbligatoria «Fine prevista»");
    expect(message.text).toContain("(Fasi!A1)");
  });

  it("turns failures into sentences, never stack traces", () => {
    expect(describeFailure(new ProtectedSheetError("Fasi"), it_).text).toMatch(
      /^Il foglio «Fasi» è protetto/
    );
    expect(
      describeFailure(Object.assign(new Error("x"), { code: "GeneralException" }), en).text
    ).toMatch(/\(GeneralException\)/);
    expect(describeFailure(new TypeError("boom"), en).text).toMatch(/unexpected problem \(boom\)/);
  });
});
