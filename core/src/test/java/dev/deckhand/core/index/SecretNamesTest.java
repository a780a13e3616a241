package dev.deckhand.core.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretNamesTest {
  @TempDir Path root;

  @Test
  void theDenyListIgnoringAllowPatterns() {
    assertThat(SecretNames.isDenyListed(".env", false)).isTrue();
    assertThat(SecretNames.isDenyListed("config/.env.production", false)).isTrue();
    assertThat(SecretNames.isDenyListed("keys/id_rsa", false)).isTrue();
    assertThat(SecretNames.isDenyListed(".ssh", true)).isTrue();
    assertThat(SecretNames.isDenyListed("src/server.js", false)).isFalse();
    assertThat(SecretNames.isDenyListed("environment.ts", false)).isFalse();
  }

  @Test
  void onlyWhatAnAllowPatternLetIntoTheIndexIsReported() throws IOException {
    Files.writeString(root.resolve("server.js"), "x");
    Files.writeString(root.resolve(".env"), "TOKEN=x");
    Files.writeString(root.resolve(".env.example"), "TOKEN=");
    Files.writeString(root.resolve("tls.key"), "k");

    IndexResult denied = new ComponentIndexer(root, IndexOptions.defaults()).scan();
    assertThat(SecretNames.allowedIn(denied.index())).isEmpty();

    IndexResult allowed =
        new ComponentIndexer(root, IndexOptions.allowSecrets(List.of(".env.example"))).scan();
    assertThat(SecretNames.allowedIn(allowed.index())).containsExactly(".env.example");
    assertThat(allowed.exclusions())
        .extracting(Exclusion::path)
        .containsExactlyInAnyOrder(".env", "tls.key");
  }
}
