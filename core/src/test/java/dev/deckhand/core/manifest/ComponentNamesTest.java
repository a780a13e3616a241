package dev.deckhand.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentNamesTest {
  final ComponentNames n = new ComponentNames("nodejs-ex", "app");

  @Test
  void odoNames() {
    assertThat(n.name()).isEqualTo("nodejs-ex-app");
    assertThat(n.s2iDataPvc()).isEqualTo("nodejs-ex-app-s2idata");
    assertThat(n.secret(8080)).isEqualTo("nodejs-ex-app-8080");
    assertThat(n.route("web")).isEqualTo("web-app");
    assertThat(n.storagePvc("data")).isEqualTo("data-app-pvc");
  }

  @Test
  void volumeSuffixIsStable() {
    String v = n.storageVolume("data");
    assertThat(v).matches("data-app-pvc-[a-z]{5}-volume");
    assertThat(new ComponentNames("other", "app").storageVolume("data")).isEqualTo(v);
    assertThat(n.storageVolume("logs")).isNotEqualTo(v.replace("data", "logs"));
  }

  @Test
  void slashBecomesDashAndCutAt54() {
    assertThat(ComponentNames.namespaced("a/b", "app")).isEqualTo("a-b-app");
    assertThat(ComponentNames.namespaced("x".repeat(60), "app")).hasSize(54);
  }

  @Test
  void volumeNameTooLong() {
    ComponentNames longApp = new ComponentNames("c", "a".repeat(40));
    assertThatThrownBy(() -> longApp.storageVolume("storage-name"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("longer than 63");
  }
}
