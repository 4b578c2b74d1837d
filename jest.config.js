/** Jest: TypeScript through ts-jest (CommonJS for Node), tests under test/ mirroring src/. */
/* eslint-disable no-undef */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", jsx: "react-jsx", isolatedModules: true } }],
  },
  testTimeout: 60000,
};
