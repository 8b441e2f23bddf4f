import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PreparedModel } from '../shared/engine/prepared.ts';

/** What the C reference loop measured and computed in one run. */
export interface ReferenceRun {
  /** Compute time on the CPU (the process's CPU clock), which a busy machine inflates far less than wall time. */
  ms: number;
  wallMs: number;
  firstQuarterMean: number;
  wins: number;
  cost: number;
  firstQuarterSpend: number;
  lostCost: number;
}

export interface ReferenceLoop {
  run(trials: number): ReferenceRun;
  cleanup(): void;
}

/** Why the C loop cannot run this model, or null when it can (it covers open deals with fixed rates only). */
export function referenceUnsupported(p: PreparedModel): string | null {
  if (p.newPipeline) return 'the model has new pipeline';
  if (p.stageBetaA.some((a) => a > 0)) return 'a stage has an uncertain conversion rate';
  if (p.shockCount > 0) return 'the model has shared shocks';
  if (p.dealWindowDays.some((days) => days > 0)) return 'a deal has a forced close window';
  return null;
}

/** The C loop's input: the compiled model's numbers, so both sides run exactly the same model. */
export function referenceInput(p: PreparedModel): string {
  const quarterEnds = Array.from({ length: p.quarterCount }, (_, q) => p.quarterOfDay.lastIndexOf(q) + 1);
  const lines = [`${p.stageCount} ${p.dealCount} ${p.quarterCount} ${p.horizonDays} ${p.seedKey} ${p.histogramBins}`];
  for (let j = 0; j < p.stageCount; j++) {
    lines.push([p.stageMu[j], p.stageSigma[j], p.stageConversion[j], p.stageCostPerDay[j], p.stageEntryCost[j]].map((x) => String(x)).join(' '));
  }
  lines.push(quarterEnds.join(' '));
  for (let i = 0; i < p.dealCount; i++) lines.push(`${p.dealStage[i]} ${p.dealDaysIn[i]} ${p.dealAmount[i]} ${p.dealKey[i]}`);
  return `${lines.join('\n')}\n`;
}

/**
 * Compiles bench/reference-loop.c and writes its input for the model, when gcc is present and the
 * loop covers the model; otherwise says why not.
 */
export function buildReferenceLoop(source: string, p: PreparedModel): ReferenceLoop | string {
  const unsupported = referenceUnsupported(p);
  if (unsupported) return `it covers open deals with fixed rates only, and ${unsupported}`;
  if (!existsSync(source)) return `${source} is missing`;
  if (spawnSync('gcc', ['--version']).status !== 0) return 'gcc is not installed';
  const dir = mkdtempSync(join(tmpdir(), 'forecast-bench-'));
  const binary = join(dir, 'reference-loop');
  execFileSync('gcc', ['-O3', '-march=native', '-o', binary, source, '-lm']);
  const input = join(dir, 'model.txt');
  writeFileSync(input, referenceInput(p));
  return {
    run: (trials) => {
      const out = execFileSync(binary, [input, String(trials)]).toString();
      const match = /^seconds=([\d.]+) q0mean=([\d.]+) wins=([\d.]+) cost=([\d.]+) spend0=([\d.]+) wall=([\d.]+) lost=([\d.]+)/.exec(out);
      if (!match) throw new Error(`unexpected output of the C reference loop: ${out}`);
      return {
        ms: Number(match[1]) * 1000,
        wallMs: Number(match[6]) * 1000,
        firstQuarterMean: Number(match[2]),
        wins: Number(match[3]),
        cost: Number(match[4]),
        firstQuarterSpend: Number(match[5]),
        lostCost: Number(match[7]),
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
