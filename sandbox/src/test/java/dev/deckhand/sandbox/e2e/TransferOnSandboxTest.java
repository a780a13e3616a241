package dev.deckhand.sandbox.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.deckhand.core.catalog.Platform;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import dev.deckhand.core.index.ComponentIndexer;
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
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What arrives in the container, compared byte for byte with the folder: names of every kind, big
 * deletions, and what a failed sync may leave behind (issue 10, defects 2, 3 and 9).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferOnSandboxTest {
  private static final String NAME = "xfer-app";
  private static final String SRC = "/tmp/src";

  /** Names the OS allows that a command line, a URL or tar's listing could mangle. */
  static final List<String> HOSTILE =
      List.of(
          "café.txt",
          "new\nline.txt",
          "-rf",
          "--version",
          "sp ace s.txt",
          "q'uo\"te`$(touch x)`.txt",
          "😀 emoji.txt",
          "back\\slash",
          "tab\there",
          "*",
          "ÆØÅ ünïcødé ✓ 日本語",
          "DECKHAND-SYNC-OK");

  private Sandbox sandbox;
  private KubernetesClient client;
  private Path folder;
  private final List<PushEvent> events = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    assumeThat(new PodmanCli().available()).as("podman is needed (CI installs it)").isTrue();
    sandbox =
        Sandbox.start(
            SandboxOptions.defaults()
                .withDataDir(Files.createTempDirectory("deckhand-transfer-e2e"))
                .withPvcBindDelay(Duration.ofMillis(200)));
    client = sandbox.newClient();
    folder = SampleApp.create("xfer", null);
    PushResult first = push(false);
    assertThat(first.success()).as(first.summary()).isTrue();
  }

  @AfterAll
  void stop() {
    if (sandbox != null) {
      client.close();
      sandbox.close(true);
    }
  }

  @Test
  @Order(1)
  void everyNameArrivesExactlyAndAnUndecodableOneIsAProblemNotSent() throws Exception {
    assumeThat(System.getProperty("sun.jnu.encoding")).isEqualToIgnoringCase("UTF-8");
    Files.createDirectories(folder.resolve("names/deeper"));
    for (String name : HOSTILE) {
      Files.writeString(folder.resolve(name), "top " + name);
      Files.writeString(folder.resolve("names/deeper").resolve(name), "nested " + name);
    }
    Files.createSymbolicLink(folder.resolve("names/link to café"), Path.of("../café.txt"));
    Trees.shell(folder, "printf 'not utf-8' > \"$(printf 'bad\\377name.txt')\"");

    PushResult r = push(false);

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(indexMessage())
        .contains("; left out: bad\uFFFDname.txt (not synced: the name is not valid UTF-8");
    IndexResult after = new ComponentIndexer(folder, IndexOptions.defaults()).scan();
    assertThat(after.changes().isEmpty()).as("the index recorded what was sent").isTrue();
    assertThat(after.index().contains("bad\uFFFDname.txt")).isFalse();
    assertThat(after.problems()).extracting(ScanProblem::path).containsExactly("bad\uFFFDname.txt");
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));

    PushResult again = push(false);
    assertThat(again.success()).as(again.summary()).isTrue();
    assertThat(again.summary()).contains("No file changes");
  }

  @Test
  @Order(2)
  void deletingTenThousandFilesAndHostileNamesIsOnePushAndTheNextOneWorks() throws Exception {
    Path many = Files.createDirectories(folder.resolve("many"));
    for (int i = 0; i < 10_000; i++) {
      Files.writeString(many.resolve("file-" + i + ".js"), "// " + i + "\n");
    }
    Path hostile = Files.createDirectories(folder.resolve("hostile"));
    for (int i = 0; i < 50; i++) {
      Files.writeString(hostile.resolve(HOSTILE.get(i % HOSTILE.size()) + " " + i), "x");
    }
    PushResult added = push(false);
    assertThat(added.success()).as(added.summary()).isTrue();
    assertThat(added.filesSent()).isEqualTo(10_052);
    System.out.println("adding them: " + stageTimes());

    try (var files = Files.list(many)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    try (var files = Files.list(hostile)) {
      for (Path p : files.toList()) {
        if (!p.getFileName().toString().startsWith("-rf")) {
          Files.delete(p);
        }
      }
    }
    long started = System.nanoTime();
    PushResult deleted = push(false);
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(deleted.success()).as(deleted.summary()).isTrue();
    assertThat(deleted.execs()).isEqualTo(2);
    System.out.printf(
        "deleting 10,000 files and 46 hostile names: %d ms, %d execs; %s%n",
        millis, deleted.execs(), stageTimes());
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));
    assertThat(exec("ls", "-A", "/opt/app-root/src/many")).isEmpty();

    Files.writeString(folder.resolve("after.txt"), "the next push works");
    PushResult next = push(false);
    assertThat(next.success()).as(next.summary()).isTrue();
    PushResult forced = push(true);
    assertThat(forced.success()).as(forced.summary()).isTrue();
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));
  }

  @Test
  @Order(3)
  void aFileFromASyncThatFailedIsDeletedWhenItIsDeletedLocally() throws Exception {
    // The container has a directory where the push sends a file: tar fails on it, after the
    // other file has arrived; the sync fails and the index does not advance.
    exec("sh", "-c", "mkdir -p " + SRC + "/blocker/inside");
    Files.writeString(folder.resolve("blocker"), "a file here, a directory there");
    Files.writeString(folder.resolve("stray.txt"), "arrives, then the sync fails");

    PushResult failed = push(false);

    assertThat(failed.success()).isFalse();
    assertThat(failed.summary()).contains("the sync in the container failed").contains("blocker");
    assertThat(exec("cat", SRC + "/stray.txt")).isEqualTo("arrives, then the sync fails");

    Files.delete(folder.resolve("stray.txt"));
    Files.delete(folder.resolve("blocker"));
    PushResult next = push(false);

    assertThat(next.success()).as(next.summary()).isTrue();
    assertThat(next.full()).isFalse();
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));
  }

  @Test
  @Order(4)
  void aFileFromAPushWhoseAssembleFailedIsDeletedEverywhereWhenDeletedLocally() throws Exception {
    Files.createDirectories(folder.resolve(".s2i/bin"));
    Path assemble = folder.resolve(".s2i/bin/assemble");
    Files.writeString(assemble, "#!/bin/sh\necho 'broken build' >&2\nexit 3\n");
    assemble.toFile().setExecutable(true);
    Files.writeString(folder.resolve("stray2.txt"), "sent by a push whose assemble failed");

    PushResult failed = push(false);

    assertThat(failed.success()).isFalse();
    assertThat(failed.summary()).contains("assemble-and-restart failed (exit 3)");
    Files.delete(folder.resolve("stray2.txt"));
    Files.delete(assemble);
    PushResult next = push(false);

    assertThat(next.success()).as(next.summary()).isTrue();
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));
    assertThat(exec("sh", "-c", "ls -A /opt/app-root/src /opt/app-root/src-backup/src 2>&1"))
        .doesNotContain("stray2.txt");
  }

  @Test
  @Order(5)
  void aContainerThatLostItsFilesGetsEverythingEvenWhenStdinWasNotRead() throws Exception {
    // The sync script exits before reading stdin (delete list and files) and asks for a full
    // push; that must not fail the push.
    exec("sh", "-c", "rm -rf " + SRC + " /tmp/.deckhand-synced");
    Files.writeString(folder.resolve("late.txt"), "x".repeat(200_000));
    Files.delete(folder.resolve("after.txt"));

    PushResult r = push(false);

    assertThat(r.success()).as(r.summary()).isTrue();
    assertThat(r.full()).isTrue();
    assertThat(containerTree()).isEqualTo(Trees.local(folder, Set.of("bad\uFFFDname.txt")));
  }

  private PushResult push(boolean force) throws InterruptedException {
    events.clear();
    PushOptions options = PushOptions.defaults();
    if (force) {
      options = options.withForce(true);
    }
    PushResult r = new PushSession(folder, client, Platform.SANDBOX, options, events::add).run();
    for (PushEvent e : events) {
      if (e instanceof PushEvent.StageFailed f) {
        System.out.println(
            "push failed: " + f.reason() + "\n  | " + String.join("\n  | ", f.logTail()));
      }
    }
    return r;
  }

  private String stageTimes() {
    return events.stream()
        .filter(PushEvent.StageCompleted.class::isInstance)
        .map(PushEvent.StageCompleted.class::cast)
        .map(e -> e.stage().id() + " " + e.duration().toMillis() + " ms (" + e.message() + ")")
        .collect(Collectors.joining(", "));
  }

  private String indexMessage() {
    return events.stream()
        .filter(PushEvent.StageCompleted.class::isInstance)
        .map(PushEvent.StageCompleted.class::cast)
        .filter(e -> e.stage() == Stage.INDEX)
        .map(PushEvent.StageCompleted::message)
        .collect(Collectors.joining("\n"));
  }

  private java.util.Map<String, String> containerTree() throws Exception {
    return Trees.inContainer(client, pod().getMetadata().getName(), NAME, SRC);
  }

  private Pod pod() {
    return client.pods().list().getItems().stream()
        .filter(p -> p.getMetadata().getName().startsWith(NAME))
        .filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .findFirst()
        .orElseThrow();
  }

  private String exec(String... command) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var w =
        client
            .pods()
            .withName(pod().getMetadata().getName())
            .inContainer(NAME)
            .writingOutput(out)
            .exec(command)) {
      w.exitCode().get(30, TimeUnit.SECONDS);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
