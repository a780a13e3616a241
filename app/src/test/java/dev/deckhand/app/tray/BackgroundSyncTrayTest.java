package dev.deckhand.app.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.app.gui.AutoSyncPusher;
import dev.deckhand.app.gui.ComponentInfo;
import dev.deckhand.app.gui.ComponentServices;
import dev.deckhand.app.gui.ComponentViewModel;
import dev.deckhand.app.gui.TaskExecutor;
import dev.deckhand.app.gui.UiThread;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.watch.ChangeBatch;
import dev.deckhand.core.watch.WatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening another component while one is auto-synced keeps the first one synced in the background:
 * real folder watches, a fake push runner, the tray's real menu actions.
 */
class BackgroundSyncTrayTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  final Map<Path, List<ChangeBatch>> pushes = new ConcurrentHashMap<>();
  ComponentViewModel vm;

  @AfterEach
  void close() {
    if (vm != null) {
      vm.close();
    }
  }

  private List<ChangeBatch> pushesOf(Path folder) {
    return pushes.computeIfAbsent(folder, f -> new CopyOnWriteArrayList<>());
  }

  @Test
  void theFirstComponentGoesOnSyncingAndTheTrayListsAndStopsIt() throws Exception {
    Path shop = Files.createDirectories(dir.resolve("shop"));
    Path cart = Files.createDirectories(dir.resolve("cart"));
    Files.writeString(shop.resolve("server.js"), "v1\n");
    Files.writeString(cart.resolve("server.js"), "v1\n");
    AutoSyncPusher fake =
        (folder, context, listener) ->
            batch -> {
              pushesOf(folder).add(batch);
              listener.on(
                  new PushEvent.PushFinished(
                      Instant.now(), true, Duration.ofMillis(1), "pushed", null, 1, 0, 0));
            };
    vm =
        new ComponentViewModel(
            (f, c, l) -> {},
            fake,
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            ComponentServices.none(),
            TaskExecutor.direct(),
            UiThread.direct());
    TrayModel model =
        new TrayModel(new TrayHost.ViewModelActions(vm, () -> {}, () -> {}, keep -> {}));
    TrayHost.bind(model, vm);
    vm.handOverProperty().set(true);
    vm.contextProperty().set(context());

    vm.show(new ComponentInfo(shop, "shop", "nodejs", "app", "dev"));
    vm.autoSyncProperty().set(true);
    await().atMost(WAIT).until(() -> pushesOf(shop).size() == 1);

    vm.show(new ComponentInfo(cart, "cart", "nodejs", "app", "dev"));

    assertThat(vm.autoSyncProperty().get()).as("the window's switch is for cart").isFalse();
    assertThat(vm.backgroundSyncs().entries())
        .extracting(e -> e.component().folder())
        .containsExactly(shop);
    assertThat(model.components())
        .extracting(TrayModel.Component::name, TrayModel.Component::autoSync)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("cart", false),
            org.assertj.core.groups.Tuple.tuple("shop", true));
    // Its own watch catches up once, then an edit in shop is pushed while cart is on screen.
    await().atMost(WAIT).until(() -> pushesOf(shop).size() == 2);
    Files.writeString(shop.resolve("server.js"), "v2\n");
    await()
        .atMost(WAIT)
        .until(
            () ->
                pushesOf(shop).size() == 3
                    && pushesOf(shop).get(2).hints().stream()
                        .anyMatch(p -> p.toString().endsWith("server.js")));
    assertThat(pushesOf(cart)).isEmpty();

    // The tray's toggle stops it: no more pushes for shop, and the menu no longer lists it.
    model.toggleAutoSync("shop", false);
    assertThat(vm.backgroundSyncs().entries()).isEmpty();
    assertThat(model.components()).extracting(TrayModel.Component::name).containsExactly("cart");
    Thread.sleep(300);
    Files.writeString(shop.resolve("server.js"), "v3\n");
    Thread.sleep(500);
    assertThat(pushesOf(shop)).hasSize(3);
  }

  @Test
  void reopeningABackgroundComponentTakesItsSyncBackIntoTheWindow() {
    Path shop = dir.resolve("shop");
    Path cart = dir.resolve("cart");
    try {
      Files.createDirectories(shop);
      Files.createDirectories(cart);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    vm =
        new ComponentViewModel(
            (f, c, l) -> {},
            (folder, context, listener) -> batch -> pushesOf(folder).add(batch),
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            ComponentServices.none(),
            TaskExecutor.direct(),
            UiThread.direct());
    vm.handOverProperty().set(true);
    vm.contextProperty().set(context());
    ComponentInfo shopInfo = new ComponentInfo(shop, "shop", "nodejs", "app", "dev");
    vm.show(shopInfo);
    vm.autoSyncProperty().set(true);
    vm.show(new ComponentInfo(cart, "cart", "nodejs", "app", "dev"));
    assertThat(vm.backgroundSyncs().entries()).hasSize(1);

    vm.show(shopInfo);

    assertThat(vm.autoSyncProperty().get()).isTrue();
    assertThat(vm.backgroundSyncs().entries()).as("cart was not synced").isEmpty();
  }

  @Test
  void withoutATrayOpeningAnotherComponentStopsTheSyncAsBefore() throws Exception {
    Path shop = Files.createDirectories(dir.resolve("shop"));
    Path cart = Files.createDirectories(dir.resolve("cart"));
    vm =
        new ComponentViewModel(
            (f, c, l) -> {},
            (folder, context, listener) -> batch -> pushesOf(folder).add(batch),
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            ComponentServices.none(),
            TaskExecutor.direct(),
            UiThread.direct());
    vm.contextProperty().set(context());
    vm.show(new ComponentInfo(shop, "shop", "nodejs", "app", "dev"));
    vm.autoSyncProperty().set(true);

    vm.show(new ComponentInfo(cart, "cart", "nodejs", "app", "dev"));

    assertThat(vm.autoSyncProperty().get()).isFalse();
    assertThat(vm.backgroundSyncs().entries()).isEmpty();
  }

  private ClusterContext context() {
    try {
      Path file = dir.resolve("kubeconfig");
      Files.writeString(
          file,
          """
          apiVersion: v1
          kind: Config
          current-context: dev
          clusters: [{name: dev, cluster: {server: "https://dev.example.com:6443"}}]
          contexts: [{name: dev, context: {cluster: dev, user: alice, namespace: dev}}]
          users: [{name: alice, user: {token: not-a-real-token}}]
          """);
      return Kubeconfigs.load(List.of(file)).contexts().get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
