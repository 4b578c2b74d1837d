// ESLint for the add-in: Microsoft's office-addins rules (load/sync discipline, prettier) for
// every TypeScript file, .tsx included, with React's recommended rules for the task pane.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const [, , officeBlock] = officeAddins.configs.recommended;

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**"] },
  ...officeAddins.configs.react,
  {
    ...officeBlock,
    files: ["**/*.{ts,tsx}"],
    languageOptions: { ...officeBlock.languageOptions, parser: tsParser, ecmaVersion: 2022 },
    settings: { react: { version: "18" } },
    rules: {
      ...officeBlock.rules,
      // TypeScript checks names; ESLint's no-undef does not know DOM, Office or Node globals.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The load/sync rules are about Office.js proxies; elsewhere (ExcelJS rows, plain objects)
    // they only see look-alike property names.
    files: ["src/engine/**", "src/functions/**", "src/workbook/**", "src/xlsx/**", "src/cli/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
    },
  },
];
