/**
 * What a results panel restored after a window reload shows: its rows went with the old
 * extension host, so it says so, shows the statement they came from and offers to run it.
 */
export function restoredView(statement: string, rerun: () => void): HTMLElement {
  const view = document.createElement('div');
  view.className = 'restored';
  const note = document.createElement('p');
  note.className = 'status';
  note.textContent = 'Results from before the reload are gone; run the statement again.';
  const text = document.createElement('pre');
  text.className = 'statement';
  text.textContent = statement;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Run';
  button.title = 'Run this statement again on the active connection';
  button.addEventListener('click', rerun);
  view.append(note, text, button);
  return view;
}
