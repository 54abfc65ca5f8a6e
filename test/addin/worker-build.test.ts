import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildWeb } from "../support/web-build";

jest.setTimeout(300_000);

describe("the built engine worker", () => {
  let root: string;
  beforeAll(async () => {
    root = await buildWeb();
  });

  it("carries a hash of its content, and the pane and its preview frame name that very file", () => {
    const workers = readdirSync(root).filter((file) => /^engine-worker\..*js$/.test(file));
    expect(workers).toEqual([expect.stringMatching(/^engine-worker\.[0-9a-f]{8}\.js$/)]);
    const [worker] = workers;
    // The pages are minified: attribute quotes may go.
    for (const page of ["taskpane.html", "preview-pane.html"])
      expect(
        /<meta name="?engine-worker"? content="?([^"\s>]+)/.exec(
          readFileSync(join(root, page), "utf8")
        )?.[1]
      ).toBe(worker);
  });
});
