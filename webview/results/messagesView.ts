/** The Messages tab: each statement's messages under its clock time and first line. */
import type { ErrorLocation } from '../../src/engine/ide/errorLocation';
import type { StatementMessages } from '../../src/results/protocol';

/** Puts the editor's cursor on a location. */
export type Reveal = (location: ErrorLocation) => void;

export function messageGroups(groups: readonly StatementMessages[], reveal: Reveal): HTMLElement[] {
  return groups.map((group) => {
    const section = document.createElement('section');
    section.className = 'msg-group';
    const head = document.createElement('div');
    head.className = 'msg-head';
    const time = document.createElement('time');
    time.className = 'msg-time';
    time.dateTime = new Date(group.at).toISOString();
    time.textContent = clock(group.at);
    const statement = document.createElement('span');
    statement.className = 'msg-statement';
    statement.textContent = group.statement;
    statement.title = group.statement;
    head.append(time, statement);
    section.append(head);
    for (const line of group.lines) {
      const p = document.createElement('p');
      p.className = 'message';
      p.textContent = line;
      section.append(p);
    }
    if (group.error !== undefined) section.append(errorLine(group.error, group.location, reveal));
    return section;
  });
}

/** An error; with a location, "Line 7, column 12" before it is a link to it. */
export function errorLine(message: string, location: ErrorLocation | undefined, reveal: Reveal): HTMLElement {
  const p = document.createElement('p');
  p.className = 'error';
  p.textContent = location ? `: ${message}` : message;
  if (!location) return p;
  const link = document.createElement('a');
  link.href = '#';
  link.className = 'location';
  link.textContent = `Line ${location.line}, column ${location.column}`;
  link.title = 'Put the cursor there';
  link.addEventListener('click', (event) => {
    event.preventDefault();
    reveal(location);
  });
  p.prepend(link);
  return p;
}

/** Local time as HH:MM:SS. */
function clock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
