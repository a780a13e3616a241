package dev.deckhand.app.cli;

import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.lock.FolderLock;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.ComponentWatch;
import dev.deckhand.core.watch.PushWhenReachable;
import dev.deckhand.core.watch.WatchSettings;
import dev.deckhand.core.watch.Watches;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand watch}: pushes every change of the folder until Ctrl-C. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Push the folder now, then push every change as it happens (debounced), until Ctrl-C.",
      "An edit made during a push lands in exactly one follow-up push."
    })
final class WatchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = "--delay",
      paramLabel = "MS",
      description = "Quiet period before a push, in milliseconds (default: 100).")
  long delayMs = 100;

  @Mixin ReadyTimeoutOption ready;

  @Option(names = "--show-log", description = "Show assemble-and-restart's output.")
  boolean showLog;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: one JSON object per event per line.")
  OutputFormat output = OutputFormat.text;

  @Override
  public Integer call() throws Exception {
    if (delayMs < 0) {
      throw new CliException("--delay must be 0 or more milliseconds");
    }
    Path dir = context.folder();
    PrintWriter out = spec.commandLine().getOut();
    PushListener listener = EventPrinter.of(out, output, showLog);
    // Held until the process ends (the OS lets go of it even when the process is killed).
    FolderLock.Lease lease =
        PushCommand.lock(dir, "deckhand watch", true, spec.commandLine().getErr());
    ClusterConnection.Connection cluster;
    try {
      cluster = ClusterConnection.connect();
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
    KubernetesClient client = cluster.client();
    var platform = cluster.platform();
    PushOptions options =
        PushOptions.defaults().withReuseRunningPod(true).withReadyTimeout(ready.duration());
    CountDownLatch stopped = new CountDownLatch(1);
    Watches watches =
        new Watches(
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(Math.max(1, delayMs))));
    ComponentWatch watch =
        watches.start(
            dir,
            IndexOptions.defaults(),
            // An API outage does not end the watch: the push waits for the server and goes again.
            new PushWhenReachable(
                (ChangeBatch batch) -> {
                  PushResult r = new PushSession(dir, client, platform, options, listener).run();
                  if (output == OutputFormat.text) {
                    out.println("Waiting for something to change in " + dir);
                    out.flush();
                  }
                  if (!r.success()) {
                    throw new IllegalStateException(r.summary());
                  }
                },
                PushWhenReachable.probing(cluster.context(), cluster.timeouts()),
                Duration.ofSeconds(2),
                waiting -> {
                  spec.commandLine().getErr().println("deckhand: watch: " + waiting);
                  spec.commandLine().getErr().flush();
                }),
            new Watches.Events() {
              @Override
              public void onProblem(String problem) {
                spec.commandLine().getErr().println("deckhand: watch: " + problem);
              }
            });
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  watches.close();
                  client.close();
                  lease.close();
                  stopped.countDown();
                },
                "watch-stop"));
    // The first push brings the container up to date: edits made before watch started count.
    watch.pushNow();
    stopped.await();
    return 0;
  }
}
