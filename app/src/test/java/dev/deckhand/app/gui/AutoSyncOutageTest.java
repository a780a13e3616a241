package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.WatchSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-sync (the window's and the tray's background syncs alike) outlives an API outage: a push
 * that failed because the server was down goes again by itself when the server answers, and the
 * line shown meanwhile says so. The server is a real HTTP listener on a port that is closed first.
 */
class AutoSyncOutageTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final List<ChangeBatch> pushed = new CopyOnWriteArrayList<>();
  private final AtomicInteger failed = new AtomicInteger();
  private HttpServer server;
  private AutoSync sync;

  @AfterEach
  void tearDown() {
    if (sync != null) {
      sync.close();
    }
    if (server != null) {
      server.stop(0);
    }
    fx.shutdownNow();
  }

  @Test
  void anEditMadeWhileTheServerIsDownIsPushedWhenItAnswersAgain() throws Exception {
    int port = freePort();
    String url = "http://127.0.0.1:" + port;
    ClusterContext context = context(url);
    Path folder = Files.createDirectories(dir.resolve("shop"));
    Files.writeString(folder.resolve("server.js"), "console.log('v1')\n");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    // A push is a request to the server: it fails while nothing listens there.
    AutoSyncPusher pusher =
        (f, c, listener) ->
            batch -> {
              try {
                http.send(
                    HttpRequest.newBuilder(URI.create(url + "/version")).build(),
                    HttpResponse.BodyHandlers.discarding());
              } catch (IOException e) {
                failed.incrementAndGet();
                throw e;
              }
              pushed.add(batch);
            };
    UiThread ui = fx::execute;
    sync =
        new AutoSync(
            pusher,
            new PushViewModel(ui, 100),
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            TaskExecutor.background("auto-sync-test"),
            ui);

    sync.start(folder, context);
    await().atMost(WAIT).until(() -> failed.get() >= 1);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(onFx(sync.problemProperty()::get))
                    .startsWith("Auto-sync: cannot reach " + url)
                    .endsWith("; pushing again when it answers"));

    Files.writeString(folder.resolve("server.js"), "console.log('v2')\n");
    Thread.sleep(500); // the watch sees the edit while the server is still down
    assertThat(pushed).isEmpty();

    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext(
        "/version",
        exchange -> {
          byte[] body = "{\"major\":\"1\",\"minor\":\"28\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();

    // No further edit and no "Push": the folder is pushed, the waiting line goes away.
    await().atMost(WAIT).until(() -> !pushed.isEmpty());
    assertThat(pushed.get(0).fullRescan() || hasServerJs(pushed.get(0))).isTrue();
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(onFx(sync.problemProperty()::get)).isEmpty());
  }

  private static boolean hasServerJs(ChangeBatch batch) {
    return batch.hints().stream().anyMatch(p -> p.endsWith("server.js"));
  }

  private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
    return fx.submit(read).get();
  }

  private ClusterContext context(String url) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters: [{name: dev, cluster: {server: "%s"}}]
        contexts: [{name: dev, context: {cluster: dev, user: alice, namespace: dev}}]
        users: [{name: alice, user: {token: not-a-real-token}}]
        """
            .formatted(url));
    return Kubeconfigs.load(List.of(file)).contexts().get(0);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
