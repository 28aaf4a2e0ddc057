/** Command line of `npm run bench [-- --quick] [-- --only engine,turn,memory,cold]`. */
export interface BenchArgs {
  quick: boolean;
  /** Sections to run; all when absent. */
  only?: Set<string>;
}

export const SECTIONS = ['engine', 'scaling', 'turn', 'memory', 'cold'] as const;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const quick = argv.includes('--quick');
  const onlyAt = argv.indexOf('--only');
  const only = onlyAt >= 0 && argv[onlyAt + 1] ? new Set(argv[onlyAt + 1].split(',').map((s) => s.trim())) : undefined;
  if (only) {
    for (const s of only) {
      if (!(SECTIONS as readonly string[]).includes(s))
        throw new Error(`unknown section "${s}"; known: ${SECTIONS.join(', ')}`);
    }
  }
  return { quick, only };
}

export function wants(args: BenchArgs, section: (typeof SECTIONS)[number]): boolean {
  return !args.only || args.only.has(section);
}
