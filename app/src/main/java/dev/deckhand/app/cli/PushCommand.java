package dev.deckhand.app.cli;

import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand push}: creates the component if needed and pushes the folder's changes. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update the component on the cluster and push the folder's changes into it,",
      "then run assemble-and-restart. Only changed files are sent, in one exec."
    })
final class PushCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-f", "--force-build"},
      description = "Send every file and rebuild, even when nothing changed.")
  boolean force;

  @Option(names = "--show-log", description = "Show assemble-and-restart's output as it runs.")
  boolean showLog;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: one JSON object per event per line.")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() throws Exception {
    Path dir = context.folder();
    PrintWriter out = spec.commandLine().getOut();
    // Progress goes to stdout; the failure, if any, to stderr, so `push > log` still shows it.
    PushListener listener = EventPrinter.forOneShot(out, output, showLog);
    try (ClusterConnection.Connection cluster = ClusterConnection.connect()) {
      PushResult result =
          new PushSession(
                  dir,
                  cluster.client(),
                  cluster.platform(),
                  PushOptions.defaults().withForce(force),
                  listener)
              .run();
      if (!result.success()) {
        spec.commandLine().getErr().println("deckhand: push failed: " + result.summary());
        return 1;
      }
      return 0;
    }
  }
}
