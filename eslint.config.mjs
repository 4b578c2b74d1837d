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
];
