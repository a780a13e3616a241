package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.deckhand.app.gui.AppSettings.SyncedFolder;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.config.ComponentSettings;
import dev.deckhand.core.config.LocalConfig;
import dev.deckhand.core.config.LocalConfigFile;
import dev.deckhand.core.watch.WatchSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-synced folders are remembered and come back at the next start (with a tray). */
class AutoSyncMemoryTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path dir;
  final List<Path> opened = new CopyOnWriteArrayList<>();
  final List<List<SyncedFolder>> saved = new CopyOnWriteArrayList<>();
  ComponentViewModel vm;

  @AfterEach
  void close() {
    if (vm != null) {
      vm.close();
    }
  }

  private ComponentViewModel viewModel() {
    vm =
        new ComponentViewModel(
            (f, c, l) -> {},
            (folder, context, listener) -> {
              opened.add(folder);
              return batch -> {};
            },
            WatchSettings.defaults().withQuietPeriod(Duration.ofMillis(50)),
            ComponentServices.none(),
            TaskExecutor.direct(),
            UiThread.direct());
    vm.handOverProperty().set(true);
    return vm;
  }

  private Path component(String name) throws Exception {
    Path folder = Files.createDirectories(dir.resolve(name));
    ComponentSettings s = new ComponentSettings();
    s.type = "nodejs";
    s.name = name;
    s.application = "app";
    s.project = "dev";
    LocalConfigFile.write(folder, LocalConfig.of(s));
    return folder;
  }

  private List<ClusterContext> contexts() throws Exception {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        current-context: dev
        clusters: [{name: dev, cluster: {server: "https://dev.example.com:6443"}}]
        contexts:
        - {name: dev, context: {cluster: dev, user: alice, namespace: dev}}
        - {name: broken, context: {cluster: missing, user: alice}}
        users: [{name: alice, user: {token: not-a-real-token}}]
        """);
    return Kubeconfigs.load(List.of(file)).contexts();
  }

  @Test
  void theOpenFolderGetsItsSwitchBackAndTheOthersSyncInTheBackground() throws Exception {
    Path shop = component("shop");
    Path cart = component("cart");
    Path gone = dir.resolve("gone");
    ComponentViewModel vm = viewModel();
    AutoSyncMemory memory = new AutoSyncMemory(vm, saved::add);
    List<ClusterContext> contexts = contexts();
    ClusterContext dev = contexts.stream().filter(c -> c.name().equals("dev")).findFirst().get();
    vm.contextProperty().set(dev);
    vm.show(ComponentInfo.read(shop, "dev"));
    assertThat(saved).as("nothing is saved before the last run's folders are back").isEmpty();

    memory.restore(
        List.of(
            new SyncedFolder(shop.toString(), "dev"),
            new SyncedFolder(cart.toString(), "dev"),
            new SyncedFolder(gone.toString(), "dev"),
            new SyncedFolder(cart.toString(), "broken")),
        contexts,
        TaskExecutor.direct(),
        UiThread.direct());

    assertThat(vm.autoSyncProperty().get()).isTrue();
    assertThat(vm.backgroundSyncs().entries())
        .extracting(e -> e.component().folder())
        .containsExactly(cart);
    await().atMost(WAIT).until(() -> opened.contains(shop) && opened.contains(cart));
    assertThat(memory.current())
        .containsExactly(
            new SyncedFolder(shop.toString(), "dev"), new SyncedFolder(cart.toString(), "dev"));

    // A change is saved; quitting (freeze, then every switch off) keeps what ran.
    vm.backgroundSyncs().stop(cart);
    assertThat(saved.get(saved.size() - 1))
        .containsExactly(new SyncedFolder(shop.toString(), "dev"));
    int before = saved.size();
    memory.freeze();
    vm.autoSyncProperty().set(false);
    assertThat(saved).hasSize(before);
  }

  @Test
  void settingsKeepTheSyncedFolders() throws Exception {
    AppSettingsStore store = new AppSettingsStore(dir.resolve("settings.json"));
    store.update(s -> s.withSyncedFolders(List.of(new SyncedFolder("/src/a", "dev"))));
    store.update(s -> s.withRecentFolder("/src/a"));
    assertThat(new AppSettingsStore(store.file()).load().syncedFolders())
        .containsExactly(new SyncedFolder("/src/a", "dev"));
  }
}
