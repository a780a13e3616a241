package dev.deckhand.app.cli;

import dev.deckhand.core.push.UrlFinder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand url}: where the component answers. */
@Command(name = "url", mixinStandardHelpOptions = true, description = "Print the component's URL.")
final class UrlCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json.")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() throws Exception {
    try (KubernetesClient client = ClusterConnection.open()) {
      ComponentRef c = ComponentRef.of(context.folder(), client);
      String url = UrlFinder.find(client, c.namespace(), c.names().name());
      if (url == null) {
        throw new CliException(
            "no URL for "
                + c.names().name()
                + " in "
                + c.namespace()
                + " (push it first, or add a Url to .odo/config.yaml and push)");
      }
      spec.commandLine()
          .getOut()
          .println(output == OutputFormat.json ? Json.line(Map.of("url", url)) : url);
      return 0;
    }
  }
}
