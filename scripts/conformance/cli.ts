// npm run conformance [DIR] [-- --list CLASS | --verbose] — gongsql's parser against SQLite's
// own test queries (the corpus format is in corpus.ts; default: ../shared/conformance/sqlite).
import { defaultCorpusDir } from './corpus';
import { OUTCOME_LABELS, OUTCOMES, runConformance, type Outcome } from './runner';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose');
  const listAt = args.indexOf('--list');
  const list = listAt >= 0 ? (args[listAt + 1] as Outcome | undefined) : undefined;
  if (list !== undefined && !OUTCOMES.includes(list)) throw new Error(`--list takes one of ${OUTCOMES.join(', ')}`);
  const dir = args.find((a, i) => !a.startsWith('--') && (listAt < 0 || i !== listAt + 1)) ?? defaultCorpusDir();
  if (!dir) throw new Error('No corpus: pass its directory (the default ../shared/conformance/sqlite is absent)');

  const summary = await runConformance(dir);
  console.log(`SQLite conformance: ${summary.queries} queries from ${dir}\n`);
  for (const o of OUTCOMES) console.log(`${String(summary.counts[o]).padStart(7)}  ${OUTCOME_LABELS[o]}  [${o}]`);
  console.log(`${String(summary.falseErrorsExceptTcl).padStart(7)}  of them false syntax errors without TCL-only parameters ($::x, :123, @123)`);
  console.log(`\nparse time, whole corpus: ${summary.parseMs.toFixed(0)} ms`);
  const shown = OUTCOMES.filter((o) => o === list || (verbose && o !== 'bothAccept' && o !== 'bothReject'));
  for (const o of shown) {
    console.log(`\n== ${OUTCOME_LABELS[o]} ==`);
    for (const j of summary.judged.filter((x) => x.outcome === o)) {
      console.log(`${j.query.file}:${j.query.line}${j.tclParameter ? ' (TCL)' : ''}\n  ${j.query.sql.replace(/\s+/g, ' ')}\n  sqlite: ${j.sqlite ?? 'ok'}\n  gongsql: ${j.gongsql ?? 'ok'}`);
    }
  }
  if (verbose) {
    console.log('\n== SQLite errors judged semantic (the syntax is valid) ==');
    for (const [m, n] of [...summary.semanticMessages].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(6)}  ${m}`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
