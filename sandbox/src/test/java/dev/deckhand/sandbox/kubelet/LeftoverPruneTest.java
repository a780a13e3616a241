package dev.deckhand.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leftovers of a killed sandbox go, a running sandbox's objects stay: two owners, one of them a
 * process that has ended, each with a podman pod, a container, an emptyDir and a PVC volume. Both
 * the pruner every sandbox runs at start and the script {@code .ci/run} uses are checked.
 */
class LeftoverPruneTest {
  private static final PodmanCli PODMAN = new PodmanCli();
  private final String tag = Long.toString(ProcessHandle.current().pid(), 36);
  private final List<String> pods = new ArrayList<>();
  private final List<String> containers = new ArrayList<>();
  private final List<String> volumes = new ArrayList<>();
  private String alive;
  private String dead;

  @BeforeAll
  static void podman() throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed").isTrue();
    assumeThat(ProcessOwner.current()).as("/proc is needed").isPresent();
    TestImages.ensureBusybox(PODMAN);
  }

  @BeforeEach
  void owners() throws Exception {
    alive = ProcessOwner.current().orElseThrow();
    Process ended = new ProcessBuilder("sleep", "60").start();
    dead = ProcessOwner.of(ended.pid()).orElseThrow();
    ended.destroy();
    assertThat(ended.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ProcessOwner.isDead(dead)).isTrue();
    assertThat(ProcessOwner.isDead(alive)).isFalse();
  }

  @AfterEach
  void removeWhatIsLeft() throws Exception {
    for (String p : pods) {
      PODMAN.run(List.of("pod", "rm", "-f", "-t", "0", p), 60);
    }
    for (String c : containers) {
      PODMAN.run(List.of("rm", "-f", "-t", "0", c), 60);
    }
    for (String v : volumes) {
      PODMAN.run(List.of("volume", "rm", "-f", v), 60);
    }
  }

  @Test
  void pruneAtSandboxStartRemovesOnlyTheDeadOwnersObjects() throws Exception {
    createObjects("a", alive);
    createObjects("d", dead);
    createObjects("n", null);

    List<String> removed = LeftoverPruner.pruneDeadOwners(PODMAN);

    assertThat(removed)
        .contains("pod " + name("d", "pod"), "volume " + name("d", "ed"))
        .noneMatch(r -> r.contains(name("a", "")) || r.contains(name("n", "")));
    assertOnlyTheDeadOnesAreGone();
  }

  @Test
  void theCiScriptRemovesOnlyTheDeadOwnersObjects() throws Exception {
    createObjects("a", alive);
    createObjects("d", dead);
    createObjects("n", null);

    Path script = Path.of(System.getProperty("user.dir")).resolveSibling("scripts");
    Process p =
        new ProcessBuilder("bash", script.resolve("prune-sandbox-leftovers.sh").toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("removed volume " + name("d", "ed"));

    assertOnlyTheDeadOnesAreGone();
  }

  private void assertOnlyTheDeadOnesAreGone() throws Exception {
    assertThat(exists("pod", name("d", "pod"))).as("dead owner's pod").isFalse();
    assertThat(exists("container", name("d", "ctr"))).as("dead owner's container").isFalse();
    assertThat(exists("volume", name("d", "ed"))).as("dead owner's emptyDir").isFalse();
    assertThat(exists("volume", name("d", "pvc"))).as("dead owner's PVC data is kept").isTrue();
    for (String owner : List.of("a", "n")) {
      assertThat(exists("pod", name(owner, "pod"))).as(owner + " pod").isTrue();
      assertThat(exists("container", name(owner, "ctr"))).as(owner + " container").isTrue();
      assertThat(exists("volume", name(owner, "ed"))).as(owner + " emptyDir").isTrue();
      assertThat(exists("volume", name(owner, "pvc"))).as(owner + " PVC").isTrue();
    }
  }

  private String name(String owner, String kind) {
    return PodmanNames.PREFIX + "lp" + tag + owner + "-" + kind;
  }

  private void createObjects(String key, String owner) throws Exception {
    List<String> labels = new ArrayList<>(List.of("--label", PodmanNames.LABEL + "=true"));
    labels.addAll(List.of("--label", PodmanNames.LABEL_INSTANCE + "=lp" + tag + key));
    if (owner != null) {
      labels.addAll(List.of("--label", ProcessOwner.LABEL + "=" + owner));
    }
    List<String> pod = new ArrayList<>(List.of("pod", "create", "--name", name(key, "pod")));
    pod.addAll(labels);
    PODMAN.check(pod, 60);
    pods.add(name(key, "pod"));
    List<String> ctr = new ArrayList<>(List.of("create", "--name", name(key, "ctr")));
    ctr.addAll(labels);
    ctr.addAll(List.of(TestImages.BUSYBOX, "sleep", "1"));
    PODMAN.check(ctr, 60);
    containers.add(name(key, "ctr"));
    for (String kind : List.of("ed", "pvc")) {
      List<String> vol = new ArrayList<>(List.of("volume", "create"));
      vol.addAll(labels);
      vol.addAll(
          List.of(
              "--label",
              PodmanNames.LABEL_VOLUME_KIND + "=" + (kind.equals("ed") ? "emptyDir" : "pvc"),
              name(key, kind)));
      PODMAN.check(vol, 60);
      volumes.add(name(key, kind));
    }
  }

  private static boolean exists(String kind, String name) throws Exception {
    return PODMAN.run(List.of(kind, "exists", name), 30).ok();
  }
}
