// ESLint for the HTML page's script (.ci/eslint_page.py lints the parts in
// dipgraph/exports/templates/js/ joined, as the page inlines them).
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      // vis-network is the page's other inline script; it defines `vis`.
      globals: { ...globals.browser, vis: "readonly" },
    },
  },
];
