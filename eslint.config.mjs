import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

/**
 * Which folder of src may import which (README, "How the code is laid out"):
 * the flow is adapter → WorkbookSnapshot → engine → WritePlan → adapter, and
 * the compiler (a tsconfig per layer) keeps DOM, Node and Office types out of
 * the engine. Folder names are unique in src, so a path segment names a layer.
 */
const layer = (...folders) => `(^|/)(${folders.join("|")})(/|$)`;
const outsideImport = (regex, message) => ({ regex, message });

const IMPORT_BOUNDARIES = {
  "src/engine/**": [
    outsideImport(
      layer("i18n", "adapters", "addin", "cli", "fake-excel", "preview"),
      "The engine imports nothing outside src/engine: hosts and catalogues hand it what it needs."
    ),
    outsideImport(
      "^(?!zod(/|$))[^./]",
      "The engine is pure TypeScript: no Node, DOM or Office.js modules (zod is its one package)."
    ),
  ],
  "src/i18n/**": [
    outsideImport(
      layer("adapters", "addin", "cli", "fake-excel", "preview"),
      "i18n imports only the engine: adapters import their reason codes from i18n."
    ),
    outsideImport("^[^./]", "i18n is plain data and functions: no packages."),
  ],
  "src/adapters/xlsx/**": [
    outsideImport(
      layer("office", "addin", "cli", "fake-excel", "preview"),
      "The .xlsx adapter imports only the engine and i18n."
    ),
  ],
  "src/adapters/office/**": [
    outsideImport(
      layer("xlsx", "addin", "cli", "fake-excel", "preview"),
      "The Office adapter imports only the engine and i18n."
    ),
    outsideImport(
      "^(node:|zlib$|fs$|path$)",
      "The Office adapter runs in the browser: no Node modules."
    ),
  ],
  "src/cli/**": [
    outsideImport(
      layer("office", "addin", "fake-excel", "preview"),
      "The command line imports the .xlsx adapter, the engine and i18n."
    ),
  ],
  "src/report/**": [
    outsideImport(
      layer("adapters", "addin", "cli", "fake-excel", "preview"),
      "The round's report is built from engine results and i18n: it reads no workbook and knows no host."
    ),
  ],
  "src/addin/**": [
    outsideImport(
      layer("xlsx", "cli", "fake-excel", "preview"),
      "The add-in reaches Excel through src/adapters/office only."
    ),
  ],
  "src/fake-excel/**": [
    outsideImport(
      layer("addin", "cli", "preview"),
      "The fake Excel models Excel: it imports no page."
    ),
  ],
};

// The pane's components get Office through props and hooks (PaneActions); only the pane's entry point wires the office adapter in.
const COMPONENTS = ["src/addin/taskpane/**"];
const COMPONENTS_ENTRY = ["src/addin/taskpane/index.tsx"];
const COMPONENT_BOUNDARY = {
  regex: layer("office"),
  allowTypeImports: true,
  message:
    "Components take Office through props and hooks (PaneActions); only index.tsx wires the office adapter in.",
};
const OFFICE_GLOBALS = ["Office", "Excel", "OfficeExtension"].map((name) => ({
  name,
  message: "Components never call Office.js: the office adapter (office-ui, pane-actions) does.",
}));

// office-addin-lint's own set (TypeScript, Prettier, and the office-addins rules that catch sync in loops and reads before load).
export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "test/fixtures/**"] },
  ...officeAddins.configs.recommended,
  // office-addin-lint's set lists no .tsx; this makes the boundaries below hold in the pane's components too.
  {
    files: ["**/*.tsx"],
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    // The core rule misreads TypeScript's parameter names in function types; the TypeScript one below applies.
    rules: { "no-unused-vars": "off" },
  },
  {
    languageOptions: { parser: tseslint.parser },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      // TypeScript itself reports undefined names, with the right globals for each file (Node, Jest, DOM).
      "no-undef": "off",
    },
  },
  ...Object.entries(IMPORT_BOUNDARIES).map(([folder, patterns]) => ({
    files: [folder],
    rules: { "no-restricted-imports": ["error", { patterns }] },
  })),
  {
    files: COMPONENTS,
    ignores: COMPONENTS_ENTRY,
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [...IMPORT_BOUNDARIES["src/addin/**"], COMPONENT_BOUNDARY] },
      ],
      "no-restricted-globals": ["error", ...OFFICE_GLOBALS],
    },
  },
];
