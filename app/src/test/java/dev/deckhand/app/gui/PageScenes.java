package dev.deckhand.app.gui;

import dev.deckhand.core.index.ComponentIndexer;
import dev.deckhand.core.index.IndexOptions;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.WarningEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Scripted component pages for the screenshots: the Files, Events and Logs tabs, Delete. */
final class PageScenes {
  private PageScenes() {}

  /** What a page shot needs: its cluster services and what to do once the window shows. */
  record Scene(ComponentServices services, Consumer<GuiFixture> setUp) {
    void setUp(GuiFixture gui) {
      setUp.accept(gui);
    }
  }

  /** Where {@link #sampleFolder} puts the project. */
  static final Path SAMPLE_FOLDER =
      Path.of(System.getProperty("java.io.tmpdir"), "deckhand-shots", "shop-frontend");

  static ComponentInfo shop(Path folder) {
    return new ComponentInfo(folder, "shop-frontend", "nodejs", "shop", "default");
  }

  /** A small Node project pushed once, then edited: adds, edits, a delete, secrets, a symlink. */
  static Path sampleFolder() throws IOException {
    // A fixed place, so the paths on screen (and the PNGs) stay the same from run to run.
    Path root = SAMPLE_FOLDER.getParent();
    if (Files.exists(root)) {
      try (var old = Files.walk(root)) {
        for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Path folder = Files.createDirectories(SAMPLE_FOLDER);
    write(folder, "package.json", "{\"name\":\"shop-frontend\"}");
    write(folder, "server.js", "require('http')");
    write(folder, "src/routes.js", "module.exports = []");
    write(folder, "src/cart.js", "v1");
    write(folder, "public/index.html", "<html></html>");
    write(folder, "public/old-banner.png", "png");
    write(folder, ".gitignore", "node_modules/\ncoverage/\n*.log\n");
    // Pushed an hour ago, so only what is edited below counts as changed (not racy entries).
    try (var files = Files.walk(folder)) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, FileTime.from(Instant.now().minusSeconds(3600)));
      }
    }
    ComponentIndexer indexer = new ComponentIndexer(folder, IndexOptions.defaults());
    indexer.commit(indexer.scan());
    write(folder, "src/cart.js", "version two of the cart");
    Files.setLastModifiedTime(
        folder.resolve("src/cart.js"), FileTime.from(Instant.now().plusSeconds(2)));
    write(folder, "src/checkout.js", "new");
    write(folder, "public/banner.webp", "webp");
    Files.delete(folder.resolve("public/old-banner.png"));
    write(folder, ".env", "STRIPE_KEY=sk_live_x");
    write(folder, ".env.example", "STRIPE_KEY=");
    write(folder, "certs/dev.key", "-----BEGIN");
    write(folder, "node_modules/express/index.js", "x");
    write(folder, "npm-debug.log", "x");
    write(root, "shared/config.json", "{}");
    Files.createSymbolicLink(
        folder.resolve("shared-config.json"), root.resolve("shared/config.json"));
    return folder;
  }

  private static void write(Path folder, String rel, String text) throws IOException {
    Path file = folder.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  static Scene files(Path folder) {
    return new Scene(
        ComponentServices.none(),
        gui -> {
          // .env.example holds no secret; the project allows it, so the preview flags it.
          gui.component
              .files()
              .optionsProperty()
              .set(IndexOptions.allowSecrets(List.of(".env.example")));
          gui.component.show(shop(folder));
          gui.window.page.tabs.getSelectionModel().select(gui.window.page.filesTab);
        });
  }

  /** Push on a never-pushed folder whose allow pattern admits a secret: the question. */
  static Scene secretPush(Path folder) {
    return new Scene(
        ComponentServices.none(),
        gui -> {
          gui.component
              .files()
              .optionsProperty()
              .set(IndexOptions.allowSecrets(List.of(".env.example")));
          gui.component.show(shop(folder));
          javafx.application.Platform.runLater(
              () -> gui.component.push(gui.component.contextProperty().get()));
        });
  }

  static Scene events(Path folder) {
    Instant now = Instant.now();
    List<WarningEvent> warnings =
        List.of(
            new WarningEvent(
                "BackOff",
                "Back-off restarting failed container shop-frontend-shop in pod"
                    + " shop-frontend-shop-7d9c5-x2k4q",
                12,
                now.minusSeconds(20),
                "Pod",
                "shop-frontend-shop-7d9c5-x2k4q"),
            new WarningEvent(
                "Unhealthy",
                "Readiness probe failed: Get \"http://10.128.2.14:8080/\": connection refused",
                4,
                now.minusSeconds(95),
                "Pod",
                "shop-frontend-shop-7d9c5-x2k4q"),
            new WarningEvent(
                "FailedScheduling",
                "0/3 nodes are available: 3 Insufficient memory.",
                1,
                now.minusSeconds(600),
                "Pod",
                "shop-frontend-shop-6b8f4-qq9zt"),
            new WarningEvent(
                "ProvisioningFailed",
                "storageclass.storage.k8s.io \"fast\" not found",
                2,
                now.minusSeconds(900),
                "PersistentVolumeClaim",
                "shop-frontend-shop-s2idata"));
    return new Scene(
        ComponentServices.none(),
        gui -> {
          gui.component.show(shop(folder));
          gui.window.page.tabs.getSelectionModel().select(gui.window.page.eventsTab);
          // After the sidebar's selection lands (a new context restarts the status watch).
          javafx.application.Platform.runLater(
              () -> gui.component.showStatus(status("shop-frontend-shop-7d9c5-x2k4q", warnings)));
        });
  }

  static Scene logs(Path folder) {
    List<String> lines =
        List.of(
            "2026-11-28 10:14:58,120 INFO supervisord started with pid 1",
            "2026-11-28 10:14:59,124 INFO spawned: 'run' with pid 12",
            "> shop-frontend@1.4.0 start /opt/app-root/src",
            "> node server.js",
            "server listening on :8080",
            "GET / 200 12.104 ms - 1534",
            "GET /api/cart 200 3.221 ms - 88",
            "POST /api/checkout 500 41.337 ms - 61",
            "Error: STRIPE_KEY is not set",
            "    at checkout (/opt/app-root/src/src/checkout.js:14:11)",
            "GET /api/cart 200 2.907 ms - 88");
    ComponentServices services =
        new ComponentServices(
            (c, x, l) -> () -> {},
            (c, x, pod, line) -> {
              lines.forEach(line);
              return () -> {};
            },
            (c, x) -> List.of());
    return new Scene(
        services,
        gui -> {
          gui.component.show(shop(folder));
          gui.window.page.tabs.getSelectionModel().select(gui.window.page.logsTab);
          javafx.application.Platform.runLater(
              () -> {
                gui.component.showStatus(status("shop-frontend-shop-7d9c5-x2k4q", List.of()));
                // The lines land in a later pulse; then search them as a user would.
                javafx.application.Platform.runLater(
                    () -> {
                      gui.window.page.logs.console.openFind();
                      gui.window.page.logs.console.query.setText("cart");
                    });
              });
        });
  }

  static Scene delete(Path folder) {
    return new Scene(
        ComponentServices.none(),
        gui -> {
          gui.component.show(shop(folder));
          gui.window.page.confirmDelete();
        });
  }

  private static ComponentStatus status(String pod, List<WarningEvent> warnings) {
    return ComponentTabsTest.status(pod, warnings);
  }
}
