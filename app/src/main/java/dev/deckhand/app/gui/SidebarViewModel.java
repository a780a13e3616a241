package dev.deckhand.app.gui;

import dev.deckhand.core.cluster.ClusterContext;
import dev.deckhand.core.cluster.KubeconfigView;
import dev.deckhand.core.cluster.Kubeconfigs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The clusters in the sidebar: the kubeconfig's contexts and the sandbox. */
public final class SidebarViewModel {
  private final ObservableList<ClusterEntry> entries = FXCollections.observableArrayList();
  private final ObjectProperty<ClusterEntry> selected = new SimpleObjectProperty<>();
  private final BooleanProperty loaded = new SimpleBooleanProperty();
  private final BooleanProperty noKubeconfig = new SimpleBooleanProperty();
  private final BooleanProperty sandboxStarting = new SimpleBooleanProperty();
  private final StringProperty sandboxMessage = new SimpleStringProperty("");
  private final Supplier<KubeconfigView> kubeconfigs;
  private final SandboxStarter sandbox;
  private final TaskExecutor background;
  private final UiThread ui;

  public SidebarViewModel(
      Supplier<KubeconfigView> kubeconfigs,
      SandboxStarter sandbox,
      TaskExecutor background,
      UiThread ui) {
    this.kubeconfigs = kubeconfigs;
    this.sandbox = sandbox;
    this.background = background;
    this.ui = ui;
  }

  /** Reads the kubeconfig off the FX thread; called once the window shows. */
  public void load() {
    background.execute(
        () -> {
          KubeconfigView view = kubeconfigs.get();
          ui.post(() -> show(view, null));
        });
  }

  private volatile String preferredContext;

  /** The context to select when the kubeconfig loads (the last run's), over the current one. */
  public void preferContext(String name) {
    this.preferredContext = name;
  }

  private void show(KubeconfigView view, Path sandboxKubeconfig) {
    List<ClusterEntry> list = new ArrayList<>();
    List<ClusterContext> contexts = new ArrayList<>(view.contexts());
    if (sandboxKubeconfig != null) {
      contexts.removeIf(ClusterContext::isSandbox);
      contexts.addAll(0, Kubeconfigs.load(List.of(sandboxKubeconfig)).contexts());
    }
    for (ClusterContext c : contexts) {
      list.add(ClusterEntry.of(c));
    }
    if (list.stream().noneMatch(ClusterEntry::sandbox)) {
      list.add(ClusterEntry.sandboxNotRunning());
    }
    entries.setAll(list);
    noKubeconfig.set(view.contexts().isEmpty() && sandboxKubeconfig == null);
    String preferred = preferredContext;
    ClusterEntry remembered =
        sandboxKubeconfig != null || preferred == null
            ? null
            : list.stream()
                .filter(e -> e.context() != null && preferred.equals(e.context().name()))
                .findFirst()
                .orElse(null);
    ClusterEntry preselect =
        remembered != null
            ? remembered
            : list.stream()
                .filter(e -> sandboxKubeconfig != null ? e.sandbox() : isCurrent(e))
                .findFirst()
                .orElse(list.get(0));
    selected.set(preselect);
    loaded.set(true);
  }

  private static boolean isCurrent(ClusterEntry e) {
    return e.context() != null && e.context().isCurrent();
  }

  /** Starts the in-process sandbox in the background and selects it when it answers. */
  public void startSandbox() {
    if (sandboxStarting.get()) {
      return;
    }
    sandboxStarting.set(true);
    sandboxMessage.set("Starting the sandbox…");
    background.execute(
        () -> {
          try {
            Path kubeconfig = sandbox.start();
            KubeconfigView view = kubeconfigs.get();
            ui.post(
                () -> {
                  sandboxStarting.set(false);
                  sandboxMessage.set("Sandbox running");
                  show(view, kubeconfig);
                });
          } catch (Exception e) {
            ui.post(
                () -> {
                  sandboxStarting.set(false);
                  sandboxMessage.set("The sandbox did not start: " + e.getMessage());
                });
          }
        });
  }

  public ObservableList<ClusterEntry> entries() {
    return entries;
  }

  public ObjectProperty<ClusterEntry> selectedProperty() {
    return selected;
  }

  public BooleanProperty loadedProperty() {
    return loaded;
  }

  public BooleanProperty noKubeconfigProperty() {
    return noKubeconfig;
  }

  public BooleanProperty sandboxStartingProperty() {
    return sandboxStarting;
  }

  public StringProperty sandboxMessageProperty() {
    return sandboxMessage;
  }
}
