/** Jest for the browser run only (`npm run test:e2e`): builds, serves and drives Chromium. */

module.exports = {
  rootDir: "../..",
  // Jest's own cache beside the project, not in the system's temp folder.
  cacheDirectory: "<rootDir>/node_modules/.cache/jest-e2e",
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.ts"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        tsconfig: {
          module: "commonjs",
          moduleResolution: "node",
          jsx: "react-jsx",
          isolatedModules: true,
        },
      },
    ],
  },
  testTimeout: 180000,
};
