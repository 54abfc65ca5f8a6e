import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

const SCRIPT = readFileSync(
  join(__dirname, "../../src/addin/unsupported/unsupported-host.js"),
  "utf8"
);

/** Runs the inlined check in a page whose window lacks `missing`; returns what the body then shows. */
function run(language: string, missing: string[]): string | undefined {
  const children: { text: string }[] = [];
  const body = {
    get firstChild() {
      return children[0];
    },
    removeChild: () => children.shift(),
    appendChild: (node: { text: string }) => children.push(node),
  };
  const document = {
    readyState: "complete",
    body,
    createTextNode: (text: string) => ({ text }),
    createElement: () => {
      const node = {
        text: "",
        style: {},
        setAttribute: () => undefined,
        appendChild: (t: { text: string }) => (node.text = t.text),
      };
      return node;
    },
  };
  const window: Record<string, unknown> = {
    document,
    navigator: { language },
    Promise,
    fetch: () => undefined,
    Symbol,
  };
  for (const name of missing) delete window[name];
  runInNewContext(SCRIPT, { window, Function });
  return children[0]?.text;
}

describe("the check for webviews too old for the add-in", () => {
  it("leaves a modern page alone", () => {
    expect(run("it-IT", [])).toBeUndefined();
  });

  it("says in Italian, without Promise (Internet Explorer 11), which Excel the add-in needs", () => {
    expect(run("it-IT", ["Promise"])).toMatch(
      /^Questo componente aggiuntivo richiede Excel per Microsoft 365, Excel 2021/
    );
  });

  it("says it in English elsewhere, without fetch or Symbol.asyncIterator", () => {
    expect(run("en-GB", ["fetch"])).toMatch(
      /^This add-in needs Excel for Microsoft 365, Excel 2021/
    );
    expect(run("de-DE", ["Symbol"])).toMatch(/Excel on the web/);
  });

  it("tells a webview that cannot parse the bundles' syntax", () => {
    const children: string[] = [];
    const tooOld = function (...args: string[]) {
      if (/static \{/.test(args[args.length - 1])) throw new SyntaxError("Unexpected token");
      return () => undefined;
    };
    const body = { firstChild: null, appendChild: (n: { text: string }) => children.push(n.text) };
    const document = {
      readyState: "complete",
      body,
      createTextNode: (text: string) => ({ text }),
      createElement: () => ({
        style: {},
        setAttribute: () => undefined,
        appendChild(t: { text: string }) {
          Object.assign(this, t);
        },
      }),
    };
    runInNewContext(SCRIPT, {
      window: { document, navigator: { language: "it" }, Promise, fetch: () => 0, Symbol },
      Function: tooOld,
    });
    expect(children[0]).toMatch(/^Questo componente aggiuntivo/);
  });
});
