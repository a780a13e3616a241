package dev.deckhand.sandbox.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sandbox's start and stop clean up only its own leftovers: another sandbox on the same machine
 * (a developer's, another test run's) keeps its volumes. Podman 4.3 ORs repeated label filters on
 * {@code volume ls}, which once made "mine AND emptyDir" match every sandbox's emptyDir volumes.
 */
class LeftoverCleanupTest {
  private static final PodmanCli PODMAN = new PodmanCli();
  private final String suffix = Long.toString(ProcessHandle.current().pid(), 36);
  private final String mine = "lcmine" + suffix;
  private final String other = "lcother" + suffix;

  @AfterEach
  void removeTestVolumes() throws Exception {
    if (PODMAN.available()) {
      for (String v : List.of(volume(mine, "ed"), volume(other, "ed"), volume(other, "pvc"))) {
        PODMAN.run(List.of("volume", "rm", "-f", v), 30);
      }
    }
  }

  @Test
  void startAndStopLeaveOtherSandboxesVolumesAlone() throws Exception {
    assumeThat(PODMAN.available()).as("podman is needed").isTrue();
    create(mine, "ed", "emptyDir");
    create(other, "ed", "emptyDir");
    create(other, "pvc", "pvc");

    Kubelet kubelet = new Kubelet(null, PODMAN, null, Duration.ofSeconds(1), mine);
    kubelet.removeLeftovers();

    assertThat(exists(volume(mine, "ed"))).as("this sandbox's emptyDir is a leftover").isFalse();
    assertThat(exists(volume(other, "ed"))).as("another sandbox's emptyDir").isTrue();
    assertThat(exists(volume(other, "pvc"))).as("another sandbox's PVC volume").isTrue();

    kubelet.removeVolumes();
    assertThat(exists(volume(other, "ed"))).isTrue();
    assertThat(exists(volume(other, "pvc"))).isTrue();
  }

  @Test
  void selectChecksEveryLabelItself() throws Exception {
    String json =
        """
        [{"Name":"a","Labels":{"i":"1","k":"emptyDir"}},
         {"Name":"b","Labels":{"i":"2","k":"emptyDir"}},
         {"Name":"c","Labels":{"i":"1","k":"pvc"}},
         {"Name":"d"}]
        """;
    assertThat(LabelledVolumes.select(json, Map.of("i", "1", "k", "emptyDir")))
        .containsExactly("a");
    assertThat(LabelledVolumes.select(json, Map.of("i", "1"))).containsExactly("a", "c");
    assertThat(LabelledVolumes.select("", Map.of("i", "1"))).isEmpty();
  }

  private static String volume(String instance, String kind) {
    return PodmanNames.PREFIX + instance + "-" + kind + "-leftover-test";
  }

  private static void create(String instance, String kind, String volumeKind) throws Exception {
    PODMAN.check(
        List.of(
            "volume",
            "create",
            "--label",
            PodmanNames.LABEL + "=true",
            "--label",
            PodmanNames.LABEL_INSTANCE + "=" + instance,
            "--label",
            PodmanNames.LABEL_VOLUME_KIND + "=" + volumeKind,
            volume(instance, kind)),
        30);
  }

  private static boolean exists(String volume) throws Exception {
    return PODMAN.run(List.of("volume", "exists", volume), 30).exitCode() == 0;
  }
}
