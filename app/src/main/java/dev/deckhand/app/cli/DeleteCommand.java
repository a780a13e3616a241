package dev.deckhand.app.cli;

import dev.deckhand.core.push.ComponentDeleter;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deckhand delete}: removes the component from the cluster, by odo's labels as {@code odo
 * delete} does (owner references take what is left). The folder and its config stay.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete the component from the cluster (the local folder is kept).")
final class DeleteCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    Path dir = context.folder();
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = ClusterConnection.open()) {
      ComponentRef c = ComponentRef.of(dir, client);
      String what = c.names().name() + " in namespace " + c.namespace();
      if (!yes) {
        if (System.console() == null) {
          throw new CliException("deleting " + what + " needs confirmation: add --yes");
        }
        String answer = System.console().readLine("Delete %s? [y/N] ", what);
        if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
          out.println("Nothing deleted.");
          return 1;
        }
      }
      new ComponentDeleter(client).delete(dir, c.names(), c.namespace());
      out.println("Deleted " + what);
      return 0;
    }
  }
}
