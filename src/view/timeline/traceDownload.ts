/**
 * The timeline's "Trace file" button: the run as a Chrome Trace Event file, to open in
 * ui.perfetto.dev or chrome://tracing beside real profiles. Disabled while there is no
 * trace to give (a metrics-only run, a wiring that cannot run).
 */
import { h } from '../../shell/dom';
import { downloadText } from '../../shell/download';
import { chromeTraceFile } from '../../traceFile/chromeTrace';
import type { RunInput } from '../runInput';

/** `current()` is the run the timeline shows when the player clicks. */
export function traceDownloadButton(current: () => RunInput | null): {
  readonly element: HTMLButtonElement;
  /** Enables the button when there is a trace to give. */
  refresh(): void;
} {
  const traceOf = (input: RunInput | null) =>
    input?.result?.ok === true && input.result.trace !== null ? input.result : null;
  const element = h(
    'button',
    {
      class: 'lw-ctl lw-ctl-text',
      attrs: {
        type: 'button',
        title: 'Save the run as a trace file for ui.perfetto.dev or chrome://tracing',
        'data-testid': 'timeline-trace-file',
      },
      on: {
        click: () => {
          const input = current();
          const result = traceOf(input);
          if (input === null || result === null || result.trace === null) return;
          const contract = input.level?.title ?? 'Custom contract';
          const solution = input.solution?.name ?? 'wiring';
          const file = chromeTraceFile(result.trace, {
            contract,
            solution,
            ...(result.recordedUntilUs === undefined
              ? {}
              : { recordedUntilUs: result.recordedUntilUs }),
          });
          const id = input.level?.id ?? 'run';
          downloadText(`loopwork-${id}-trace.json`, JSON.stringify(file));
        },
      },
    },
    'Trace file',
  );
  return {
    element,
    refresh: () => {
      element.disabled = traceOf(current()) === null;
    },
  };
}
