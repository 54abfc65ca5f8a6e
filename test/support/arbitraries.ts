import fc from "fast-check";
import type { CellValue, TableSnapshot, WorkbookSnapshot } from "../../src/engine/snapshot";
import { FIELD_SPECS } from "../../src/engine/map/fields";
import { STATUS_COLUMNS } from "../../src/engine/status-columns";

const codes = ["2018_ZN12", " 2018_zn12", "2018_AB01", "2019_XX", "AB", "", " ", "\u00a0"];
const formats = ["General", "0%", "0.00%", "dd/mm/yyyy", "m/d/yyyy", "0.00", "@", "h:mm", '"%"0'];

/** Any cell value whatever, biased towards the shapes planning cards hold. */
export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    ...codes,
    null,
    "70,00",
    "70.00",
    "100%",
    "1.234,5",
    "30/09/2018",
    "31/02/2018",
    "2018-06-30",
    "01.07.2021",
    "=1+1",
    "  "
  ),
  fc.string(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -10, max: 3_000_000 }),
  fc.integer({ min: 43000, max: 44000 }),
  fc.boolean(),
  fc.constantFrom<CellValue>({ error: "#N/A" }, { error: "#VALUE!" }, { error: "#REF!" })
);

const allHeaders = [
  ...Object.values(FIELD_SPECS).flatMap((specs) => specs.flatMap((s) => [...s.headers])),
  ...Object.values(STATUS_COLUMNS).flatMap((specs) =>
    specs.flatMap((s) => [s.headers.it, s.headers.en])
  ),
];

const header = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...allHeaders) },
  { weight: 1, arbitrary: fc.string() }
);

function tableArbitrary(
  name: fc.Arbitrary<string>,
  headers: fc.Arbitrary<string[]>
): fc.Arbitrary<TableSnapshot> {
  return fc
    .record({
      name,
      headers,
      headerRow: fc.integer({ min: 1, max: 20 }),
      firstColumn: fc.integer({ min: 0, max: 10 }),
      rowCount: fc.integer({ min: 0, max: 6 }),
      hasTotalsRow: fc.boolean(),
    })
    .chain((t) =>
      fc
        .record({
          rows: fc.array(
            fc.array(cellValue, { minLength: t.headers.length, maxLength: t.headers.length }),
            { minLength: t.rowCount, maxLength: t.rowCount }
          ),
          formats: fc.array(
            fc.array(fc.constantFrom(...formats), {
              minLength: t.headers.length,
              maxLength: t.headers.length,
            }),
            { minLength: t.rowCount, maxLength: t.rowCount }
          ),
        })
        .map(({ rows, formats: numberFormats }) => ({
          name: t.name,
          sheet: t.name,
          headerRow: t.headerRow,
          firstColumn: t.firstColumn,
          headers: t.headers,
          rows,
          numberFormats,
          hasTotalsRow: t.hasTotalsRow,
        }))
    );
}

/** The domain's headers for a table, some dropped, some user columns added, in any order. */
function domainHeaders(kind: keyof typeof FIELD_SPECS): fc.Arbitrary<string[]> {
  const base: string[] = FIELD_SPECS[kind].map((s) => s.headers[0]);
  return fc
    .tuple(
      fc.subarray(base, { minLength: Math.max(0, base.length - 2) }),
      fc.array(header, { maxLength: 2 })
    )
    .chain(([kept, extra]) =>
      fc.shuffledSubarray([...kept, ...extra], { minLength: kept.length + extra.length })
    )
    .map((headers) => [...new Set(headers)]);
}

export const workbookSnapshot: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  dateSystem: fc.constantFrom<1900 | 1904>(1900, 1904),
  tables: fc
    .tuple(
      tableArbitrary(
        fc.constantFrom("Obiettivi", "tblObjectives", "T1"),
        domainHeaders("objectives")
      ),
      tableArbitrary(fc.constantFrom("Fasi", "Fasi2018", "T2"), domainHeaders("phases")),
      tableArbitrary(fc.constantFrom("Indicatori", "T3"), domainHeaders("indicators")),
      fc.array(
        tableArbitrary(
          fc.string({ minLength: 1, maxLength: 8 }),
          fc.uniqueArray(header, { maxLength: 6 })
        ),
        { maxLength: 1 }
      )
    )
    .map(([o, p, i, rest]) => {
      const tables = [o, p, i, ...rest];
      // Table names are unique in a workbook, as in Excel.
      return tables.filter(
        (t, index) =>
          tables.findIndex((u) => u.name.toLowerCase() === t.name.toLowerCase()) === index
      );
    }),
  settings: fc.record(
    {
      planYear: fc.option(fc.integer({ min: 2000, max: 2030 }), { nil: undefined }),
      statusLanguage: fc.option(fc.constantFrom<"it" | "en">("it", "en"), { nil: undefined }),
    },
    { requiredKeys: [] }
  ),
});
