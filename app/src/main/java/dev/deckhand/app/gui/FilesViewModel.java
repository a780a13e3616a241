package dev.deckhand.app.gui;

import dev.deckhand.core.index.IndexOptions;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Files tab: a dry-run scan of the open folder, rescanned on request. At most one scan runs; a
 * refresh asked for meanwhile runs once the current one is done, so bursts of pushes or watcher
 * events cost one extra scan, not one each.
 */
public final class FilesViewModel {
  /** What the indexer is doing. */
  public enum State {
    IDLE,
    SCANNING,
    FAILED
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final ReadOnlyObjectWrapper<FilesPreview> preview = new ReadOnlyObjectWrapper<>();
  private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.IDLE);
  private final StringProperty error = new SimpleStringProperty("");
  private final ObjectProperty<IndexOptions> options =
      new SimpleObjectProperty<>(IndexOptions.defaults());
  private final StringBinding stateText;
  private final TaskExecutor background;
  private final UiThread ui;
  private Path folder;
  private boolean again;
  private final List<Consumer<FilesPreview>> waiting = new ArrayList<>();
  private long generation;

  FilesViewModel(TaskExecutor background, UiThread ui) {
    this.background = background;
    this.ui = ui;
    stateText =
        Bindings.createStringBinding(
            () -> {
              FilesPreview p = preview.get();
              return switch (state.get()) {
                case SCANNING -> "Scanning…";
                case FAILED -> "Scan failed: " + error.get();
                case IDLE ->
                    p == null
                        ? "Not scanned yet"
                        : p.indexed()
                            + (p.indexed() == 1 ? " entry" : " entries")
                            + " indexed · last scan "
                            + TIME.format(p.scannedAt());
              };
            },
            state,
            preview,
            error);
  }

  /** FX thread. Another folder: forget the old preview and scan the new one. */
  void open(Path newFolder) {
    folder = newFolder;
    generation++;
    preview.set(null);
    again = false;
    waiting.clear();
    state.set(State.IDLE);
    if (newFolder != null) {
      refresh();
    }
  }

  /** FX thread. Scans off the FX thread; the result lands in {@link #previewProperty()}. */
  public void refresh() {
    refresh(p -> {});
  }

  /**
   * FX thread; {@code then} runs on the FX thread with a preview from a scan that started after
   * this call, or with null if that scan failed.
   */
  void refresh(Consumer<FilesPreview> then) {
    if (folder == null) {
      return;
    }
    waiting.add(then);
    if (state.get() == State.SCANNING) {
      again = true; // the running scan may predate what the caller wants to see
      return;
    }
    state.set(State.SCANNING);
    Path scanned = folder;
    IndexOptions opts = options.get();
    long gen = generation;
    List<Consumer<FilesPreview>> served = new ArrayList<>(waiting);
    waiting.clear();
    background.execute(
        () -> {
          try {
            FilesPreview p = FilesPreview.scan(scanned, opts);
            ui.post(() -> finish(gen, p, null, served));
          } catch (Exception e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            ui.post(() -> finish(gen, null, why, served));
          }
        });
  }

  private void finish(
      long gen, FilesPreview p, String failure, List<Consumer<FilesPreview>> served) {
    if (gen != generation) {
      return; // a scan of a folder no longer open
    }
    if (p != null) {
      preview.set(p);
      error.set("");
      state.set(State.IDLE);
    } else {
      error.set(failure);
      state.set(State.FAILED);
    }
    served.forEach(c -> c.accept(p));
    if (again) {
      again = false;
      refresh();
    }
  }

  public ReadOnlyObjectProperty<FilesPreview> previewProperty() {
    return preview.getReadOnlyProperty();
  }

  public ObjectProperty<State> stateProperty() {
    return state;
  }

  public StringBinding stateText() {
    return stateText;
  }

  /** The index options scans use; pushes must use the same for the preview to tell the truth. */
  public ObjectProperty<IndexOptions> optionsProperty() {
    return options;
  }

  Path folder() {
    return folder;
  }
}
