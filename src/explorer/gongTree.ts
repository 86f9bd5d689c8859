import * as vscode from 'vscode';
import { procedures, tables } from '../gong/catalog';
import type { Column, ParamDef, ProcedureDef, TableDef } from '../gong/catalog/types';
import { columnDoc, paramDoc, procedureDoc, tableDoc } from '../engine/ide/docs';
import { activeConnectionName, listConnections, type ConnectionSetting } from '../extension/connectionSettings';

/** What a row of the Gong explorer stands for. */
export type GongNode =
  /** The active connection; `setting` absent for the built-in sandbox. */
  | { kind: 'connection'; name: string; setting?: ConnectionSetting }
  | { kind: 'group'; name: TableDef['group'] }
  | { kind: 'table'; table: TableDef }
  | { kind: 'column'; table: TableDef; column: Column }
  | { kind: 'procedures' }
  | { kind: 'procedure'; procedure: ProcedureDef }
  | { kind: 'parameter'; procedure: ProcedureDef; param: ParamDef };

const GROUPS: TableDef['group'][] = ['Calls', 'Users', 'Settings', 'Library', 'CRM', 'Admin'];

/** Connection → object groups → objects → columns, and Procedures → parameters, all from the catalog. */
export class GongTree implements vscode.TreeDataProvider<GongNode> {
  private readonly changed = new vscode.EventEmitter<GongNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;


  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: GongNode): GongNode[] {
    if (!node) {
      const name = activeConnectionName();
      return [{ kind: 'connection', name, setting: listConnections().find((c) => c.name === name) }];
    }
    switch (node.kind) {
      case 'connection':
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

  getTreeItem(node: GongNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'connection': {
        const expanded = vscode.TreeItemCollapsibleState.Expanded;
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
