package dev.deckhand.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken or missing kubeconfig is named, with the line (issue 10, defect 7). */
class KubeconfigProblemsTest {
  @TempDir Path home;

  @Test
  void aMalformedFileIsNamedWithItsLine() throws Exception {
    Path file = home.resolve("broken.yaml");
    Files.writeString(
        file,
        """
        apiVersion: v1
        clusters:
        - name: c
          cluster:
            server: https://example:6443
           bad: indentation: here
        """);

    KubeconfigView view = Kubeconfigs.load(Map.of("KUBECONFIG", file.toString()), home);

    assertThat(view.contexts()).isEmpty();
    assertThat(view.warnings()).hasSize(1);
    assertThat(view.warnings().get(0))
        .startsWith(file + ", line 6: not valid YAML (")
        .endsWith("); skipped")
        .doesNotContain("JsonToken", "Source:", "REDACTED", "in 'reader'");
  }

  @Test
  void aBinaryFileIsNotReadAsText() throws Exception {
    Path file = home.resolve("binary");
    Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

    KubeconfigView view = Kubeconfigs.load(Map.of("KUBECONFIG", file.toString()), home);

    assertThat(view.warnings())
        .containsExactly(file + ": not a kubeconfig (not UTF-8 text); skipped");
  }

  @Test
  void aMissingFileNamedInKubeconfigIsNamed() {
    Path missing = home.resolve("nope/config");

    KubeconfigView view = Kubeconfigs.load(Map.of("KUBECONFIG", missing.toString()), home);

    assertThat(view.warnings()).containsExactly(missing + ": no such file (named in KUBECONFIG)");
  }

  @Test
  void theMissingDefaultFileIsNoProblem() {
    KubeconfigView view = Kubeconfigs.load(Map.of(), home);

    assertThat(view.warnings()).isEmpty();
  }
}
