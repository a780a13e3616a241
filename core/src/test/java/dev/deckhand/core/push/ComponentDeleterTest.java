package dev.deckhand.core.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComponentDeleterTest {
  @TempDir Path folder;
  @TempDir Path elsewhere;

  @Test
  void deletingTheLocalConfigRemovesOnlyDotOdoAndNeverFollowsLinks() throws IOException {
    Files.writeString(folder.resolve("server.js"), "source");
    Path odo = Files.createDirectories(folder.resolve(".odo/env"));
    Files.writeString(folder.resolve(".odo/config.yaml"), "kind: LocalConfig");
    Files.writeString(odo.resolve("env.yaml"), "x");
    Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
    Files.createSymbolicLink(folder.resolve(".odo/link-out"), elsewhere);

    ComponentDeleter.deleteLocalConfig(folder);

    assertThat(folder.resolve(".odo")).doesNotExist();
    assertThat(folder.resolve("server.js")).hasContent("source");
    assertThat(precious).hasContent("keep me");
  }

  @Test
  void aFolderWithoutDotOdoIsLeftAlone() throws IOException {
    Files.writeString(folder.resolve("server.js"), "source");
    ComponentDeleter.deleteLocalConfig(folder);
    assertThat(folder.resolve("server.js")).hasContent("source");
  }
}
