package dev.deckhand.sandbox.e2e;

import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.config.SourceType;
import dev.deckhand.core.config.UrlSetting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The sample Node.js app checked in under {@code src/test/resources/sample-nodejs}, copied into a
 * new folder with an odo config, as {@code deckhand create} would leave it.
 */
public final class SampleApp {
  private static final List<String> FILES =
      List.of("package.json", "server.js", "lib/greeting.js", "public/index.html");

  private SampleApp() {}

  /**
   * @param component the component name ({@code <component>-app} on the cluster)
   * @param url a URL name to add, or null for none
   */
  public static Path create(String component, String url) throws IOException {
    Path folder = Files.createTempDirectory("sample-" + component);
    for (String f : FILES) {
      Path target = folder.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = SampleApp.class.getResourceAsStream("/sample-nodejs/" + f)) {
        Files.copy(in, target);
      }
    }
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = component;
    s.application = "app";
    s.project = "default";
    s.sourceType = SourceType.LOCAL;
    s.sourceLocation = "./";
    s.ports = List.of("8080/TCP");
    if (url != null) {
      s.urls = List.of(new UrlSetting(url, 8080, null));
    }
    LocalConfigFile.write(folder, LocalConfig.of(s));
    return folder;
  }
}
