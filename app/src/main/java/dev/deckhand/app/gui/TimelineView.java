package dev.deckhand.app.gui;

import atlantafx.base.theme.Styles;
import dev.deckhand.core.event.Stage;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * The startup timeline: one row per step with a state icon, what it is doing or waiting for, and
 * how long it took. A failed step is highlighted with its reason and the last lines of its log.
 */
final class TimelineView extends GridPane {
  private final PushViewModel vm;

  TimelineView(PushViewModel vm) {
    this.vm = vm;
    setId("timeline");
    getStyleClass().add("timeline");
    setHgap(14);
    setVgap(2);
    ColumnConstraints icon = new ColumnConstraints(18);
    ColumnConstraints title = new ColumnConstraints(200, 220, 280);
    ColumnConstraints detail = new ColumnConstraints(120, 400, Double.MAX_VALUE);
    detail.setHgrow(Priority.ALWAYS);
    ColumnConstraints duration = new ColumnConstraints(70);
    duration.setHalignment(HPos.RIGHT);
    getColumnConstraints().addAll(icon, title, detail, duration);
    // Rows are rebuilt only when steps are added or replaced (a new push), not per event.
    vm.steps().addListener((ListChangeListener<TimelineStep>) c -> rebuild());
    rebuild();
  }

  private void rebuild() {
    getChildren().clear();
    int row = 0;
    for (TimelineStep step : vm.steps()) {
      add(icon(step), 0, row);
      Label title = new Label(step.title());
      title.getStyleClass().add("step-title");
      add(title, 1, row);
      add(detail(step), 2, row);
      Label duration = new Label();
      duration.getStyleClass().add(Styles.TEXT_MUTED);
      duration.textProperty().bind(step.durationProperty());
      add(duration, 3, row);
      for (Node n : getChildren().subList(getChildren().size() - 4, getChildren().size())) {
        n.getStyleClass().add("step-cell");
        bindRowStyle(n, step);
      }
      row++;
      Label tail = new Label();
      tail.getStyleClass().add("log-tail");
      tail.setWrapText(true);
      tail.textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> String.join("\n", step.logTailProperty().get()), step.logTailProperty()));
      tail.visibleProperty().bind(tail.textProperty().isNotEmpty());
      tail.managedProperty().bind(tail.visibleProperty());
      add(tail, 1, row, 3, 1);
      row++;
    }
  }

  private static void bindRowStyle(Node n, TimelineStep step) {
    Runnable apply =
        () -> {
          n.getStyleClass().removeAll("step-failed", "step-pending");
          if (step.state() == StepState.FAILED) {
            n.getStyleClass().add("step-failed");
          } else if (step.state() == StepState.PENDING) {
            n.getStyleClass().add("step-pending");
          }
        };
    step.stateProperty().addListener((o, a, b) -> apply.run());
    apply.run();
  }

  private static Node icon(TimelineStep step) {
    Label icon = new Label();
    icon.getStyleClass().add("step-icon");
    Runnable apply =
        () -> {
          icon.getStyleClass().removeAll("pending", "waiting", "running", "done", "failed");
          StepState s = step.state();
          icon.getStyleClass().add(s.name().toLowerCase(java.util.Locale.ROOT));
          icon.setText(
              switch (s) {
                case PENDING -> "○";
                case WAITING -> "◷";
                case RUNNING -> "◐";
                case DONE -> "✔";
                case FAILED -> "✖";
              });
        };
    step.stateProperty().addListener((o, a, b) -> apply.run());
    apply.run();
    return icon;
  }

  private Node detail(TimelineStep step) {
    Label text = new Label();
    text.setId("detail-" + step.title().replace(' ', '-').replace(":", ""));
    text.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    step.state() == StepState.PENDING && step.detail().isEmpty()
                        ? "pending"
                        : step.detail(),
                step.stateProperty(),
                step.detailProperty()));
    text.getStyleClass().add("step-detail");
    text.setWrapText(true); // a failure's reason is the one thing a person must read in full
    if (step.stage() != Stage.SYNC) {
      return text;
    }
    // Sync shows files and bytes as a bar while it runs.
    ProgressBar bar = new ProgressBar();
    bar.setId("sync-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(vm.syncProgressProperty());
    Label barText = new Label();
    barText.textProperty().bind(vm.syncTextProperty());
    barText.getStyleClass().add(Styles.TEXT_SMALL);
    HBox.setHgrow(bar, Priority.ALWAYS);
    HBox running = new HBox(10, bar, barText);
    running.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    running.visibleProperty().bind(step.stateProperty().isEqualTo(StepState.RUNNING));
    text.visibleProperty().bind(running.visibleProperty().not());
    StackPane cell = new StackPane(text, running);
    cell.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    return cell;
  }
}
