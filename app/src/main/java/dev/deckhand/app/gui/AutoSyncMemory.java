package dev.deckhand.app.gui;

import dev.deckhand.app.gui.AppSettings.SyncedFolder;
import dev.deckhand.core.cluster.ClusterContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;

/**
 * Remembers which folders are auto-synced (the window's and the background ones) and turns them
 * back on at the next start, so a tray started at login keeps syncing what it synced before. FX
 * thread.
 */
final class AutoSyncMemory {
  private final ComponentViewModel vm;
  private final Consumer<List<SyncedFolder>> save;
  private boolean saving;
  private List<SyncedFolder> last = List.of();

  AutoSyncMemory(ComponentViewModel vm, Consumer<List<SyncedFolder>> save) {
    this.vm = vm;
    this.save = save;
    Runnable changed = this::changed;
    vm.autoSyncProperty().addListener((o, a, b) -> changed.run());
    vm.contextProperty().addListener((o, a, b) -> changed.run());
    vm.infoProperty().addListener((o, a, b) -> changed.run());
    vm.backgroundSyncs()
        .entries()
        .addListener((ListChangeListener<BackgroundSyncs.Entry>) c -> changed.run());
  }

  /** What is synced now: the window's folder (when its switch is on), then the background ones. */
  List<SyncedFolder> current() {
    List<SyncedFolder> list = new ArrayList<>();
    ComponentInfo info = vm.infoProperty().get();
    ClusterContext context = vm.contextProperty().get();
    if (vm.autoSyncProperty().get() && info != null && context != null) {
      list.add(new SyncedFolder(info.folder().toString(), context.name()));
    }
    for (BackgroundSyncs.Entry e : vm.backgroundSyncs().entries()) {
      list.add(new SyncedFolder(e.component().folder().toString(), e.context().name()));
    }
    return list;
  }

  /**
   * Turns the saved folders back on: the one open in the window through its switch, the others in
   * the background (read off the FX thread). A folder gone, no longer a component, or whose context
   * is gone or unusable is skipped. From then on, every change is saved.
   */
  void restore(
      List<SyncedFolder> saved,
      List<ClusterContext> contexts,
      TaskExecutor background,
      UiThread ui) {
    for (SyncedFolder s : saved) {
      Optional<ClusterContext> context =
          contexts.stream().filter(c -> c.name().equals(s.context()) && c.usable()).findFirst();
      if (context.isEmpty()) {
        continue;
      }
      Path folder = Path.of(s.folder());
      ComponentInfo open = vm.infoProperty().get();
      if (open != null
          && open.folder().equals(folder)
          && context.get().equals(vm.contextProperty().get())) {
        vm.autoSyncProperty().set(true);
        continue;
      }
      background.execute(
          () -> {
            ComponentInfo info;
            try {
              info = ComponentInfo.read(folder, context.get().namespace());
            } catch (Exception e) {
              return; // not a component folder any more
            }
            ui.post(
                () -> {
                  ComponentInfo now = vm.infoProperty().get();
                  if (now != null && now.folder().equals(folder)) {
                    vm.autoSyncProperty().set(true);
                  } else {
                    vm.backgroundSyncs().keep(info, context.get());
                  }
                });
          });
    }
    saving = true;
    last = saved;
  }

  /** Deckhand is quitting: what runs now stays saved for the next start. */
  void freeze() {
    saving = false;
  }

  private void changed() {
    if (!saving) {
      return;
    }
    List<SyncedFolder> now = current();
    if (!now.equals(last)) {
      last = now;
      save.accept(now);
    }
  }
}
