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
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pushes that once wedged a component (issue 10), timed against a raw podman one-liner doing
 * the same work in the same container, interleaved in one run: deleting N files (once a 414 from
 * the API server) and adding N files with hostile names (once "missing e.g. café.txt"). Deckhand's
 * number is its sync stage (the one exec that deletes, extracts and verifies; assemble is not part
 * of the comparison). Run by {@code bench/hostile-bench.sh}.
 */
public final class HostileSyncBenchmark {
  private HostileSyncBenchmark() {}

  public static void main(String[] args) throws Exception {
    int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path folder = dev.deckhand.sandbox.e2e.SampleApp.create("hostile", null);
    try (Sandbox sandbox =
            Sandbox.start(
                SandboxOptions.defaults()
                    .withDataDir(Files.createTempDirectory("deckhand-hostile-bench"))
                    .withPvcBindDelay(Duration.ofMillis(300)));
        KubernetesClient client = sandbox.newClient()) {
      PushOptions options = PushOptions.defaults().withReuseRunningPod(true);
      check(push(folder, client, options), "first push");
      var pod =
          client.pods().list().getItems().stream()
              .filter(p -> p.getMetadata().getName().startsWith("hostile-app"))
              .findFirst()
              .orElseThrow();
      String container =
          sandbox.podmanNames().container("default", pod.getMetadata().getName(), "hostile-app");

      String copies = String.join(" ", sourceCopies(pod));
      double[] oursDelete = new double[rounds];
      double[] rawDelete = new double[rounds];
      double[] oursAdd = new double[rounds];
      double[] rawAdd = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        // ours: add N hostile names (into /tmp/src; assemble then copies them), delete them all
        List<String> a = hostileNames(files, "ours" + round);
        write(folder, a);
        Timed add = push(folder, client, options);
        check(add, "add " + files + " hostile names");
        oursAdd[round] = add.syncMs;
        deleteAll(folder, a);
        Timed delete = push(folder, client, options);
        check(delete, "delete " + files + " files");
        oursDelete[round] = delete.syncMs;

        // raw add: the same kind of names with tar through podman exec, into /tmp/src
        List<String> c = hostileNames(files, "raw" + round);
        write(folder, c);
        long t0 = System.nanoTime();
        bash(
            "tar -c -f - -C '"
                + folder
                + "' --null -T - | podman exec -i "
                + container
                + " tar -x -f - -C /tmp/src",
            nulList(c));
        rawAdd[round] = (System.nanoTime() - t0) / 1e6;
        bash(
            "podman exec -i " + container + " sh -c 'cd /tmp/src && xargs -0 rm -rf --'",
            nulList(c));
        deleteAll(folder, c);

        // raw delete: files Deckhand put in every source copy, removed by xargs -0 rm in each
        List<String> b = hostileNames(files, "del" + round);
        write(folder, b);
        check(push(folder, client, options), "add " + files + " files to delete raw");
        t0 = System.nanoTime();
        bash(
            "podman exec -i "
                + container
                + " sh -c 'cat > /tmp/.bench-list && for d in "
                + copies
                + "; do (cd \"$d\" 2>/dev/null && xargs -0 rm -rf -- < /tmp/.bench-list); done;"
                + " rm /tmp/.bench-list'",
            nulList(b));
        rawDelete[round] = (System.nanoTime() - t0) / 1e6;
        deleteAll(folder, b);
        check(push(folder, client, options), "index catches up with the raw delete");
      }
      System.out.printf(
          "files per round %d, rounds %d (names with spaces, newlines, leading dashes, quotes,"
              + " accents, CJK and emoji)%n",
          files, rounds);
      row("add N hostile names", oursAdd, rawAdd);
      row("delete N files", oursDelete, rawDelete);
      System.out.println(
          "ours = Deckhand's sync stage (one exec: delete list and tar through stdin, tar's"
              + " listing verified); raw = tar|podman exec -i tar -x into /tmp/src, and xargs -0 rm"
              + " in the same source copies ("
              + copies
              + "), nothing verified");
    } finally {
      deleteTree(folder);
    }
  }

  private record Timed(PushResult result, double syncMs) {}

  private static Timed push(Path folder, KubernetesClient client, PushOptions options)
      throws InterruptedException {
    double[] sync = {Double.NaN};
    PushResult r =
        new PushSession(
                folder,
                client,
                Platform.SANDBOX,
                options,
                e -> {
                  if (e instanceof PushEvent.StageCompleted c && c.stage() == Stage.SYNC) {
                    sync[0] = c.duration().toNanos() / 1e6;
                  }
                })
            .run();
    return new Timed(r, sync[0]);
  }

  private static void check(Timed t, String what) {
    if (!t.result().success()) {
      throw new IllegalStateException(what + ": " + t.result().summary());
    }
  }

  /** N names under a few directories, every tenth one as hostile as a file system allows. */
  static List<String> hostileNames(int n, String tag) {
    String[] shapes = {
      "café %d.txt",
      "-rf %d",
      "line\nbreak %d",
      "quote ' \" %d",
      "日本語 %d.md",
      "emoji 🚀 %d",
      "back\\slash %d",
      "tab\tand  spaces %d",
      "dollar $HOME %d",
      "plain-%d.js"
    };
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(
          "bench-" + tag + "/d" + (i % 50) + "/" + String.format(shapes[i % shapes.length], i));
    }
    return names;
  }

  private static void write(Path folder, List<String> names) throws Exception {
    for (String name : names) {
      Path p = folder.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, name);
    }
  }

  private static void deleteAll(Path folder, List<String> names) throws Exception {
    for (String name : names) {
      Files.deleteIfExists(folder.resolve(name));
    }
    deleteTree(folder.resolve(names.get(0)).getParent().getParent());
  }

  private static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static byte[] nulList(List<String> names) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : names) {
      out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
      out.write(0);
    }
    return out.toByteArray();
  }

  /** The folders a deletion must reach: ODO_S2I_* source copies, as odo's scripts make them. */
  private static List<String> sourceCopies(io.fabric8.kubernetes.api.model.Pod pod) {
    java.util.Map<String, String> env = new java.util.HashMap<>();
    pod.getSpec().getContainers().get(0).getEnv().forEach(v -> env.put(v.getName(), v.getValue()));
    java.util.Set<String> dirs = new java.util.LinkedHashSet<>();
    for (String key :
        List.of(
            "ODO_S2I_SRC_BIN_PATH",
            "ODO_S2I_DEPLOYMENT_DIR",
            "ODO_S2I_WORKING_DIR",
            "ODO_SRC_BACKUP_DIR")) {
      String v = env.get(key);
      if (v != null && !v.isBlank()) {
        String d = v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
        dirs.add(d.endsWith("/src") ? d : d + "/src");
      }
    }
    dirs.add("/tmp/src");
    return new ArrayList<>(dirs);
  }

  private static void bash(String command, byte[] stdin) throws Exception {
    Process p =
        new ProcessBuilder("bash", "-o", "pipefail", "-c", command)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin);
    }
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  private static void row(String what, double[] ours, double[] raw) {
    System.out.printf(
        "%-22s ours p50 %6.0f ms max %6.0f ms | raw p50 %6.0f ms max %6.0f ms | ratio p50 %.2f%n",
        what, p50(ours), max(ours), p50(raw), max(raw), p50(ours) / p50(raw));
  }

  private static double p50(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    return s[(s.length - 1) / 2];
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }
}
