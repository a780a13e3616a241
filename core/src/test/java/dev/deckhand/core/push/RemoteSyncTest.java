package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoteSyncTest {
  /** Names the OS allows and a tar listing or a command line could mangle. */
  static final List<String> HOSTILE =
      List.of(
          "café.txt",
          "new\nline",
          "-rf",
          "--help",
          "sp ace s",
          "q'uo\"te`$(x)",
          "😀 emoji",
          "back\\slash",
          "tab\there",
          "*",
          " leading space",
          "trailing space ",
          "DECKHAND-SYNC-OK",
          "\u0001DECKHAND-NEEDS-FULL",
          "é".repeat(60));

  @TempDir Path local;
  @TempDir Path container;
  private S2iPaths paths;
  private LocalShellExec exec;

  @BeforeEach
  void paths() throws IOException {
    paths =
        S2iPaths.from(
            Map.of(
                "ODO_S2I_SRC_BIN_PATH", container.resolve("bin").toString(),
                "ODO_S2I_DEPLOYMENT_DIR", container.resolve("deploy").toString()));
    exec = new LocalShellExec(container.resolve("marker"));
  }

  @Test
  void theCommandDoesNotGrowWithThePlan() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add("some/deep/directory/with a long name/file-" + i + "-" + "x".repeat(100));
    }
    SyncPlan small = new SyncPlan(List.of("a"), List.of("b"), false);
    SyncPlan huge = new SyncPlan(many, many, false);

    int smallLength = String.join(" ", RemoteSync.command(small, paths)).length();
    int hugeLength = String.join(" ", RemoteSync.command(huge, paths)).length();

    assertThat(hugeLength).isEqualTo(smallLength).isLessThan(2048);
    assertThat(String.join(" ", RemoteSync.command(huge, paths))).doesNotContain("file-");
  }

  @Test
  void hostileNamesArriveExactlyAndTheListingConfirmsThem() throws Exception {
    assumeThat(hostTar()).as("GNU tar on this machine").isTrue();
    List<String> send = new ArrayList<>();
    Files.createDirectories(local.resolve("dir"));
    send.add("dir");
    for (String name : HOSTILE) {
      Files.writeString(local.resolve(name), "content of " + name);
      Files.writeString(local.resolve("dir").resolve(name), "nested " + name);
    }
    send.addAll(HOSTILE.stream().sorted().toList());
    send.addAll(HOSTILE.stream().sorted().map(n -> "dir/" + n).toList());
    Files.createSymbolicLink(local.resolve("dir/link"), Path.of("../back\\slash"));
    send.add("dir/link");
    touchMarker();

    RemoteSync.Result r = sync(new SyncPlan(send, List.of(), false));

    assertThat(r.needsFull()).isFalse();
    assertThat(r.entries()).isEqualTo(send.size());
    assertThat(exec.commands).hasSize(1);
    assertThat(tree(container.resolve("bin/src"))).isEqualTo(tree(local));
  }

  @Test
  void tenThousandDeletionsAndHostileOnesGoInOneExec() throws Exception {
    assumeThat(hostTar()).as("GNU tar on this machine").isTrue();
    List<String> delete = new ArrayList<>();
    for (String copy : List.of("bin/src", "deploy/src")) {
      Path dir = Files.createDirectories(container.resolve(copy).resolve("many"));
      for (int i = 0; i < 10_000; i++) {
        Files.writeString(dir.resolve("file-" + i + ".js"), "x");
      }
      for (String name : HOSTILE) {
        Files.writeString(container.resolve(copy).resolve(name), "x");
      }
      Files.writeString(container.resolve(copy).resolve("keep.js"), "kept");
    }
    for (int i = 0; i < 10_000; i++) {
      delete.add("many/file-" + i + ".js");
    }
    delete.addAll(HOSTILE);
    Files.writeString(local.resolve("keep.js"), "new");
    touchMarker();

    sync(new SyncPlan(List.of("keep.js"), delete, false));

    assertThat(exec.commands).hasSize(1);
    for (String copy : List.of("bin/src", "deploy/src")) {
      try (Stream<Path> left = Files.list(container.resolve(copy))) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("many", "keep.js");
      }
      assertThat(container.resolve(copy).resolve("many")).isEmptyDirectory();
    }
    assertThat(container.resolve("bin/src/keep.js")).hasContent("new");
  }

  @Test
  void aDeleteListNeverLeavesTheSourceFolder() throws Exception {
    assumeThat(hostTar()).as("GNU tar on this machine").isTrue();
    Files.createDirectories(container.resolve("bin/src"));
    Path outside = Files.writeString(container.resolve("bin/outside.txt"), "precious");
    Path gone = Files.writeString(container.resolve("bin/src/gone.txt"), "x");
    touchMarker();

    sync(
        new SyncPlan(
            List.of(), List.of("../outside.txt", "", ".", "a/../..", "/etc", "gone.txt"), false));

    assertThat(outside).hasContent("precious");
    assertThat(container.resolve("bin/src")).exists();
    assertThat(gone).doesNotExist();
  }

  @Test
  void aListingThatDiffersEitherWayIsNotAConfirmation() {
    SyncPlan plan = new SyncPlan(List.of("café.txt"), List.of(), false);
    TarStreamer.Sent sent = new TarStreamer.Sent(1, 5, 10240);

    assertThatThrownBy(
            () ->
                RemoteSync.verify(
                    plan, sent, TarListing.parse("cafe.txt\n".getBytes()), "Total bytes read: 0"))
        .hasMessageContaining("not sent: cafe.txt");
    assertThatThrownBy(() -> RemoteSync.verify(plan, sent, TarListing.parse(new byte[0]), ""))
        .hasMessage("the container listed 0 of 1 entries sent (missing e.g. café.txt)");
  }

  @Test
  void anIncrementalSyncIntoAContainerThatLostItsFilesAsksForAFullOne() throws Exception {
    assumeThat(hostTar()).as("GNU tar on this machine").isTrue();
    Files.writeString(local.resolve("a.js"), "a");

    RemoteSync.Result r = sync(new SyncPlan(List.of("a.js"), List.of("gone.js"), false));

    assertThat(r.needsFull()).isTrue();
    assertThat(container.resolve("bin/src/a.js")).doesNotExist();
  }

  @Test
  void aFailedSyncSaysWhichFileAndWhy() throws Exception {
    assumeThat(hostTar()).as("GNU tar on this machine").isTrue();
    Files.createDirectories(container.resolve("bin/src/blocker/inside"));
    Files.writeString(local.resolve("blocker"), "a file here, a directory there");
    Files.writeString(local.resolve("other.txt"), "x");
    touchMarker();

    assertThatThrownBy(() -> sync(new SyncPlan(List.of("blocker", "other.txt"), List.of(), false)))
        .hasMessageStartingWith("the sync in the container failed (exit 2): tar: blocker: ")
        .hasMessageNotContaining("Exiting with failure status");
  }

  private RemoteSync.Result sync(SyncPlan plan) throws Exception {
    return RemoteSync.run(exec, local, plan, paths, (f, b) -> {}, Duration.ofSeconds(60));
  }

  private void touchMarker() throws IOException {
    Files.writeString(container.resolve("marker"), "");
  }

  private static boolean hostTar() {
    try {
      Process p = new ProcessBuilder("tar", "--version").redirectErrorStream(true).start();
      return new String(p.getInputStream().readAllBytes()).contains("GNU tar") && p.waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Relative path → content (or "dir"), for comparing two trees. */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        out.put(
            rel,
            Files.isSymbolicLink(p)
                ? "link -> " + Files.readSymbolicLink(p)
                : Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir" : Files.readString(p));
      }
    }
    return out;
  }
}
