/** The Messages tab: each statement's messages under its clock time and first line. */
import type { StatementMessages } from '../../src/results/protocol';

export function messageGroups(groups: readonly StatementMessages[]): HTMLElement[] {
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
    return section;
  });
}

/** Local time as HH:MM:SS. */
function clock(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':');
}
