package dev.deckhand.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.config.SourceType;
import org.junit.jupiter.api.Test;

class OdoLabelsTest {
  @Test
  void fileUrlLikeGenFileUrl() {
    assertThat(OdoLabels.fileUrl("./", false)).isEqualTo("file://./");
    assertThat(OdoLabels.fileUrl("target/app.jar", false)).isEqualTo("file://target/app.jar");
    assertThat(OdoLabels.fileUrl("C:\\src\\app", true)).isEqualTo("file:///C:/src/app");
  }

  @Test
  void selectors() {
    assertThat(OdoLabels.componentSelector("web", "app"))
        .isEqualTo("app.kubernetes.io/instance=web,app.kubernetes.io/part-of=app");
    assertThat(OdoLabels.podSelector("web-app")).isEqualTo("deploymentconfig=web-app");
    assertThat(OdoLabels.applicationSelector("app")).isEqualTo("app.kubernetes.io/part-of=app");
  }

  @Test
  void labelsAndAnnotations() {
    assertThat(OdoLabels.component("web", "app", "nodejs", "14"))
        .containsExactlyEntriesOf(ManifestAssertions.odoLabels("web", "app", "nodejs", "14"));
    assertThat(OdoLabels.annotations("./", SourceType.BINARY))
        .containsEntry("app.kubernetes.io/component-source-type", "binary");
  }
}
