package dev.deckhand.app.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.app.gui.ClusterBrowser;
import dev.deckhand.app.gui.ComponentInfo;
import dev.deckhand.app.gui.ComponentViewModel;
import dev.deckhand.app.gui.SidebarViewModel;
import dev.deckhand.app.gui.TaskExecutor;
import dev.deckhand.app.gui.UiThread;
import dev.deckhand.app.tray.TrayModel.Component;
import dev.deckhand.app.tray.TrayModel.MenuItem;
import dev.deckhand.app.tray.TrayModel.Notification;
import dev.deckhand.app.tray.TrayModel.SyncState;
import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.Kubeconfigs;
import dev.deckhand.core.cluster.NamespaceList;
import dev.deckhand.core.manifest.WorkloadKind;
import dev.deckhand.core.status.ComponentStatus;
import dev.deckhand.core.status.Connection;
import dev.deckhand.core.status.Health;
import dev.deckhand.core.status.HealthState;
import dev.deckhand.core.status.WorkloadView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keep-running setting and crash-loop notifications, in the model (no AWT, no toolkit). */
class TrayKeepRunningAndCrashLoopTest {
  @TempDir Path dir;
  final List<Boolean> saved = new ArrayList<>();
  final List<Notification> notes = new ArrayList<>();
  int changes;
  TrayModel model;

  @BeforeEach
  void setUp() {
    model =
        new TrayModel(
            new TrayModel.Actions() {
              @Override
              public void setAutoSync(String component, boolean on) {}

              @Override
              public void pushNow(String component) {}

              @Override
              public void openWindow() {}

              @Override
              public void quit() {}

              @Override
              public void keepRunningChanged(boolean on) {
                saved.add(on);
              }
            });
    model.onNotification(notes::add);
    model.onChange(() -> changes++);
    model.setComponents(
        List.of(new Component("api", Path.of("/src/api"), true, SyncState.IDLE, "")));
  }

  private MenuItem.Toggle keepRunning() {
    return model.menu().stream()
        .filter(i -> i instanceof MenuItem.Toggle t && t.label().equals(TrayModel.KEEP_RUNNING))
        .map(MenuItem.Toggle.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void keepRunningFollowsAutoSyncUntilTheUserChooses() {
    assertThat(model.keepRunningOnClose()).isTrue();
    assertThat(keepRunning().checked()).isTrue();
    assertThat(keepRunning().component()).isNull();
    model.autoSyncChanged("api", false);
    assertThat(model.keepRunningOnClose()).as("default: only while auto-sync is on").isFalse();
    assertThat(keepRunning().checked()).isFalse();

    int before = changes;
    keepRunning().onToggle().accept(true);
    assertThat(saved).containsExactly(true);
    assertThat(changes).as("the menu is rebuilt").isGreaterThan(before);
    assertThat(model.keepRunningOnClose()).isTrue();
    assertThat(keepRunning().checked()).isTrue();

    keepRunning().onToggle().accept(false);
    model.autoSyncChanged("api", true);
    assertThat(model.keepRunningOnClose()).as("an explicit no wins over auto-sync").isFalse();
    assertThat(saved).containsExactly(true, false);
  }

  @Test
  void aSavedChoiceIsRestoredWithoutBeingSavedAgain() {
    model.setKeepRunning(false);
    assertThat(model.keepRunningOnClose()).isFalse();
    model.setKeepRunning(null);
    assertThat(model.keepRunningOnClose()).isTrue();
    assertThat(saved).isEmpty();
  }

  @Test
  void aCrashLoopNotifiesOncePerEpisode() {
    model.crashLooping("api", "api-app: CrashLoopBackOff (last exit code 1, 4 restarts)");
    model.crashLooping("api", "api-app: CrashLoopBackOff (last exit code 1, 5 restarts)");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).kind()).isEqualTo(Notification.Kind.CRASH_LOOP);
    assertThat(notes.get(0).title()).isEqualTo("Deckhand: api keeps crashing");
    assertThat(notes.get(0).text()).contains("last exit code 1");

    model.crashLoopEnded("api");
    model.crashLooping("api", "api-app: CrashLoopBackOff (last exit code 2, 1 restart)");
    assertThat(notes).hasSize(2);
    model.crashLooping("other", "not watched");
    assertThat(notes).hasSize(2);
  }

  /** A cluster whose one component's health the test sets. */
  static final class OneComponentCluster implements ClusterBrowser {
    HealthState health = HealthState.CRASH_LOOP;

    @Override
    public NamespaceList namespaces(ClusterContext context) {
      return new NamespaceList(List.of("dev"), true, null);
    }

    @Override
    public List<ComponentStatus> components(ClusterContext context, String namespace) {
      String text =
          health == HealthState.CRASH_LOOP
              ? "api-app: CrashLoopBackOff (last exit code 1, 4 restarts)"
              : "running";
      return List.of(
          new ComponentStatus(
              "api",
              "app",
              namespace,
              "api-app",
              new WorkloadView(WorkloadKind.DEPLOYMENT, "api-app", 0, 1),
              null,
              List.of(),
              List.of(),
              null,
              List.of(),
              Connection.CONNECTED,
              new Health(health, text)));
    }

    @Override
    public void forget(ClusterContext context) {}
  }

  @Test
  void theSidebarsPollDrivesTheOpenComponentsCrashLoopNotifications() throws Exception {
    Path kubeconfig = dir.resolve("config");
    Files.writeString(
        kubeconfig,
        "apiVersion: v1\nkind: Config\ncurrent-context: c\n"
            + "clusters: [{name: c, cluster: {server: 'http://127.0.0.1:1'}}]\n"
            + "contexts: [{name: c, context: {cluster: c, namespace: dev}}]\n");
    OneComponentCluster cluster = new OneComponentCluster();
    SidebarViewModel sidebar =
        new SidebarViewModel(
            () -> Kubeconfigs.load(List.of(kubeconfig)),
            () -> null,
            cluster,
            TaskExecutor.direct(),
            UiThread.direct());
    ComponentViewModel vm =
        new ComponentViewModel((f, c, l) -> {}, TaskExecutor.direct(), UiThread.direct());
    TrayHost.bind(model, vm);
    TrayHost.bindCrashLoops(model, sidebar, vm);
    vm.show(new ComponentInfo(Path.of("/src/api"), "api", "nodejs", "app", "dev"));

    sidebar.load();
    assertThat(notes).extracting(Notification::kind).containsExactly(Notification.Kind.CRASH_LOOP);
    sidebar.refresh();
    assertThat(notes).as("the same episode, polled again").hasSize(1);

    cluster.health = HealthState.RUNNING;
    sidebar.refresh();
    cluster.health = HealthState.CRASH_LOOP;
    sidebar.refresh();
    assertThat(notes).as("a new episode").hasSize(2);
  }
}
