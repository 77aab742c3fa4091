/**
 * The code view's word on which machine its prediction uses: the contract's own, or one
 * the player measured with `npm run calibrate` and loaded here ("simulate my machine").
 * A measured machine's prediction is shown beside the contract's; it is never a run, so
 * grades and progress stay the contract's.
 */
import type { SimResult } from '../../engine/result';
import { InputErrors } from '../../model/errors';
import { parseProfile, type MachineProfile } from '../../model/profile';
import type { PanelContext } from '../../shell/panels';
import { h } from '../../shell/dom';

/** Largest profile file read: a real one is under 2 KB. */
const MAX_PROFILE_BYTES = 64 * 1024;

const seconds = (us: number): string => `${(us / 1e6).toFixed(us < 10e6 ? 3 : 1)} s`;

/**
 * Builds the line; `refresh()` predicts again after the wiring changed, `liveChanged()`
 * rewrites it when the contract's own prediction (the live score) arrives or changes.
 */
export function machineLine(context: PanelContext): {
  element: HTMLElement;
  refresh(): void;
  liveChanged(): void;
} {
  const text = h('span', { class: 'code-machine-text', attrs: { 'data-testid': 'code-machine' } });
  const picker = h('input', {
    attrs: { type: 'file', accept: '.json,application/json', hidden: '', 'aria-hidden': 'true' },
  });
  const load = h(
    'button',
    { class: 'btn small', attrs: { type: 'button', 'data-action': 'load-profile' } },
    'Simulate my machine…',
  );
  const drop = h(
    'button',
    { class: 'btn small', attrs: { type: 'button', 'data-action': 'drop-profile', hidden: '' } },
    "Contract's machine",
  );
  const element = h('div', { class: 'code-machine muted' }, text, load, drop, picker);
  let profile: MachineProfile | null = null;
  /** The measured machine's prediction of the current wiring, once it has come back. */
  let predicted: SimResult | null = null;
  let asked = 0;

  /** The measured prediction beside the contract's; the live score may come later, or never. */
  const describe = (on: MachineProfile, result: SimResult): void => {
    const contract = context.live?.ok
      ? ` · the contract's machine: ${seconds(context.live.metrics.makespanUs)}`
      : '';
    text.textContent = result.ok
      ? `Prediction on ${on.name} (Python ${on.python}, measured): ${seconds(result.metrics.makespanUs)}${contract}. Grades stay the contract's.`
      : `On ${on.name} this wiring does not run: ${result.issues[0]?.message ?? 'it has problems'}`;
  };

  const refresh = (): void => {
    drop.hidden = profile === null;
    element.dataset.profile = profile?.name ?? '';
    if (profile === null) {
      text.textContent =
        "Predictions use the contract's machine. Measure yours with npm run calibrate, then load its profile.";
      return;
    }
    const on = profile;
    const ask = ++asked;
    predicted = null;
    text.textContent = `Predicting on ${on.name} (Python ${on.python}, measured)…`;
    context.predictOn(on).then(
      (result) => {
        if (ask !== asked || result === null) return;
        predicted = result;
        describe(on, result);
      },
      (error: unknown) => {
        if (ask === asked)
          text.textContent = `The prediction on ${on.name} failed: ${String(error)}`;
      },
    );
  };

  load.addEventListener('click', () => picker.click());
  drop.addEventListener('click', () => {
    profile = null;
    refresh();
  });
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    picker.value = '';
    if (file === undefined) return;
    if (file.size > MAX_PROFILE_BYTES) {
      context.notify(`${file.name} is too big to be a machine profile.`, 'bad');
      return;
    }
    void file.text().then((body) => {
      try {
        profile = parseProfile(JSON.parse(body) as unknown, file.name);
        refresh();
      } catch (error) {
        // The first problem says enough; a file that is something else entirely has many.
        const why =
          error instanceof InputErrors
            ? (error.errors[0]?.message ?? error.message)
            : (error as Error).message;
        context.notify(`${file.name} is not a machine profile: ${why}`, 'bad');
      }
    });
  });
  refresh();
  const liveChanged = (): void => {
    if (profile !== null && predicted !== null) describe(profile, predicted);
  };

  return { element, refresh, liveChanged };
}
