package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateStoreTest {
  @TempDir Path dir;

  @Test
  void whatIsSavedIsWhatIsLoaded() throws IOException {
    WindowStateStore store = new WindowStateStore(dir.resolve("deckhand/window.json"));
    WindowState state = new WindowState(120, 80, 1400, 900, true, "/home/me/shop", "prod-east");

    store.save(state);

    assertThat(store.load()).contains(state);
    assertThat(Files.readString(store.file())).contains("\"context\" : \"prod-east\"");
    try (var files = Files.list(store.file().getParent())) {
      assertThat(files.toList()).containsExactly(store.file()); // no temp file left behind
    }
  }

  @Test
  void aSecondSaveReplacesTheFirstAndNullsSurvive() throws IOException {
    WindowStateStore store = new WindowStateStore(dir.resolve("window.json"));
    store.save(new WindowState(1, 2, 800, 600, false, "/a", "ctx"));
    WindowState second = new WindowState(5, 6, 1000, 700, false, null, null);

    store.save(second);

    assertThat(store.load()).contains(second);
  }

  @Test
  void noFileOrABrokenFileMeansDefaults() throws IOException {
    WindowStateStore store = new WindowStateStore(dir.resolve("window.json"));
    assertThat(store.load()).isEmpty();

    Files.writeString(store.file(), "{ not json");
    assertThat(store.load()).isEmpty();
  }

  @Test
  void absurdSizesFromAHandEditedFileAreRaised() throws IOException {
    WindowStateStore store = new WindowStateStore(dir.resolve("window.json"));
    Files.writeString(
        store.file(), "{\"x\": 10, \"y\": 20, \"width\": 3, \"height\": -1, \"extra\": true}");

    WindowState loaded = store.load().orElseThrow();

    assertThat(List.of(loaded.width(), loaded.height()))
        .containsExactly(WindowState.MIN_WIDTH, WindowState.MIN_HEIGHT);
    assertThat(loaded.folder()).isNull();
  }
}
