package dev.deckhand.sandbox.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PodmanTest {

  @Test
  void missingPodmanIsReportedClearly() {
    Podman podman = new Podman("deckhand-no-such-podman");
    assertThat(podman.isInstalled()).isFalse();
    assertThatThrownBy(() -> podman.check("--version"))
        .isInstanceOf(PodmanNotInstalledException.class)
        .hasMessageStartingWith("podman is not installed; the sandbox needs it");
    assertThatThrownBy(() -> new SandboxImages(podman).ensureBuilt(false))
        .isInstanceOf(PodmanNotInstalledException.class);
  }

  @Test
  void imageRefParsesTagsButNotRegistryPorts() {
    assertThat(ImageRef.parse("localhost/deckhand/odo-init"))
        .isEqualTo(new ImageRef("localhost/deckhand/odo-init", "latest"));
    assertThat(ImageRef.parse("localhost:5000/x/y:1.2"))
        .isEqualTo(new ImageRef("localhost:5000/x/y", "1.2"));
    assertThat(ImageRef.parse("localhost:5000/x/y").tag()).isEqualTo("latest");
    assertThat(SandboxImages.ODO_INIT).hasToString("localhost/deckhand/odo-init:latest");
  }

  @Test
  void staticElfDetection() {
    Path busybox = HostTools.staticBusybox();
    assertThat(HostTools.isStaticElf(busybox)).isTrue();
    assertThat(HostTools.isStaticElf(Path.of("/bin/ls"))).isFalse();
  }
}
