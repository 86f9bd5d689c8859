import * as vscode from 'vscode';
import { procedures, tables } from '../gong/catalog';
import { TABLE_GROUPS, type Column, type ParamDef, type ProcedureDef, type TableDef } from '../gong/catalog/types';
import { columnDoc, paramDoc, procedureDoc, tableDoc } from '../engine/ide/docs';
import { activeConnectionName, listConnections, type ConnectionSetting } from '../extension/connectionSettings';
import { findMirror, type MirrorSetting } from '../extension/mirrorSettings';
import type { MirrorObject } from '../extension/mirrors';
import { mirrorName, objectDescription, objectTooltip } from '../extension/mirrorText';

/** What a row of the Gong explorer stands for. */
export type GongNode =
  /** The active connection; `setting` absent for the built-in sandbox, `mirror` for a mirror connection. */
  | { kind: 'connection'; name: string; setting?: ConnectionSetting; mirror?: MirrorSetting }
  | { kind: 'group'; name: TableDef['group'] }
  /** `mirrored`: the object in a mirror connection, with its rows and last sync. */
  | { kind: 'table'; table: TableDef; mirrored?: MirrorObject }
  /** A line of text (a mirror that cannot be read, or has nothing yet). */
  | { kind: 'message'; text: string; detail?: string }
  | { kind: 'column'; table: TableDef; column: Column }
  | { kind: 'procedures' }
  | { kind: 'procedure'; procedure: ProcedureDef }
  | { kind: 'parameter'; procedure: ProcedureDef; param: ParamDef };

/** The catalog's groups that hold at least one object. */
const GROUPS = TABLE_GROUPS.filter((group) => tables.some((t) => t.group === group));

/**
 * Connection → object groups → objects → columns, and Procedures → parameters, all from the
 * catalog. A mirror connection lists the objects in its mirror, with rows and last sync.
 */
export class GongTree implements vscode.TreeDataProvider<GongNode> {
  private readonly changed = new vscode.EventEmitter<GongNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly mirrorObjects: (name: string) => Promise<MirrorObject[]>) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: GongNode): GongNode[] | Promise<GongNode[]> {
    if (!node) {
      const name = activeConnectionName();
      return [{ kind: 'connection', name, setting: listConnections().find((c) => c.name === name), mirror: findMirror(name) }];
    }
    switch (node.kind) {
      case 'connection':
        if (node.mirror) return this.mirrored(node.mirror);
        return [...GROUPS.map((name): GongNode => ({ kind: 'group', name })), { kind: 'procedures' }];
      case 'group':
        return tables.filter((t) => t.group === node.name).map((table) => ({ kind: 'table', table }));
      case 'table':
        return node.table.columns.map((column) => ({ kind: 'column', table: node.table, column }));
      case 'procedures':
        return procedures.map((procedure) => ({ kind: 'procedure', procedure }));
      case 'procedure':
        return node.procedure.params.map((param) => ({ kind: 'parameter', procedure: node.procedure, param }));
      default:
        return [];
    }
  }

  /** The mirror's objects (reading its state, no API call), or why there are none. */
  private async mirrored(mirror: MirrorSetting): Promise<GongNode[]> {
    try {
      const objects = await this.mirrorObjects(mirror.name);
      if (objects.length === 0) return [{ kind: 'message', text: 'Nothing synced yet: run Gong: Sync to Local Mirror…' }];
      return objects.flatMap((mirrored): GongNode[] => {
        const table = tables.find((t) => t.name === mirrored.name);
        return table ? [{ kind: 'table', table, mirrored }] : [];
      });
    } catch (error) {
      return [{ kind: 'message', text: `Cannot read the mirror: ${(error as Error).message}`, detail: mirror.location }];
    }
  }

  getTreeItem(node: GongNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'connection': {
        const expanded = vscode.TreeItemCollapsibleState.Expanded;
        if (node.mirror) {
          const m = item(node.name, expanded, 'database', 'connection.mirror', `Mirror: ${node.mirror.location}. Queries read the mirror, 0 API calls.`);
          m.description = `mirror · ${mirrorName(node.mirror.location)}`;
          return m;
        }
        if (!node.setting) return item(`${node.name} (built-in)`, expanded, 'database', 'connection.sandbox', 'The built-in Gong API sandbox: generated data, no setup.');
        const how = node.setting.kind === 'oauth' ? 'Sign in with Gong' : 'access key';
        const c = item(node.name, expanded, 'database', 'connection.gong', `${node.setting.baseUrl} (${how})`);
        // The host is on the row itself: which Gong a query goes to should not need a hover.
        c.description = `${how} · ${hostOf(node.setting.baseUrl)}`;
        return c;
      }
      case 'group':
        return item(node.name, collapsed, 'folder', 'group');
      case 'table': {
        const { mirrored } = node;
        if (mirrored) {
          // Rows and last sync on the row; the whole state (watermark, error) in the tooltip.
          const failed = mirrored.state && mirrored.state.status !== 'done';
          const tooltip = new vscode.MarkdownString().appendText(objectTooltip(mirrored.name, mirrored.rows, mirrored.state)).appendMarkdown(`\n\n${tableDoc(node.table)}`);
          const m = item(node.table.name, collapsed, failed ? 'warning' : 'table', 'table', tooltip);
          m.description = objectDescription(mirrored.rows, mirrored.state);
          return m;
        }
        // What each statement does is in the tooltip; the row only says that the object takes writes.
        const t = item(node.table.name, collapsed, 'table', 'table', markdown(tableDoc(node.table)));
        if (node.table.dml.insert || node.table.dml.update || node.table.dml.delete) t.description = 'writable';
        return t;
      }
      case 'column': {
        // Short enough for the default sidebar width: the description, the filters Gong
        // evaluates and why an insert-only column reads empty are in the tooltip.
        const { table, column } = node;
        const filtered = table.filters.some((f) => f.column === column.name);
        const icon = column.key ? 'key' : filtered ? 'filter' : column.insertOnly ? 'cloud-upload' : 'symbol-field';
        const i = item(column.name, vscode.TreeItemCollapsibleState.None, icon, 'column', markdown(columnDoc(table, column)));
        i.description = column.key ? `${column.type} · key` : column.type;
        return i;
      }
      case 'procedures':
        return item('Procedures', collapsed, 'symbol-method', 'procedures');
      case 'procedure':
        return item(node.procedure.name, collapsed, 'symbol-method', 'procedure', markdown(procedureDoc(node.procedure)));
      case 'parameter': {
        const p = item(node.param.name, vscode.TreeItemCollapsibleState.None, 'symbol-parameter', 'parameter', markdown(paramDoc(node.procedure, node.param)));
        p.description = `${node.param.type}${node.param.required ? '' : ' (optional)'}`;
        return p;
      }
      case 'message':
        return item(node.text, vscode.TreeItemCollapsibleState.None, 'info', 'message', node.detail);
    }
  }
}

/** Catalog documentation (the same text as the editor's hover), never user input. */
const markdown = (text: string) => new vscode.MarkdownString(text);

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function item(label: string, state: vscode.TreeItemCollapsibleState, icon: string, context: string, tooltip?: string | vscode.MarkdownString): vscode.TreeItem {
  const i = new vscode.TreeItem(label, state);
  i.iconPath = new vscode.ThemeIcon(icon);
  i.contextValue = context;
  if (tooltip) i.tooltip = tooltip;
  return i;
}
