/**
 * The layers of src/ and the one-way rule between them, computed from each file's path so that a
 * new file is covered the day it is added (ARCHITECTURE.md: "An arrow never points back up").
 *
 * A file may import files of a lower layer, and files of its own unit. Units of one level are
 * siblings and may not import each other: one face never imports another, and the catalogue,
 * advice/ and the layer decision never import each other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface Layer {
  /** Higher imports lower, never the other way. */
  level: number;
  /** Files of one unit may import each other; units of one level may not. */
  unit: string;
}

/**
 * Top to bottom. `main.ts` is the composition root and may import anything (the faces included);
 * the conversation is shared by the faces and imports none; render/ renders for every face.
 */
const RULES: readonly { unit: string; level: number; matches: (path: string) => boolean }[] = [
  { unit: 'main', level: 10, matches: (p) => p === 'main.ts' || p === 'early-stop.ts' },
  { unit: 'cli', level: 9, matches: (p) => p === 'cli.ts' },
  { unit: 'slack', level: 9, matches: (p) => p.startsWith('slack/') },
  { unit: 'console', level: 9, matches: (p) => p.startsWith('console/') },
  { unit: 'config', level: 8, matches: (p) => p === 'config.ts' },
  // The house rule loader reads files at the edge, for the faces; the engine gets checked data.
  { unit: 'rules', level: 8, matches: (p) => p.startsWith('rules/') },
  { unit: 'render', level: 7, matches: (p) => p.startsWith('render/') },
  // The timeline chart draws a diagnosis's timeline for every face; it reads the contract only.
  { unit: 'chart', level: 7, matches: (p) => p.startsWith('chart/') },
  { unit: 'conversation', level: 6, matches: (p) => p.startsWith('conversation/') },
  // The knowledge base answers questions about the catalogue's causes, so it sits above them.
  { unit: 'knowledge', level: 5, matches: (p) => p.startsWith('advice/knowledge/') },
  { unit: 'diagnose', level: 4, matches: (p) => p === 'diagnose.ts' },
  { unit: 'catalogue', level: 3, matches: (p) => p.startsWith('causes/') || p.startsWith('ranking/') },
  { unit: 'advice', level: 3, matches: (p) => p.startsWith('advice/') },
  { unit: 'layer', level: 3, matches: (p) => p === 'layer.ts' },
  { unit: 'contract', level: 2, matches: (p) => p === 'contract.ts' },
  { unit: 'evidence', level: 1, matches: (p) => p.startsWith('evidence/') },
  { unit: 'vocabulary', level: 0, matches: (p) => p === 'vocabulary.ts' },
];

/** The faces: what people use. Only the composition root may import one. */
export const FACES: ReadonlySet<string> = new Set(['cli', 'slack', 'console']);

/**
 * The scoring and the verdict: `diagnose()` is the one classification module, so nothing else in
 * src/ (a face, the conversation, a cause) may rank hypotheses or pick a winner on its own. The two
 * read each other; eval/ and the tests are outside src/ and may call them.
 */
const SCORING: ReadonlySet<string> = new Set(['ranking/rank.ts', 'ranking/verdict.ts']);
const SCORING_USERS: ReadonlySet<string> = new Set(['diagnose.ts', ...SCORING]);

/** The layer of a file, from its path relative to src/ (forward slashes); undefined when no rule covers it. */
export function layerOf(pathInSrc: string): Layer | undefined {
  const rule = RULES.find((r) => r.matches(pathInSrc));
  return rule ? { level: rule.level, unit: rule.unit } : undefined;
}

export interface ImportEdge {
  /** As written. */
  spec: string;
  /** `import type` / `export type`: erased at compile time. */
  typeOnly: boolean;
}

/** Every module a file imports or re-exports, static or dynamic. */
export function importsOf(file: string): ImportEdge[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const out: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      out.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) {
        out.push({ spec: (node.arguments[0] as ts.StringLiteral).text, typeOnly: false });
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The src/ file a relative import points at (`.ts`, `/index.ts` or as written), or undefined. */
export function resolveImport(srcDir: string, file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(file), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(srcDir, candidate).split(sep).join('/');
  }
  return undefined;
}

/**
 * Why importing `to` from `from` breaks the one-way rule, or undefined when it may. Both are paths
 * relative to src/. `typeOnly` imports count like any other, except that render/ may read the
 * conversation's types (it renders replies for the faces) but never run a conversation. The
 * scoring and the verdict (SCORING) are imported by diagnose.ts alone, types included.
 */
export function violation(from: string, to: string, typeOnly: boolean): string | undefined {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!a || !b) return undefined;
  // Before the unit rules: a cause shares the catalogue unit with ranking/, and main.ts may import anything else.
  if (SCORING.has(to) && !SCORING_USERS.has(from)) return `${from} imports ${to}: only diagnose.ts may rank and decide (diagnose() is the one classification module)`;
  if (a.unit === b.unit) return undefined;
  if (a.unit === 'main') return undefined;
  if (FACES.has(b.unit)) return `${from} (${a.unit}) imports ${to}: only main.ts may import a face`;
  if (a.unit === 'render' && b.unit === 'conversation') {
    return typeOnly ? undefined : `${from} (render) imports ${to} for more than its types: render/ decides nothing`;
  }
  if (a.unit === 'render' && b.level > layerOf('contract.ts')!.level && b.unit !== 'conversation') {
    return `${from} (render) imports ${to} (${b.unit}): render/ reads the contract, not the engine`;
  }
  if (b.level > a.level) return `${from} (${a.unit}) imports ${to} (${b.unit}), which sits above it`;
  if (b.level === a.level) return `${from} (${a.unit}) imports ${to} (${b.unit}), a sibling of the same level`;
  return undefined;
}

/** Every .ts file under a folder. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}
