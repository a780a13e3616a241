package dev.deckhand.app.cli;

import dev.deckhand.core.cluster.ClusterClients;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.ClusterTimeouts;
import dev.deckhand.core.status.PodLogs;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand logs}: the app container's log (the app's output through supervisord). */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print the app container's log; -f follows it.")
final class LogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new lines.")
  boolean follow;

  @Option(names = "--tail", paramLabel = "N", description = "Only the last N lines.")
  Integer tail;

  @Override
  public Integer call() throws Exception {
    ClusterContext ctx = ClusterConnection.currentContext();
    ClusterTimeouts timeouts = ClusterTimeouts.current();
    ClusterConnection.ensureReachable(ctx, timeouts);
    try (KubernetesClient client = ClusterClients.create(ctx, timeouts)) {
      ComponentRef c = ComponentRef.of(context.folder(), client);
      String name = c.names().name();
      Pod pod =
          PodLogs.currentPod(client, c.names(), c.namespace())
              .orElseThrow(
                  () ->
                      new CliException(
                          "no pod for " + name + " in " + c.namespace() + "; run deckhand push"));
      var log =
          client
              .pods()
              .inNamespace(c.namespace())
              .withName(pod.getMetadata().getName())
              .inContainer(name);
      if (follow) {
        CountDownLatch done = new CountDownLatch(1);
        String podName = pod.getMetadata().getName();
        try (LogWatch w =
            PodLogs.follow(client, c.names(), c.namespace(), podName, tail, System.out)) {
          w.onClose().whenComplete((failure, error) -> done.countDown());
          done.await();
        }
        System.out.flush();
        // The stream ends the same way whatever ended it: ask the server which it was.
        PodLogs.End end =
            PodLogs.whyEnded(
                client,
                ctx,
                timeouts,
                c.names(),
                c.namespace(),
                podName,
                PodLogs.containerId(pod, c.names()));
        if (end.lost()) {
          throw new CliException(end.message() + "; the log stopped");
        }
        spec.commandLine().getErr().println("deckhand: " + end.message() + "; the log ended");
        spec.commandLine().getErr().flush();
      } else {
        String text = tail == null ? log.getLog() : log.tailingLines(tail).getLog();
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
      }
      return 0;
    }
  }
}
