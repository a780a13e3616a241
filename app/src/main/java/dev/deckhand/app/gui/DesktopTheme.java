package dev.deckhand.app.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop prefers dark. JavaFX 21 cannot ask (that arrives in 22), so this reads what
 * GNOME, GTK and KDE store. It runs {@code gsettings}: a subprocess, so never on the FX thread and
 * never before the first frame.
 */
public final class DesktopTheme {
  /** Where the preference is read from; a seam so tests need no desktop. */
  public interface Probes {
    /** {@code gsettings get org.gnome.desktop.interface <key>}, empty when unavailable. */
    Optional<String> gnomeInterface(String key);

    /** The text of {@code ~/.config/kdeglobals}, empty when absent. */
    Optional<String> kdeglobals();

    Map<String, String> env();
  }

  private DesktopTheme() {}

  /**
   * {@code DECKHAND_THEME} wins; then GNOME's {@code color-scheme} ({@code 'prefer-dark'}), its
   * {@code gtk-theme} containing "dark", KDE's {@code ColorScheme} containing "Dark", and last
   * {@code GTK_THEME}. Anything else is light.
   */
  public static Theme resolve(Probes probes) {
    Map<String, String> env = probes.env();
    String own = env.get("DECKHAND_THEME");
    if (own != null && !own.isBlank()) {
      return dark(own) ? Theme.DARK : Theme.LIGHT;
    }
    Optional<String> scheme = probes.gnomeInterface("color-scheme");
    if (scheme.map(s -> s.contains("prefer-dark")).orElse(false)) {
      return Theme.DARK;
    }
    if (scheme.map(s -> s.contains("prefer-light")).orElse(false)) {
      return Theme.LIGHT;
    }
    if (probes.gnomeInterface("gtk-theme").map(DesktopTheme::dark).orElse(false)) {
      return Theme.DARK;
    }
    if (probes.kdeglobals().map(DesktopTheme::kdeDark).orElse(false)) {
      return Theme.DARK;
    }
    String gtk = env.get("GTK_THEME");
    return gtk != null && dark(gtk) ? Theme.DARK : Theme.LIGHT;
  }

  private static boolean dark(String s) {
    return s.toLowerCase(Locale.ROOT).contains("dark");
  }

  /** {@code ColorScheme=BreezeDark} in the {@code [General]} group. */
  static boolean kdeDark(String kdeglobals) {
    for (String line : kdeglobals.split("\\R")) {
      String l = line.strip();
      if (l.startsWith("ColorScheme=")) {
        return l.substring("ColorScheme=".length()).contains("Dark");
      }
    }
    return false;
  }

  /** The real desktop: gsettings with a short timeout, the user's kdeglobals, the environment. */
  public static Probes system() {
    return new Probes() {
      @Override
      public Optional<String> gnomeInterface(String key) {
        try {
          Process p =
              new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key)
                  .redirectErrorStream(true)
                  .start();
          p.getOutputStream().close();
          if (!p.waitFor(2, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return Optional.empty();
          }
          String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          return p.exitValue() == 0 ? Optional.of(out.strip()) : Optional.empty();
        } catch (IOException e) {
          return Optional.empty(); // no gsettings: not GNOME
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }

      @Override
      public Optional<String> kdeglobals() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config =
            xdg == null || xdg.isBlank()
                ? Path.of(System.getProperty("user.home"), ".config")
                : Path.of(xdg);
        try {
          Path file = config.resolve("kdeglobals");
          return Files.isRegularFile(file)
              ? Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1))
              : Optional.empty();
        } catch (IOException e) {
          return Optional.empty();
        }
      }

      @Override
      public Map<String, String> env() {
        return System.getenv();
      }
    };
  }
}
