import type { BenchResults } from './results';
export function renderReport(r: BenchResults, findings?: string): string {
  return `# Benchmarks\n\n${JSON.stringify(r.goals)}\n${findings ?? ''}`;
}
