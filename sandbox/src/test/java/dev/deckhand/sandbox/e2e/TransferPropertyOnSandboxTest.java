package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.Exclusion;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.index.IndexResult;
import dev.deckhand.core.index.ScanProblem;
import dev.deckhand.core.push.PushOptions;
import dev.deckhand.core.push.PushResult;
import dev.deckhand.core.push.PushSession;
import dev.deckhand.sandbox.Sandbox;
import dev.deckhand.sandbox.SandboxOptions;
import dev.deckhand.sandbox.kubelet.PodmanCli;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Random trees, random edits, pushed one round at a time: after every push the container's source
 * folder equals the local folder minus what the scan leaves out, by type, size, SHA-256 and link
 * target. The seed is printed, and a failure names it; rerun one with {@code
 * -Ddeckhand.property.seed=N}, run longer with {@code -Ddeckhand.property.rounds=200}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferPropertyOnSandboxTest {
  private static final String NAME = "prop-app";
  private static final Set<String> SAMPLE = Set.of("package.json", "server.js", "lib", "public");

  /** Characters names are drawn from: each bucket as likely as the others. */
  private static final int[][] BUCKETS = {
    {'a', 'z'},
    {'0', '9'},
    {' ', '~'},
    {0x01, 0x1f},
    {0xa0, 0x17f},
    {0x370, 0x3ff},
    {0x590, 0x6ff},
    {0x300, 0x36f},
    {0x4e00, 0x4fff},
    {0xac00, 0xacff},
    {0x1f300, 0x1f6ff},
    {0x10000, 0x1007f},
    {0xfffd, 0xfffd},
    {0xe000, 0xe0ff}
  };

  private Sandbox sandbox;
  private KubernetesClient client;
  private Path folder;
  private Random random;
  private long seed;
  private final List<PushEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> log = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available()).as("podman is needed (CI installs it)").isTrue();
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-property-e2e"))
                .withPvcBindDelay(Duration.ofMillis(200)));
    client = sandbox.newClient();
    folder = SampleApp.create("prop", null);
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  void afterEveryPushTheContainerHasExactlyTheFolder() throws Exception {
    seed = Long.getLong("deckhand.property.seed", System.nanoTime());
    int rounds = Integer.getInteger("deckhand.property.rounds", 8);
    random = new Random(seed);
    System.out.println("property seed " + seed + ", " + rounds + " rounds");
    for (int i = 0; i < 25; i++) {
      addSomething();
    }
    for (int round = 0; round < rounds; round++) {
      if (round > 0) {
        int edits = 1 + random.nextInt(8);
        try {
          for (int i = 0; i < edits; i++) {
            editSomething();
          }
        } catch (IOException | RuntimeException e) {
          throw new AssertionError(failure("editing the folder: " + e), e);
        }
      }
      boolean force = round > 0 && random.nextInt(10) == 0;
      log.add("round " + round + (force ? ": push -f" : ": push"));
      PushResult r = push(force);
      assertThat(r.success()).as(failure("push: " + r.summary())).isTrue();
      Map<String, String> expected = Trees.local(folder, leftOut());
      Map<String, String> actual =
          Trees.inContainer(client, pod().getMetadata().getName(), NAME, "/tmp/src");
      assertThat(actual).as(failure("/tmp/src differs from the folder")).isEqualTo(expected);
    }
  }

  private String failure(String what) {
    return what
        + " (seed "
        + seed
        + "; rerun with -Ddeckhand.property.seed="
        + seed
        + ")\n"
        + String.join("\n", log.subList(Math.max(0, log.size() - 60), log.size()));
  }

  /** What the scan leaves out (ignored, secret-looking, unreadable names): never sent. */
  private Set<String> leftOut() throws IOException {
    IndexResult r = new ComponentIndexer(folder, IndexOptions.defaults()).scan();
    Set<String> out = new HashSet<>();
    r.exclusions().stream().map(Exclusion::path).forEach(out::add);
    r.problems().stream().map(ScanProblem::path).forEach(out::add);
    return out;
  }

  // --- random edits -------------------------------------------------------------------------

  private void editSomething() throws IOException {
    switch (random.nextInt(9)) {
      case 0, 1 -> addSomething();
      case 2, 3 -> rewrite();
      case 4 -> delete();
      case 5 -> rename();
      case 6 -> swapKind();
      case 7 -> addLink();
      default -> addDeep();
    }
  }

  private void addSomething() throws IOException {
    Path dir = pick(dirs(), folder);
    if (random.nextInt(4) == 0) {
      Path d = fresh(dir);
      Files.createDirectories(d);
      log.add("mkdir " + rel(d));
    } else {
      Path f = fresh(dir);
      Files.write(f, content());
      log.add("write " + rel(f));
    }
  }

  private void addDeep() throws IOException {
    Path d = pick(dirs(), folder);
    int depth = 2 + random.nextInt(6);
    for (int i = 0; i < depth; i++) {
      d = fresh(d);
    }
    Files.createDirectories(d);
    Path f = fresh(d);
    Files.write(f, content());
    log.add("deep " + rel(f));
  }

  private void rewrite() throws IOException {
    Path f = pick(files(), null);
    if (f == null) {
      addSomething();
      return;
    }
    byte[] old = Files.readAllBytes(f);
    // Same size half the time: only the mtime and the bytes tell the change.
    byte[] now = random.nextBoolean() ? content() : randomBytes(old.length);
    Files.write(f, now);
    log.add("rewrite " + rel(f) + " (" + old.length + " -> " + now.length + " bytes)");
  }

  private void delete() throws IOException {
    List<Path> all = new ArrayList<>(files());
    all.addAll(dirs());
    all.addAll(links());
    Path p = pick(all, null);
    if (p != null) {
      deleteTree(p);
      log.add("delete " + rel(p));
    }
  }

  private void rename() throws IOException {
    List<Path> all = new ArrayList<>(files());
    all.addAll(dirs());
    all.addAll(links());
    Path from = pick(all, null);
    if (from == null) {
      return;
    }
    List<Path> targets = new ArrayList<>(dirs());
    targets.removeIf(d -> d.startsWith(from));
    Path to = fresh(pick(targets, folder));
    Files.move(from, to);
    log.add("rename " + rel(from) + " -> " + rel(to));
  }

  private void swapKind() throws IOException {
    Path f = pick(files(), null);
    if (f != null && random.nextBoolean()) {
      Files.delete(f);
      Files.createDirectories(f);
      Files.write(f.resolve("inside"), content());
      log.add("file -> dir " + rel(f));
      return;
    }
    Path d = pick(dirs(), null);
    if (d != null) {
      deleteTree(d);
      Files.write(d, content());
      log.add("dir -> file " + rel(d));
    }
  }

  private void addLink() throws IOException {
    List<Path> all = new ArrayList<>(files());
    all.addAll(dirs());
    Path target = pick(all, null);
    Path link = fresh(pick(dirs(), folder));
    // Relative and inside the folder; sometimes dangling, which is allowed too.
    Path to =
        target == null || random.nextInt(5) == 0
            ? Path.of("missing-" + random.nextInt(1000))
            : link.getParent().relativize(target);
    if (to.toString().isEmpty()) {
      to = Path.of("."); // the link's own directory
    }
    Files.createSymbolicLink(link, to);
    log.add("link " + rel(link) + " -> " + to);
  }

  private Path fresh(Path dir) {
    for (; ; ) {
      String name = name();
      Path p = dir.resolve(name);
      boolean sampleName = dir.equals(folder) && SAMPLE.contains(name);
      if (!sampleName && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return p;
      }
    }
  }

  /** 1–24 code points from all over Unicode; sometimes a leading dash or dot, never '/' or NUL. */
  private String name() {
    for (; ; ) {
      StringBuilder b = new StringBuilder();
      int kind = random.nextInt(10);
      if (kind == 0) {
        b.append('-');
      } else if (kind == 1) {
        b.append('.');
      }
      int n = 1 + random.nextInt(24);
      for (int i = 0; i < n; i++) {
        int[] bucket = BUCKETS[random.nextInt(BUCKETS.length)];
        int c = bucket[0] + random.nextInt(bucket[1] - bucket[0] + 1);
        if (c != '/') {
          b.appendCodePoint(c);
        }
      }
      String s = b.toString();
      if (!s.equals(".") && !s.equals("..") && s.getBytes(StandardCharsets.UTF_8).length <= 200) {
        return s;
      }
    }
  }

  private byte[] content() {
    int size = random.nextInt(4) == 0 ? 0 : random.nextInt(random.nextBoolean() ? 100 : 70_000);
    return randomBytes(size);
  }

  private byte[] randomBytes(int size) {
    byte[] b = new byte[size];
    random.nextBytes(b);
    return b;
  }

  private <T> T pick(List<T> from, T fallback) {
    return from.isEmpty() ? fallback : from.get(random.nextInt(from.size()));
  }

  private List<Path> files() throws IOException {
    return walk(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS));
  }

  private List<Path> dirs() throws IOException {
    return walk(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
  }

  private List<Path> links() throws IOException {
    return walk(Files::isSymbolicLink);
  }

  /** Entries the test made: the sample app and {@code .odo} stay as they are. */
  private List<Path> walk(java.util.function.Predicate<Path> kind) throws IOException {
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(p -> !p.equals(folder))
          .filter(p -> !SAMPLE.contains(folder.relativize(p).getName(0).toString()))
          .filter(p -> !folder.relativize(p).getName(0).toString().equals(".odo"))
          .filter(kind)
          .sorted()
          .toList();
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> all = Files.walk(p)) {
        for (Path q : all.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(q);
        }
      }
    } else {
      Files.delete(p);
    }
  }

  private String rel(Path p) {
    return Trees.printable(folder.relativize(p).toString());
  }

  private PushResult push(boolean force) throws InterruptedException {
    events.clear();
    PushOptions options = PushOptions.defaults().withForce(force);
    PushResult r = new PushSession(folder, client, Platform.SANDBOX, options, events::add).run();
    if (!r.success()) {
      // The whole assemble log minus its long rm listing: the failing line can be far back.
      List<String> lines = new ArrayList<>();
      for (PushEvent e : events) {
        if (e instanceof PushEvent.LogLine l && !l.text().startsWith("+ rm -fr ")) {
          lines.add("  | " + Trees.printable(l.text()));
        }
      }
      log.add("failed: " + r.summary() + "\n" + String.join("\n", lines));
    }
    return r;
  }

  private Pod pod() {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(NAME))
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .findFirst()
        .orElseThrow();
  }
}
