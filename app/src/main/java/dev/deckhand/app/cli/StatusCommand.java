package dev.deckhand.app.cli;

import dev.deckhand.core.cluster.ErrorClassifier;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.ConfigException;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.manifest.ComponentNames;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.ComponentStatusJson;
import dev.deckhand.core.status.ComponentStatusReader;
import dev.deckhand.core.status.ComponentStatusWatcher;
import dev.deckhand.core.status.ConnectionState;
import dev.deckhand.core.status.ContainerView;
import dev.deckhand.core.status.PodStatusView;
import dev.deckhand.core.status.VolumeClaimView;
import dev.deckhand.core.status.WarningEvent;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deckhand status}: what the component looks like on the cluster. JSON output is one {@link
 * ComponentStatus} object (fields documented there) per line.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show the component on the cluster: URL, pod, init containers, app container, PVC and",
      "recent warnings. With --watch, print a line (or a JSON object) on every change until",
      "Ctrl-C."
    })
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ContextOption context;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "text (default) or json: one object per snapshot, fields as documented.")
  OutputFormat output = OutputFormat.text;

  @Option(names = "--watch", description = "Keep watching and print every change until Ctrl-C.")
  boolean watch;

  /** Tests end a watch after this long; {@code null} means until the process is stopped. */
  Duration watchLimit;

  @Override
  public Integer call() throws ConfigException, InterruptedException {
    Path dir = context.folder();
    ComponentSettings settings = LocalConfigFile.read(dir).settings;
    if (settings.name == null) {
      throw new CliException(LocalConfigFile.pathIn(dir) + ": ComponentSettings.Name is missing");
    }
    ComponentNames names = new ComponentNames(settings.name, settings.applicationOrDefault());
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient client = connect()) {
      String namespace = namespace(settings, client);
      ComponentStatus status = read(client, names, namespace);
      if (!status.exists()) {
        throw new CliException(status.health().text());
      }
      if (!watch) {
        print(out, status);
        return 0;
      }
      return watch(out, client, names, namespace);
    }
  }

  /**
   * The cluster client: the kubeconfig's current context (honours {@code KUBECONFIG} and the {@code
   * kubeconfig} system property). The one place to swap for {@code core.cluster}'s context
   * handling.
   */
  static KubernetesClient connect() {
    return ClusterConnection.open();
  }

  private static String namespace(ComponentSettings settings, KubernetesClient client) {
    if (settings.project != null && !settings.project.isBlank()) {
      return settings.project;
    }
    String ns = client.getNamespace();
    return ns == null || ns.isBlank() ? "default" : ns;
  }

  private static ComponentStatus read(
      KubernetesClient client, ComponentNames names, String namespace) {
    try {
      return ComponentStatusReader.read(client, names, namespace);
    } catch (KubernetesClientException e) {
      String server = client.getMasterUrl().toString().replaceAll("/+$", "");
      throw new CliException(
          "cannot read namespace "
              + namespace
              + ": "
              + ErrorClassifier.classify(e, server).describe(),
          e);
    }
  }

  private int watch(
      PrintWriter out, KubernetesClient client, ComponentNames names, String namespace)
      throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Object lock = new Object();
    try (ComponentStatusWatcher watcher =
        ComponentStatusWatcher.start(
            client,
            names,
            namespace,
            s -> {
              synchronized (lock) {
                printChange(out, s);
              }
            })) {
      Thread hook = new Thread(stop::countDown, "deckhand-status-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        if (watchLimit == null) {
          stop.await();
        } else {
          stop.await(watchLimit.toMillis(), TimeUnit.MILLISECONDS);
        }
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl-C: the JVM is already on its way out.
        }
      }
    }
    return 0;
  }

  private void printChange(PrintWriter out, ComponentStatus s) {
    if (output == OutputFormat.json) {
      out.println(ComponentStatusJson.toJson(s));
    } else {
      StringBuilder line =
          new StringBuilder(LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString())
              .append(' ')
              .append(s.health().state())
              .append(' ')
              .append(s.health().text());
      if (s.connection().state() != ConnectionState.CONNECTED) {
        line.append(" [")
            .append(s.connection().state().name().toLowerCase(java.util.Locale.ROOT))
            .append(s.connection().reason() == null ? "" : ": " + s.connection().reason())
            .append(']');
      }
      out.println(line);
    }
    out.flush();
  }

  private void print(PrintWriter out, ComponentStatus s) {
    if (output == OutputFormat.json) {
      out.println(ComponentStatusJson.toJson(s));
      out.flush();
      return;
    }
    out.printf(
        "%s (app %s) in namespace %s: %s, %s%n",
        s.component(), s.application(), s.namespace(), s.health().state(), s.health().text());
    if (s.connection().state() != ConnectionState.CONNECTED) {
      out.printf("  connection: %s %s%n", s.connection().state(), s.connection().reason());
    }
    if (s.workload() != null) {
      out.printf(
          "  workload:  %s %s, %d/%d ready%n",
          s.workload().kind() == dev.deckhand.core.manifest.WorkloadKind.DEPLOYMENT
              ? "Deployment"
              : "DeploymentConfig",
          s.workload().name(),
          s.workload().readyReplicas(),
          s.workload().desiredReplicas());
    }
    out.printf("  url:       %s%n", s.url() == null ? "(none)" : s.url());
    PodStatusView pod = s.pod();
    if (pod == null) {
      out.println("  pod:       (none)");
    } else {
      out.printf(
          "  pod:       %s %s%s%s%n",
          pod.name(),
          pod.phase(),
          pod.node() == null ? "" : " on " + pod.node(),
          pod.terminating() ? " (terminating)" : "");
      for (ContainerView c : pod.initContainers()) {
        out.println("    init " + container(c));
      }
      for (ContainerView c : pod.containers()) {
        out.println("    app  " + container(c));
      }
    }
    for (PodStatusView other : s.otherPods()) {
      out.printf(
          "  also:      pod %s %s%s%n",
          other.name(), other.phase(), other.terminating() ? " (terminating)" : "");
    }
    for (VolumeClaimView v : s.volumes()) {
      out.printf(
          "  pvc:       %s %s%s%n",
          v.name(), v.phase(), v.reason() == null ? "" : ": " + v.reason());
    }
    if (!s.warnings().isEmpty()) {
      out.println("  warnings:");
      for (WarningEvent w : s.warnings()) {
        out.printf(
            "    %s/%s %s: %s%s%n",
            w.involvedKind(),
            w.involvedName(),
            w.reason(),
            w.message(),
            w.count() > 1 ? " (x" + w.count() + ")" : "");
      }
    }
    out.flush();
  }

  private static String container(ContainerView c) {
    StringBuilder sb = new StringBuilder(c.name()).append(": ").append(c.state());
    if (c.reason() != null) {
      sb.append(" (").append(c.reason()).append(')');
    }
    if (c.exitCode() != null) {
      sb.append(", exit code ").append(c.exitCode());
    }
    if (!c.init() || c.restartCount() > 0) {
      sb.append(", restarts ").append(c.restartCount());
    }
    if (c.lastExitCode() != null) {
      sb.append(", last exit code ").append(c.lastExitCode());
    }
    if (c.message() != null && !c.message().isBlank()) {
      sb.append(": ").append(c.message().lines().findFirst().orElse(""));
    }
    return sb.toString();
  }
}
