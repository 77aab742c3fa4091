/**
 * "Open a contract…" in the inbox: play a contract authored as JSON, from a dropped or
 * chosen file, from pasted JSON, or from a pasted Loopwork link. The contract goes through
 * the same loader as the shipped ones, and every problem is listed with its JSON path.
 */
import type { PanelContext } from '../../shell/panels';
import { InputErrors } from '../../model/errors';
import type { Level } from '../../model/level';
import * as loader from '../../model/load';
import { shareHashStart } from '../../share/hashStart';
import { readShareHash, type SharedLink } from '../../share/link';
import type { Outcome } from '../../share/refusal';
import { h, replace } from '../../shell/dom';
import { borrowedIdProblem, campaignLevel } from './campaignLookup';
import { noticeBody } from './notice';
import { openShared } from './openLink';
import './share.css';

/** Contract files are a few kilobytes; anything near this is not one. */
const MAX_FILE_BYTES = 1_000_000;

type Read = Outcome<SharedLink> | { ok: false; title: string; message: string; details: string[] };

function readContractJson(text: string, source: string): Read {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      title: 'This is not a contract file',
      message: `${source} is not valid JSON: ${(error as Error).message}`,
      details: [],
    };
  }
  let level: Level;
  try {
    level = loader.parseLevel(json, source);
  } catch (error) {
    if (!(error instanceof InputErrors)) throw error;
    return {
      ok: false,
      title: 'This contract has mistakes',
      message: `${source} could not be played. Fix these and try again:`,
      details: error.errors.map((e) => e.message),
    };
  }
  const borrowed = borrowedIdProblem({ kind: 'level', level });
  if (borrowed !== null)
    return { ok: false, title: 'This contract cannot be played', message: borrowed, details: [] };
  return { ok: true, value: { kind: 'level', level } };
}

/** Pasted text: a link (anything with a share hash in it) or a contract's JSON. */
function readPasted(text: string): Read {
  const trimmed = text.trim();
  const hashAt = shareHashStart(trimmed);
  if (!trimmed.startsWith('{') && hashAt >= 0) {
    const result = readShareHash(trimmed.slice(hashAt), { findLevel: campaignLevel, loader });
    const borrowed = result?.ok ? borrowedIdProblem(result.value) : null;
    if (borrowed !== null)
      return { ok: false, title: 'This link could not be opened', message: borrowed, details: [] };
    if (result !== null) return result;
  }
  return readContractJson(trimmed, 'the pasted contract');
}

export function mountContractOpener(host: HTMLElement, context: PanelContext): void {
  const open = h(
    'button',
    {
      class: 'btn',
      data: { action: 'open-contract' },
      attrs: {
        title: 'Play a contract from a JSON file or a link (you can also drop a file here)',
      },
      on: { click: () => showDialog() },
    },
    'Open a contract…',
  );
  host.append(open);
  // Dropping a file on the button itself skips the dialog.
  acceptFileDrops(open, (file) => void readFile(file).then((read) => settle(read, null)));

  function settle(read: Read, dialog: HTMLDialogElement | null, errors?: HTMLElement): void {
    if (read.ok) {
      dialog?.close();
      openShared(read.value, context);
      return;
    }
    const content = {
      title: 'title' in read ? read.title : 'This link could not be opened',
      message: read.message,
      details: 'title' in read || read.reason === 'invalid' ? read.details : [],
    };
    if (dialog && errors) replace(errors, noticeBody(content));
    else showDialog(content);
  }

  function showDialog(problem?: {
    title: string;
    message: string;
    details: readonly string[];
  }): void {
    const errors = h('div', {
      class: 'contract-errors',
      attrs: { role: 'alert' },
      data: { testid: 'contract-errors' },
    });
    if (problem) replace(errors, noticeBody(problem));
    const file = h('input', {
      attrs: { type: 'file', accept: '.json,application/json', 'aria-label': 'Contract file' },
    });
    const pasted = h('textarea', {
      class: 'contract-paste mono',
      attrs: {
        rows: 6,
        spellcheck: false,
        'aria-label': 'Contract JSON or link',
        placeholder: 'Or paste a contract’s JSON, or a Loopwork link',
      },
    });
    const drop = h(
      'div',
      { class: 'contract-drop', attrs: { tabindex: 0 } },
      'Drop a contract file (.json) here, or ',
      h('label', { class: 'contract-choose' }, 'choose one', file),
    );
    const dialog = h(
      'dialog',
      { class: 'share-notice contract-opener', data: { testid: 'contract-opener' } },
      h('h2', null, 'Play a custom contract'),
      h(
        'p',
        { class: 'faint' },
        'Contracts written as JSON are checked like the shipped ones and played without touching your progress.',
      ),
      drop,
      pasted,
      errors,
      h(
        'div',
        { class: 'share-notice-actions' },
        h('button', { class: 'btn', on: { click: () => dialog.close() } }, 'Cancel'),
        h(
          'button',
          {
            class: 'btn primary',
            data: { action: 'open-pasted' },
            on: {
              click: () => {
                if (pasted.value.trim() === '') return;
                settle(readPasted(pasted.value), dialog, errors);
              },
            },
          },
          'Open',
        ),
      ),
    );
    const take = (chosen: File): void =>
      void readFile(chosen).then((read) => settle(read, dialog, errors));
    file.addEventListener('change', () => {
      const chosen = file.files?.[0];
      if (chosen) take(chosen);
    });
    acceptFileDrops(drop, take);
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
  }
}

async function readFile(file: File): Promise<Read> {
  if (file.size > MAX_FILE_BYTES)
    return {
      ok: false,
      title: 'This is not a contract file',
      message: `${file.name} is ${Math.round(file.size / 1000)} KB; a contract is a few KB of JSON.`,
      details: [],
    };
  return readContractJson(await file.text(), file.name);
}

function acceptFileDrops(target: HTMLElement, take: (file: File) => void): void {
  target.addEventListener('dragover', (event) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    target.classList.add('dragging');
  });
  target.addEventListener('dragleave', () => target.classList.remove('dragging'));
  target.addEventListener('drop', (event) => {
    target.classList.remove('dragging');
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    take(file);
  });
}
