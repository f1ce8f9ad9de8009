import { defineConfig, configDefaults } from 'vitest/config';

export default defineConfig({
  test: {
    // .scratch/ holds work in progress that is not part of the suite.
    exclude: [...configDefaults.exclude, '.scratch/**'],
  },
});
