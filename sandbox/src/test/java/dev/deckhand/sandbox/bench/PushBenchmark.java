package dev.deckhand.sandbox.bench;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * One-file edit → files in the container → new HTTP answer, for Deckhand's push (reusing the
 * running pod, as watch does) and for a raw {@code tar | podman exec -i tar} one-liner plus a
 * podman exec of assemble-and-restart doing the same, interleaved in one run. Run by {@code
 * bench/push-bench.sh}.
 */
public final class PushBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private PushBenchmark() {}

  public static void main(String[] args) throws Exception {
    int edits = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    Path folder = sampleFolder();
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withDataDir(Files.createTempDirectory("deckhand-push-bench"))
                    .withPvcBindDelay(Duration.ofMillis(300)));
        KubernetesClient client = sandbox.newClient()) {
      PushOptions options = PushOptions.defaults().withReuseRunningPod(true);
      PushResult first = new PushSession(folder, client, Platform.SANDBOX, options, e -> {}).run();
      if (!first.success()) {
        throw new IllegalStateException(first.summary());
      }
      String url = first.url();
      var pod =
          client.pods().list().getItems().stream()
              .filter(p -> p.getMetadata().getName().startsWith("bench-app"))
              .findFirst()
              .orElseThrow();
      String container =
          sandbox.podmanNames().container("default", pod.getMetadata().getName(), "bench-app");

      double[] oursFiles = new double[edits];
      double[] oursHttp = new double[edits];
      double[] rawFiles = new double[edits];
      double[] rawHttp = new double[edits];
      int execs = 0;
      long sentContent = 0;
      long sentArchive = 0;
      long changed = 0;
      for (int i = 0; i < edits; i++) {
        // ours
        String text = "module.exports = () => 'ours " + i + "';\n";
        long t0 = System.nanoTime();
        Files.writeString(folder.resolve("lib/greeting.js"), text);
        long[] synced = {0};
        PushResult r =
            new PushSession(
                    folder,
                    client,
                    Platform.SANDBOX,
                    options,
                    e -> {
                      if (e instanceof PushEvent.StageCompleted c && c.stage() == Stage.SYNC) {
                        synced[0] = System.nanoTime();
                      }
                    })
                .run();
        if (!r.success() || r.full()) {
          throw new IllegalStateException("push " + i + ": " + r.summary() + " full=" + r.full());
        }
        awaitAnswer(url, "ours " + i);
        long t1 = System.nanoTime();
        oursFiles[i] = ms(synced[0] - t0);
        oursHttp[i] = ms(t1 - t0);
        execs += r.execs();
        sentContent += r.contentBytes();
        sentArchive += r.bytesSent();
        changed += text.length();

        // raw one-liner doing the same transfer and restart
        text = "module.exports = () => 'raw " + i + "';\n";
        long r0 = System.nanoTime();
        Files.writeString(folder.resolve("lib/greeting.js"), text);
        sh(
            "tar -c -f - -C '"
                + folder
                + "' lib/greeting.js | podman exec -i "
                + container
                + " tar -x -f - -C /tmp/src");
        long r1 = System.nanoTime();
        sh("podman exec " + container + " /opt/odo/bin/assemble-and-restart >/dev/null 2>&1");
        awaitAnswer(url, "raw " + i);
        long r2 = System.nanoTime();
        rawFiles[i] = ms(r1 - r0);
        rawHttp[i] = ms(r2 - r0);
      }
      // The raw edits bypassed the index: one push catches up, so later runs start clean.
      new PushSession(folder, client, Platform.SANDBOX, options, e -> {}).run();

      System.out.printf("edits %d (one-file change, %d bytes each)%n", edits, changed / edits);
      row("edit -> files in container", oursFiles, rawFiles);
      row("edit -> new HTTP answer", oursHttp, rawHttp);
      System.out.printf("execs per push: %.1f (sync 1 + assemble 1)%n", execs / (double) edits);
      System.out.printf(
          "bytes: changed %d, file content sent %d (%.2fx), whole archive incl. tar headers and"
              + " 10240-byte record padding %d%n",
          changed, sentContent, sentContent / (double) changed, sentArchive);
    }
  }

  private static void row(String what, double[] ours, double[] raw) {
    System.out.printf(
        "%-28s ours p50 %5.0f ms p95 %5.0f ms | raw tar|podman exec p50 %5.0f ms p95 %5.0f ms"
            + " | ratio p50 %.2f%n",
        what, p(ours, 50), p(ours, 95), p(raw, 50), p(raw, 95), p(ours, 50) / p(raw, 50));
  }

  private static void awaitAnswer(String url, String expected) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        String body =
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (body.contains(expected)) {
          return;
        }
      } catch (Exception e) {
        // restarting
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("no answer '" + expected + "' at " + url);
  }

  private static void sh(String command) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  private static Path sampleFolder() throws Exception {
    return dev.deckhand.sandbox.e2e.SampleApp.create("bench", null);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static double p(double[] v, int pct) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(s.length * pct / 100.0) - 1)];
  }
}
