package dev.deckhand.app.cli;

import dev.deckhand.core.index.ChangeSet;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.Exclusion;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import dev.deckhand.core.index.ScanProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand index}: scans the folder, updates {@code .odo/odo-file-index.json}. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Scan the folder, print what changed since the index was last written, and update",
      ".odo/odo-file-index.json (odo 1.x format). The next push sends changes relative to",
      "this index, so use --dry-run to look without moving the baseline."
    })
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: one object with added, modified, deleted, problems.")
  OutputFormat output = OutputFormat.text;

  @Option(names = "--dry-run", description = "Print the changes; leave the index as it is.")
  boolean dryRun;

  @Override
  public Integer call() throws IOException {
    Path dir = context.folder();
    ComponentIndexer indexer = new ComponentIndexer(dir, IndexOptions.defaults());
    IndexResult result = indexer.scan();
    if (!dryRun) {
      indexer.commit(result);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String warning : result.warnings()) {
      err.println("warning: " + warning);
    }
    if (output == OutputFormat.json) {
      out.println(Json.line(asJson(result)));
    } else {
      printText(out, result);
    }
    out.flush();
    return 0;
  }

  private static Map<String, Object> asJson(IndexResult r) {
    ChangeSet c = r.changes();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("added", c.added());
    json.put("modified", c.modified());
    json.put("deleted", c.deleted());
    json.put("problems", r.problems().stream().map(ScanProblem::path).toList());
    json.put("files", r.index().size());
    json.put(
        "problemDetails",
        r.problems().stream().map(p -> ordered("path", p.path(), "reason", p.reason())).toList());
    json.put(
        "excluded",
        r.exclusions().stream()
            .map(
                e ->
                    ordered(
                        "path",
                        e.path(),
                        "reason",
                        e.reason().name().toLowerCase(java.util.Locale.ROOT),
                        "detail",
                        e.detail() == null ? "" : e.detail()))
            .toList());
    json.put("warnings", r.warnings());
    return json;
  }

  /** Keys in the given order, so the JSON reads the same every time. */
  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static void printText(PrintWriter out, IndexResult r) {
    ChangeSet c = r.changes();
    section(out, "added", '+', c.added());
    section(out, "modified", '~', c.modified());
    section(out, "deleted", '-', c.deleted());
    for (ScanProblem p : r.problems()) {
      out.println("! " + p.path() + ": " + p.reason());
    }
    long secrets =
        r.exclusions().stream().filter(e -> e.reason() == Exclusion.Reason.SECRET).count();
    out.printf(
        "%d entries indexed; %d added, %d modified, %d deleted; %d problems; %d excluded"
            + " (%d secrets)%n",
        r.index().size(),
        c.added().size(),
        c.modified().size(),
        c.deleted().size(),
        r.problems().size(),
        r.exclusions().size(),
        secrets);
  }

  private static void section(PrintWriter out, String title, char mark, List<String> paths) {
    for (String p : paths) {
      out.println(mark + " " + p);
    }
  }
}
