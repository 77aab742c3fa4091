/**
 * The keys a player expects: Delete, Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y), Ctrl+C / Ctrl+V,
 * Ctrl+A, F to fit the view, and Space to run. Keys typed into a field stay in the field.
 */
export interface ShortcutActions {
  remove(): void;
  undo(): void;
  redo(): void;
  copy(): void;
  paste(): void;
  selectAll(): void;
  fit(): void;
  run(): void;
}

/** The element that really has the key: inside a node's shadow root, not its host. */
function origin(event: KeyboardEvent): Element | null {
  const first = event.composedPath()[0];
  return first instanceof Element ? first : null;
}

function typing(element: Element | null): boolean {
  if (!element) return false;
  if (element instanceof HTMLInputElement)
    return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(element.type);
  return (
    element instanceof HTMLTextAreaElement ||
    element instanceof HTMLSelectElement ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

/** Listens on the document; returns the function that stops listening. */
export function bindShortcuts(actions: ShortcutActions): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey) return;
    const target = origin(event);
    if (typing(target) || target?.closest('dialog[open]')) return;
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key.toLowerCase();
    let handled = true;
    if (mod && key === 'z' && !event.shiftKey) actions.undo();
    else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) actions.redo();
    else if (mod && key === 'c') actions.copy();
    else if (mod && key === 'v') actions.paste();
    else if (mod && key === 'a') actions.selectAll();
    else if (!mod && (key === 'delete' || key === 'backspace')) actions.remove();
    else if (!mod && key === 'f' && !event.shiftKey) actions.fit();
    // Space on a focused button presses the button; anywhere else it runs the wiring.
    else if (
      !mod &&
      key === ' ' &&
      !(target instanceof HTMLButtonElement) &&
      !(target instanceof HTMLAnchorElement)
    )
      actions.run();
    else handled = false;
    if (handled) event.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return () => document.removeEventListener('keydown', onKey);
}
