// Where and how the current `vite build` writes: the build plugins that run after
// it (the content script, the popup on its own) follow `--outDir` (the benchmarks
// build older commits into a directory of their own) and `--minify false` (to profile).
import { resolve } from 'node:path';
import type { ResolvedConfig } from 'vite';

export interface BuiltOutput {
  outDir: string;
  minify: boolean;
}

export function builtOutput(config: ResolvedConfig): BuiltOutput {
  return { outDir: resolve(config.root, config.build.outDir), minify: config.build.minify !== false };
}
