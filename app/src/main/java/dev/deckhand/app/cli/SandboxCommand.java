package dev.deckhand.app.cli;

import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxBusyException;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.api.Flavour;
import dev.deckhand.sandbox.api.KubeconfigMerge;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code deckhand sandbox}: runs the embedded local cluster in the foreground. */
@Command(
    name = "sandbox",
    mixinStandardHelpOptions = true,
    subcommands = SandboxImagesCommand.class,
    description = {
      "Run Deckhand's local cluster: a Kubernetes API on 127.0.0.1 whose pods run in podman.",
      "Prints the kubeconfig to use; Ctrl-C stops it and removes its podman pods."
    })
final class SandboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", description = "API port (default: a free one).")
  int port;

  @Option(
      names = "--openshift",
      description = "Serve the OpenShift APIs too (DeploymentConfig, Route, ImageStream).")
  boolean openshift;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description = "Where the kubeconfig goes (default: ~/.local/share/deckhand/sandbox).")
  Path dataDir;

  @Option(names = "--clean", description = "Also remove the PVC volumes when stopping.")
  boolean clean;

  @Option(
      names = "--pvc-bind-delay",
      paramLabel = "MS",
      description = "How long a new PVC stays Pending before it binds (default: 1500).")
  long pvcBindDelayMs = 1500;

  @Option(
      names = "--merge-kubeconfig",
      paramLabel = "FILE",
      arity = "0..1",
      fallbackValue = "",
      description =
          "Also add the context deckhand-sandbox to FILE (default: ~/.kube/config); the"
              + " current context is not changed.")
  String mergeInto;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    SandboxOptions options =
        SandboxOptions.defaults()
            .withPort(port)
            .withFlavour(openshift ? Flavour.OPENSHIFT : Flavour.KUBERNETES)
            .withPvcBindDelay(Duration.ofMillis(pvcBindDelayMs))
            .withHolder("deckhand sandbox");
    if (dataDir != null) {
      options = options.withDataDir(dataDir.toAbsolutePath());
    }
    out.println("Starting the sandbox (building its images the first time takes a few seconds)…");
    out.flush();
    Sandbox sandbox;
    try {
      sandbox = Sandbox.start(options);
    } catch (SandboxBusyException e) {
      throw new CliException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      throw new CliException("the sandbox did not start: " + e.getMessage(), e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close(clean);
                  stopped.countDown();
                },
                "sandbox-stop"));
    if (mergeInto != null) {
      Path target =
          mergeInto.isEmpty()
              ? Path.of(System.getProperty("user.home"), ".kube", "config")
              : Path.of(mergeInto);
      KubeconfigMerge.merge(sandbox.kubeconfig(), target, false);
      out.println("Added context deckhand-sandbox to " + target);
    }
    out.printf(
        "Sandbox cluster (%s) at %s%n", openshift ? "OpenShift APIs" : "Kubernetes", sandbox.url());
    if (sandbox.nodeProblem() != null) {
      out.println("Warning: " + sandbox.nodeProblem() + "; the API serves, pods stay Pending.");
    }
    out.println("Kubeconfig: " + sandbox.kubeconfig());
    out.println("  export KUBECONFIG=" + sandbox.kubeconfig());
    out.println(
        "Ctrl-C stops it and removes its podman pods"
            + (clean ? " and volumes." : " (PVC volumes are kept; --clean removes them)."));
    out.flush();
    stopped.await();
    return 0;
  }
}
