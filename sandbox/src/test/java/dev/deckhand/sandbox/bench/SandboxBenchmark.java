package dev.deckhand.sandbox.bench;

import dev.deckhand.core.catalog.ComponentCatalog;
import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.manifest.ManifestBuilder;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sandbox timings (not a test): start → API ready → first Running odo pod, and the exec round trip
 * through the sandbox's API (fabric8, websocket, podman exec) against a raw {@code podman exec} of
 * the same container, interleaved in the same run. Run by {@code bench/sandbox-bench.sh}.
 */
public final class SandboxBenchmark {
  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long t0 = System.nanoTime();
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withDataDir(Files.createTempDirectory("deckhand-bench"))
                    .withPvcBindDelay(java.time.Duration.ofMillis(1500)));
        KubernetesClient client = sandbox.newClient()) {
      long apiReady = System.nanoTime();
      for (HasMetadata o : manifests()) {
        client.resource(o).inNamespace("default").create();
      }
      Pod pod = null;
      while (pod == null) {
        pod = running(client);
        Thread.sleep(50);
      }
      long running = System.nanoTime();
      System.out.printf("sandbox_start_to_api_ms %.0f%n", ms(apiReady - t0));
      System.out.printf(
          "apply_to_running_odo_pod_ms %.0f (includes the default 1.5 s PVC bind delay)%n",
          ms(running - apiReady));
      System.out.printf("sandbox_start_to_running_odo_pod_ms %.0f%n", ms(running - t0));

      String podName = pod.getMetadata().getName();
      String container =
          sandbox
              .podmanNames()
              .container("default", podName, pod.getSpec().getContainers().get(0).getName());
      double[] viaApi = new double[runs];
      double[] raw = new double[runs];
      for (int i = 0; i < runs + 3; i++) {
        long a = System.nanoTime();
        try (ExecWatch w =
            client
                .pods()
                .withName(podName)
                .writingOutput(new ByteArrayOutputStream())
                .exec("true")) {
          if (w.exitCode().get(30, TimeUnit.SECONDS) != 0) {
            throw new IllegalStateException("exec failed");
          }
        }
        long b = System.nanoTime();
        Process p = new ProcessBuilder("podman", "exec", container, "true").inheritIO().start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("podman exec failed");
        }
        long c = System.nanoTime();
        if (i >= 3) { // the first rounds warm up the JIT and podman's caches
          viaApi[i - 3] = ms(b - a);
          raw[i - 3] = ms(c - b);
        }
      }
      double api = median(viaApi);
      double podman = median(raw);
      System.out.printf("exec_via_sandbox_api_median_ms %.0f (p95 %.0f)%n", api, p95(viaApi));
      System.out.printf("raw_podman_exec_median_ms %.0f (p95 %.0f)%n", podman, p95(raw));
      System.out.printf("exec ratio sandbox/raw = %.2f%n", api / podman);
    }
  }

  private static List<HasMetadata> manifests() throws Exception {
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = "bench";
    s.application = "app";
    s.project = "default";
    s.sourceType = SourceType.LOCAL;
    s.sourceLocation = "./";
    s.ports = List.of("8080/TCP");
    return new ManifestBuilder(s, ComponentCatalog.builtIn().resolve("nodejs"), Platform.SANDBOX)
        .build()
        .all();
  }

  private static Pod running(KubernetesClient client) {
    for (Pod p : client.pods().list().getItems()) {
      if (p.getStatus() != null
          && "Running".equals(p.getStatus().getPhase())
          && p.getStatus().getContainerStatuses().stream()
              .allMatch(c -> Boolean.TRUE.equals(c.getReady()))) {
        return p;
      }
    }
    return null;
  }

  private static double ms(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double p95(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(s.length * 0.95) - 1];
  }
}
