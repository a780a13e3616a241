package dev.deckhand.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S2iLabelsTest {

  @ParameterizedTest(name = "{0} -> {1} + {2}")
  @CsvSource({
    "image:///usr/libexec/s2i, image://, /usr/libexec/s2i",
    "image:///usr/local/s2i, image://, /usr/local/s2i",
    "file:///opt/s2i, file://, /opt/s2i",
    "http://example.com/s2i, http://, http://example.com/s2i",
    "https://example.com/s2i, https://, https://example.com/s2i",
  })
  void splitsLikeOdo(String url, String protocol, String path) {
    S2iLabels labels = labels(url);
    assertThat(labels.scriptsProtocol()).isEqualTo(protocol);
    assertThat(labels.scriptsPath()).isEqualTo(path);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/usr/libexec/s2i", "ftp://x/s2i", "IMAGE:///usr/libexec/s2i", ""})
  void rejectsOtherUrls(String url) {
    assertThatThrownBy(() -> labels(url).scriptsProtocol())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Unknown scripts url");
  }

  @org.junit.jupiter.api.Test
  void destinationDefaultsToTmp() {
    assertThat(new S2iLabels("image:///s", null, null, null, null).destination()).isEqualTo("/tmp");
    assertThat(new S2iLabels("image:///s", "", "", "", "").destination()).isEqualTo("/tmp");
    assertThat(new S2iLabels("image:///s", "/x", null, null, null).destination()).isEqualTo("/x");
    assertThat(new S2iLabels("image:///s", null, null, null, null).hasDeploymentsDir()).isFalse();
  }

  private static S2iLabels labels(String url) {
    return new S2iLabels(url, null, null, "/w", "b");
  }
}
