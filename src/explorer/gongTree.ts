import * as vscode from 'vscode';
import { procedures, tables } from '../gong/catalog';
import type { Column, ParamDef, ProcedureDef, TableDef } from '../gong/catalog/types';
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
        c.description = how;
        return c;
      }
      case 'group':
        return item(node.name, collapsed, 'folder', 'group');
      case 'table': {
        const t = item(node.table.name, collapsed, 'table', 'table', [node.table.description, ...node.table.peculiarities].join('\n\n'));
        const dml = (['insert', 'update', 'delete'] as const).filter((k) => node.table.dml[k]).map((k) => k.toUpperCase());
        t.description = dml.length ? dml.join(', ') : undefined;
        return t;
      }
      case 'column': {
        const c = node.column;
        const filter = node.table.filters.find((f) => f.column === c.name);
        const badges = [c.type, c.key ? 'key' : '', filter ? `Gong filters ${filter.operators.join(' ')}` : '', c.insertOnly ? 'insert-only' : ''].filter(Boolean);
        const i = item(c.name, vscode.TreeItemCollapsibleState.None, c.key ? 'key' : filter ? 'filter' : 'symbol-field', 'column', c.description);
        i.description = badges.join(' · ');
        return i;
      }
      case 'procedures':
        return item('Procedures', collapsed, 'symbol-method', 'procedures');
      case 'procedure':
        return item(node.procedure.name, collapsed, 'symbol-method', 'procedure', node.procedure.description);
      case 'parameter': {
        const p = item(node.param.name, vscode.TreeItemCollapsibleState.None, 'symbol-parameter', 'parameter', node.param.description);
        p.description = `${node.param.type}${node.param.required ? '' : ' (optional)'}`;
        return p;
      }
    }
  }
}

function item(label: string, state: vscode.TreeItemCollapsibleState, icon: string, context: string, tooltip?: string): vscode.TreeItem {
  const i = new vscode.TreeItem(label, state);
  i.iconPath = new vscode.ThemeIcon(icon);
  i.contextValue = context;
  if (tooltip) i.tooltip = tooltip;
  return i;
}
