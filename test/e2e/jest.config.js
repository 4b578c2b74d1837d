/** Jest for the browser run only (`npm run test:e2e`): builds, serves and drives Chromium. */

module.exports = {
  rootDir: "../..",
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
