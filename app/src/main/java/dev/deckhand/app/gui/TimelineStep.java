package dev.deckhand.app.gui;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the startup timeline; changed only on the FX thread by {@link PushViewModel}. */
public final class TimelineStep {
  private final Stage stage;
  private final String container;
  private final String title;
  private final ObjectProperty<StepState> state = new SimpleObjectProperty<>(StepState.PENDING);
  private final StringProperty detail = new SimpleStringProperty("");
  private final StringProperty duration = new SimpleStringProperty("");
  private final ObjectProperty<List<String>> logTail = new SimpleObjectProperty<>(List.of());

  TimelineStep(Stage stage, String container) {
    this.stage = stage;
    this.container = container;
    this.title = titleOf(stage, container);
  }

  static String titleOf(Stage stage, String container) {
    return switch (stage) {
      case RESOLVE -> "Resolve";
      case APPLY -> "Apply manifests";
      case PVC -> "PVC";
      case SCHEDULED -> "Pod scheduled";
      case INIT_CONTAINER -> "init: " + container;
      case APP_CONTAINER -> "App container";
      case INDEX -> "Index";
      case SYNC -> "Sync";
      case ASSEMBLE -> "assemble-and-restart";
      case READY -> "Ready";
    };
  }

  boolean matches(Stage s, String c) {
    return stage == s && (stage != Stage.INIT_CONTAINER || container.equals(c));
  }

  public Stage stage() {
    return stage;
  }

  public String container() {
    return container;
  }

  public String title() {
    return title;
  }

  public ReadOnlyObjectProperty<StepState> stateProperty() {
    return state;
  }

  public StepState state() {
    return state.get();
  }

  public ReadOnlyStringProperty detailProperty() {
    return detail;
  }

  public String detail() {
    return detail.get();
  }

  public ReadOnlyStringProperty durationProperty() {
    return duration;
  }

  public String duration() {
    return duration.get();
  }

  public ReadOnlyObjectProperty<List<String>> logTailProperty() {
    return logTail;
  }

  void update(StepState s, String d) {
    state.set(s);
    if (d != null) {
      detail.set(d);
    }
  }

  /** Kept from an earlier push: its detail says so, once. */
  void markEarlier() {
    if (!detail.get().startsWith(PushEvent.StageCompleted.EARLIER)) {
      detail.set(PushEvent.StageCompleted.EARLIER + detail.get());
    }
  }

  void finish(StepState s, String d, String dur, List<String> tail) {
    update(s, d);
    duration.set(dur == null ? "" : dur);
    logTail.set(tail == null ? List.of() : List.copyOf(tail));
  }
}
