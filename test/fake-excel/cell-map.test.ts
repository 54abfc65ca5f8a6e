import { CellMap } from "../../src/fake-excel/workbook-state";

const cell = (value: string) => ({ value, numberFormat: "General" });

describe("the fake's cells by row:col key", () => {
  it("answers as a Map of `row:col` keys: get, has, size, delete and iteration", () => {
    const cells = new CellMap();
    cells.set("2:4", cell("a"));
    cells.put(10, 0, cell("b"));
    cells.set("2:4", cell("c"));
    expect(cells.get("2:4")).toEqual(cell("c"));
    expect(cells.at(10, 0)).toEqual(cell("b"));
    expect(cells.has("3:4")).toBe(false);
    expect(cells.size).toBe(2);
    expect(new Map(cells)).toEqual(
      new Map([
        ["2:4", cell("c")],
        ["10:0", cell("b")],
      ])
    );
    expect(cells.delete("2:4")).toBe(true);
    expect(cells.delete("2:4")).toBe(false);
    expect([...cells.keys()]).toEqual(["10:0"]);
    expect(cells.size).toBe(1);
  });

  it("knows its last used row and column after cells come and go", () => {
    const cells = new CellMap();
    expect([cells.lastRow(), cells.lastColumn()]).toEqual([0, -1]);
    cells.put(1, 7, cell("x"));
    cells.put(5, 3, cell("y"));
    expect([cells.lastRow(), cells.lastColumn()]).toEqual([5, 7]);
    cells.remove(1, 7);
    cells.remove(5, 3);
    cells.put(2, 3, cell("z"));
    expect([cells.lastRow(), cells.lastColumn()]).toEqual([2, 3]);
  });
});
