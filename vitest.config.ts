import { defineConfig, configDefaults } from 'vitest/config';

export default defineConfig({
  test: {
    // .scratch/ holds work in progress that is not part of the suite. examples/ are a user's tests of
    // the installed package: test/package/consumers.test.ts runs them in a project of their own.
    exclude: [...configDefaults.exclude, '.scratch/**', 'examples/**'],
  },
});
