import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';

/** Reads electron-builder.yml the way electron-builder itself does, and checks it against its schema. */
async function packagingConfig() {
  const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

describe('desktop packaging', () => {
  it('flips the Electron fuses that close ways around the app’s security', async () => {
    const config = await packagingConfig();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('packs the app into an asar (the integrity check and asar-only loading need one)', async () => {
    const config = await packagingConfig();
    expect(config.asar ?? true).not.toBe(false);
  });
});
