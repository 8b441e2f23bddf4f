import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

/** `npm run bench:ui`: the UI timing benchmark, against the same built app and browser as the end-to-end tests. */
export default defineConfig({ ...base, testDir: 'tests/bench', testMatch: '*.bench.ts', timeout: 600_000 });
