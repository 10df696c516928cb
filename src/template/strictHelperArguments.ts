/**
 * Handlebars' strict mode checks a mustache's own path but not the arguments of helpers, so a typo in
 * {{quantity fig.qualifer fig.value fig.unit}} would silently drop the qualifier. For our formatting
 * helpers, mark the argument paths strict: a missing field then fails with its file and line (a field
 * that is present but null is fine). Built-ins ({{#if}}, {{#each}}, {{#with}}) keep their lenient
 * lookups, so optional fields can still be tested with {{#if}}.
 */
type Node = { type?: unknown; [key: string]: unknown };

export function makeHelperArgumentsStrict(program: hbs.AST.Program, helperNames: ReadonlySet<string>): void {
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const node = value as Node;
    const isCall = node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression';
    const path = node['path'] as Node | undefined;
    if (isCall && path?.type === 'PathExpression' && helperNames.has(String(path['original']))) {
      const pairs = ((node['hash'] as Node | undefined)?.['pairs'] as Node[] | undefined) ?? [];
      const argumentNodes = [...((node['params'] as Node[] | undefined) ?? []), ...pairs.map((pair) => pair['value'] as Node)];
      for (const argument of argumentNodes) {
        if (argument.type === 'PathExpression') argument['strict'] = true;
      }
    }
    for (const key of ['body', 'program', 'inverse', 'params', 'hash', 'pairs', 'value', 'path']) visit(node[key]);
  };
  visit(program);
}
