import type { CauseResult, Fix, FixStep, Shell, Verdict } from '../verdict';
import { CommandRefs } from './command-refs';

// The one rendering of a verdict's fix steps, before any medium: which number each step has, which shell
// its command runs in, and where a long command is shown once and later steps refer back to it. The card,
// the plain-text messages and the terminal each only map this structure to their medium and words.

/** Where a step stands, so a later step can point back to it in the view's own words. */
export type StepPlace =
  | { section: 'first' }
  | { section: 'fix' | 'verify'; cause: number; step: number }
  | { section: 'not-checked'; item: number };

/** A command as it is shown, with the shell it runs in. */
interface StepCommand {
  text: string;
  shell?: Shell;
}

/** One step: its words, and either its command or the place where the same command was shown. */
export interface RenderedStep {
  /** 1-based within its list; absent for the single step "Do this first". */
  number?: number;
  text: string;
  command?: StepCommand;
  /** The same long command stands at this earlier place: the view says so instead of repeating it. */
  sameAs?: StepPlace;
}

/** An item the verdict did not check, with the command that would check it. */
export interface RenderedNotChecked extends RenderedStep {
  number: number;
  topic: string;
  how: string;
}

/** A fix: the steps, the click path through the admin center, and how to check that it worked. */
export interface RenderedFix {
  /** 1-based among the causes rendered. */
  number: number;
  steps: RenderedStep[];
  /** The admin center path as one line ("A > B > C"); absent when there is none. */
  clickPath?: string;
  verify: RenderedStep[];
}

/** One cause with its fix. */
export interface RenderedCause extends RenderedFix {
  cause: CauseResult;
}

export interface RenderedSteps {
  first?: RenderedStep;
  causes: RenderedCause[];
  notChecked: RenderedNotChecked[];
}

const CLICK_PATH_SEPARATOR = ' > ';

export interface RenderOptions {
  /** Every command in full, never `sameAs`: for a text read on its own, such as a ticket. */
  repeatCommands?: boolean;
}

/** The CommandRefs of a text that repeats every command. */
class RepeatingRefs extends CommandRefs<StepPlace> {
  override shownAt(): undefined {
    return undefined;
  }
}

function step(
  s: Pick<FixStep, 'powershell' | 'shell'>,
  text: string,
  place: StepPlace,
  refs: CommandRefs<StepPlace>,
): RenderedStep {
  if (!s.powershell) return { text };
  const sameAs = refs.shownAt(s.powershell, place);
  if (sameAs) return { text, sameAs };
  return { text, command: s.shell ? { text: s.powershell, shell: s.shell } : { text: s.powershell } };
}

function numbered(
  list: readonly FixStep[],
  place: (n: number) => StepPlace,
  refs: CommandRefs<StepPlace>,
): RenderedStep[] {
  return list.map((s, i) => ({ number: i + 1, ...step(s, s.text, place(i + 1), refs) }));
}

function fixOf(fix: Fix, n: number, refs: CommandRefs<StepPlace>): RenderedFix {
  const steps = numbered(fix.steps, (s) => ({ section: 'fix', cause: n, step: s }), refs);
  const path = fix.adminCenterPath;
  const verify = numbered(fix.verify, (s) => ({ section: 'verify', cause: n, step: s }), refs);
  return { number: n, steps, ...(path.length ? { clickPath: path.join(CLICK_PATH_SEPARATOR) } : {}), verify };
}

/** One fix on its own (a cause explained without a verdict), numbered as cause 1. */
export function renderFix(fix: Fix, options: RenderOptions = {}): RenderedFix {
  return fixOf(fix, 1, options.repeatCommands ? new RepeatingRefs() : new CommandRefs<StepPlace>());
}

/** The causes that are still open (not ruled out), in the verdict's order: the ones whose fix is shown by default. */
export function openCauses(verdict: Verdict): CauseResult[] {
  return verdict.causes.filter((c) => c.status !== 'ruled-out');
}

/**
 * The fix steps of a verdict in the order every view shows them: the lead's first step, then each of
 * `causes` (numbered 1.. in that order: steps, click path, checks), then what was not checked. A command of
 * REPEAT_MIN_CHARS or more is given once; a later step with the same command gets `sameAs` instead.
 */
export function renderSteps(
  verdict: Verdict,
  causes: readonly CauseResult[] = openCauses(verdict),
  options: RenderOptions = {},
): RenderedSteps {
  const refs = options.repeatCommands ? new RepeatingRefs() : new CommandRefs<StepPlace>();
  const lead = verdict.lead?.first;
  const first = lead ? step(lead, lead.text, { section: 'first' }, refs) : undefined;
  const fixes = causes.map((cause, i): RenderedCause => ({ cause, ...fixOf(cause.fix, i + 1, refs) }));
  const notChecked = (verdict.notChecked ?? []).map((item, i): RenderedNotChecked => {
    const text = `${item.topic}. ${item.how}`;
    const rendered = item.check ? step(item.check, text, { section: 'not-checked', item: i + 1 }, refs) : { text };
    return { ...rendered, number: i + 1, topic: item.topic, how: item.how };
  });
  return { ...(first ? { first } : {}), causes: fixes, notChecked };
}
