package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Follow system" from injected desktop answers; the choice in settings.json. */
class ThemeTest {
  @TempDir Path dir;

  /** A desktop that answers from maps; counts how often gsettings would run. */
  static final class FakeDesktop implements DesktopTheme.Probes {
    final Map<String, String> gnome = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    String kdeglobals;
    int asked;

    @Override
    public Optional<String> gnomeInterface(String key) {
      asked++;
      return Optional.ofNullable(gnome.get(key));
    }

    @Override
    public Optional<String> kdeglobals() {
      return Optional.ofNullable(kdeglobals);
    }

    @Override
    public Map<String, String> env() {
      return env;
    }
  }

  @Test
  void gnomeColorSchemeComesFirst() {
    FakeDesktop d = new FakeDesktop();
    d.gnome.put("color-scheme", "'prefer-dark'");
    d.gnome.put("gtk-theme", "'Adwaita'");
    assertThat(DesktopTheme.resolve(d)).isEqualTo(Theme.DARK);
    d.gnome.put("color-scheme", "'prefer-light'");
    d.gnome.put("gtk-theme", "'Adwaita-dark'");
    assertThat(DesktopTheme.resolve(d)).isEqualTo(Theme.LIGHT);
  }

  @Test
  void thenTheGtkThemeThenKdeThenTheEnvironment() {
    FakeDesktop d = new FakeDesktop();
    d.gnome.put("color-scheme", "'default'");
    d.gnome.put("gtk-theme", "'Yaru-dark'");
    assertThat(DesktopTheme.resolve(d)).isEqualTo(Theme.DARK);

    FakeDesktop kde = new FakeDesktop();
    kde.kdeglobals = "[General]\nColorScheme=BreezeDark\nName=Breeze Dark\n";
    assertThat(DesktopTheme.resolve(kde)).isEqualTo(Theme.DARK);
    kde.kdeglobals = "[General]\nColorScheme=BreezeLight\n";
    assertThat(DesktopTheme.resolve(kde)).isEqualTo(Theme.LIGHT);

    FakeDesktop gtkEnv = new FakeDesktop();
    gtkEnv.env.put("GTK_THEME", "Adwaita:dark");
    assertThat(DesktopTheme.resolve(gtkEnv)).isEqualTo(Theme.DARK);
    assertThat(DesktopTheme.resolve(new FakeDesktop())).isEqualTo(Theme.LIGHT);
  }

  @Test
  void deckhandThemeOverridesTheDesktop() {
    FakeDesktop d = new FakeDesktop();
    d.gnome.put("color-scheme", "'prefer-dark'");
    d.env.put("DECKHAND_THEME", "light");
    assertThat(DesktopTheme.resolve(d)).isEqualTo(Theme.LIGHT);
    assertThat(d.asked).as("the desktop is not even asked").isZero();
  }

  @Test
  void followingTheSystemPicksUpAChangeOnRecheck() {
    SimpleObjectProperty<Theme> applied = new SimpleObjectProperty<>(Theme.LIGHT);
    ThemeController controller = new ThemeController(applied);
    FakeDesktop d = new FakeDesktop();
    AppSettingsStore store = new AppSettingsStore(dir.resolve("settings.json"));
    controller.configure(
        ThemeChoice.SYSTEM,
        d,
        TaskExecutor.direct(),
        UiThread.direct(),
        c -> store.update(s -> s.withTheme(c)));
    assertThat(applied.get()).isEqualTo(Theme.LIGHT);
    assertThat(store.file()).as("configuring does not save").doesNotExist();

    d.gnome.put("color-scheme", "'prefer-dark'");
    controller.recheck();
    assertThat(applied.get()).isEqualTo(Theme.DARK);

    controller.choiceProperty().set(ThemeChoice.LIGHT);
    assertThat(applied.get()).isEqualTo(Theme.LIGHT);
    int asked = d.asked;
    controller.recheck();
    assertThat(d.asked).as("a fixed choice never asks the desktop").isEqualTo(asked);
    assertThat(applied.get()).isEqualTo(Theme.LIGHT);
    assertThat(store.load().theme()).isEqualTo(ThemeChoice.LIGHT);
  }

  @Test
  void theChoiceSurvivesARestartAndUnknownFilesMeanDefaults() throws Exception {
    AppSettingsStore store = new AppSettingsStore(dir.resolve("deckhand/settings.json"));
    assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);
    store.update(s -> s.withTheme(ThemeChoice.DARK));
    store.update(s -> s.withKeepRunningInTray(false));

    AppSettings again = new AppSettingsStore(store.file()).load();
    assertThat(again.theme()).isEqualTo(ThemeChoice.DARK);
    assertThat(again.keepRunningInTray()).isFalse();

    store.update(s -> s.withRecentFolder("/src/a"));
    store.update(s -> s.withRecentFolder("/src/b"));
    store.update(s -> s.withRecentFolder("/src/a"));
    assertThat(new AppSettingsStore(store.file()).load().recentFolders())
        .as("latest first, each once")
        .containsExactly("/src/a", "/src/b");
    assertThat(again.theme()).as("older settings files read the same").isEqualTo(ThemeChoice.DARK);
    for (int i = 0; i < AppSettings.RECENT_FOLDERS + 5; i++) {
      String f = "/src/p" + i;
      store.update(s -> s.withRecentFolder(f));
    }
    assertThat(store.load().recentFolders())
        .hasSize(AppSettings.RECENT_FOLDERS)
        .startsWith("/src/p" + (AppSettings.RECENT_FOLDERS + 4));

    java.nio.file.Files.writeString(store.file(), "{not json");
    assertThat(store.load()).isEqualTo(AppSettings.DEFAULTS);
  }
}
