import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

// office-addin-lint's own set (TypeScript, Prettier, and the office-addins rules that catch sync in loops and reads before load).
export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "test-output/**", "test/fixtures/**"] },
  ...officeAddins.configs.recommended,
  {
    languageOptions: { parser: tseslint.parser },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // TypeScript itself reports undefined names, with the right globals for each file (Node, Jest, DOM).
      "no-undef": "off",
    },
  },
];
