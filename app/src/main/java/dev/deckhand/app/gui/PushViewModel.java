package dev.deckhand.app.gui;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.PushListener;
import dev.deckhand.core.event.Stage;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The timeline, sync progress and console of one push. It is the push's {@link PushListener}:
 * events arrive on the push thread, are queued, and are applied on the FX thread in coalesced
 * batches.
 */
public final class PushViewModel implements PushListener {
  /** The init containers odo's pods have, shown before any event names them. */
  static final List<String> KNOWN_INIT_CONTAINERS =
      List.of("copy-files-to-volume", "copy-supervisord");

  /** Bounds one FX update's work (about 10 ms on this 2-core machine) during a flood of lines. */
  static final int MAX_EVENTS_PER_UPDATE = 1_000;

  /** The outcome of the last push, for the header badge. */
  public enum Outcome {
    NONE,
    RUNNING,
    SUCCEEDED,
    FAILED
  }

  private final ObservableList<TimelineStep> steps = FXCollections.observableArrayList();
  private final ConsoleBuffer console;
  private final DoubleProperty syncProgress = new SimpleDoubleProperty(0);
  private final StringProperty syncText = new SimpleStringProperty("");
  private final ObjectProperty<Outcome> outcome = new SimpleObjectProperty<>(Outcome.NONE);
  private final StringProperty summary = new SimpleStringProperty("");
  private final StringProperty url = new SimpleStringProperty("");
  private final BooleanProperty running = new SimpleBooleanProperty();
  private final CoalescingInbox<Object> inbox;

  /** Queued like an event, so a new push's reset lands after the last push's events. */
  private static final Object BEGIN = new Object();

  public PushViewModel(UiThread ui, int consoleCapacity) {
    this.console = new ConsoleBuffer(consoleCapacity);
    this.inbox = new CoalescingInbox<>(ui, this::apply, MAX_EVENTS_PER_UPDATE);
    running.bind(outcome.isEqualTo(Outcome.RUNNING));
    resetSteps();
  }

  /** Any thread; never blocks. */
  @Override
  public void on(PushEvent event) {
    inbox.offer(event);
  }

  /** Any thread: an automatic push starts; its reset is applied in order with the events. */
  public void beginFromAnyThread() {
    inbox.offer(BEGIN);
  }

  /**
   * FX thread: a new push starts with a clean console and timeline, except the startup steps that
   * completed: the pod they brought up is still there (an auto-sync push into it never reports them
   * again), and a push that replaces it updates them as it goes.
   */
  public void begin() {
    resetSteps();
    console.clear();
    syncProgress.set(0);
    syncText.set("");
    summary.set("");
    outcome.set(Outcome.RUNNING);
  }

  private void resetSteps() {
    List<TimelineStep> initial = new ArrayList<>();
    initial.add(keptOrNew(Stage.PVC, null));
    initial.add(keptOrNew(Stage.SCHEDULED, null));
    for (String c : KNOWN_INIT_CONTAINERS) {
      initial.add(keptOrNew(Stage.INIT_CONTAINER, c));
    }
    initial.add(keptOrNew(Stage.APP_CONTAINER, null));
    for (Stage s : List.of(Stage.INDEX, Stage.SYNC, Stage.ASSEMBLE)) {
      initial.add(new TimelineStep(s, null));
    }
    initial.add(new TimelineStep(Stage.READY, null));
    steps.setAll(initial);
  }

  /**
   * A completed startup step stays, said to be from an earlier push (its time is not this one's).
   */
  private TimelineStep keptOrNew(Stage stage, String container) {
    return steps.stream()
        .filter(s -> s.matches(stage, container) && s.state() == StepState.DONE)
        .findFirst()
        .map(
            s -> {
              s.markEarlier();
              return s;
            })
        .orElseGet(() -> new TimelineStep(stage, container));
  }

  private void apply(List<Object> batch) {
    List<ConsoleLine> lines = new ArrayList<>();
    for (Object item : batch) {
      if (item == BEGIN) {
        lines.clear(); // the previous push's last lines would be cleared anyway
        begin();
        continue;
      }
      PushEvent e = (PushEvent) item;
      if (e instanceof PushEvent.LogLine l) {
        lines.add(new ConsoleLine(l.text(), l.stream() == PushEvent.OutputStream.STDERR));
      } else {
        // Keep console order relative to stage changes readable: flush lines first.
        flush(lines);
        applyOne(e);
      }
    }
    flush(lines);
  }

  private void flush(List<ConsoleLine> lines) {
    if (!lines.isEmpty()) {
      console.addAll(lines);
      lines.clear();
    }
  }

  private void applyOne(PushEvent event) {
    if (outcome.get() != Outcome.RUNNING && !(event instanceof PushEvent.PushFinished)) {
      outcome.set(Outcome.RUNNING); // a push started elsewhere (auto-sync) is still shown
    }
    if (event instanceof PushEvent.StageStarted e) {
      existingOrInit(e.stage(), e.container()).ifPresent(s -> s.update(StepState.RUNNING, ""));
    } else if (event instanceof PushEvent.Hold e) {
      step(e.stage(), e.container()).update(StepState.WAITING, e.reason());
    } else if (event instanceof PushEvent.StageProgress e) {
      progress(e);
    } else if (event instanceof PushEvent.StageCompleted e) {
      existingOrInit(e.stage(), e.container())
          .ifPresent(
              s ->
                  s.finish(
                      StepState.DONE,
                      e.message(),
                      // An earlier step whose time the cluster does not record shows none.
                      e.earlier() && e.duration().isZero() ? "" : Formats.duration(e.duration()),
                      null));
      if (e.stage() == Stage.SYNC) {
        syncProgress.set(1);
      }
    } else if (event instanceof PushEvent.StageFailed e) {
      step(e.stage(), e.container()).finish(StepState.FAILED, e.reason(), "", e.logTail());
    } else if (event instanceof PushEvent.PushFinished e) {
      summary.set(e.summary() == null ? "" : e.summary());
      if (e.url() != null) {
        url.set(e.url());
      }
      // A push whose app was found down after it is shown as failed (red), its ready step too.
      outcome.set(e.green() ? Outcome.SUCCEEDED : Outcome.FAILED);
    }
  }

  private void progress(PushEvent.StageProgress e) {
    double fraction =
        e.totalBytes() > 0
            ? (double) e.bytes() / e.totalBytes()
            : e.totalFiles() > 0 ? (double) e.files() / e.totalFiles() : 0;
    syncProgress.set(Math.min(1, fraction));
    syncText.set(
        e.files()
            + " / "
            + e.totalFiles()
            + " files · "
            + Formats.bytes(e.bytes())
            + " / "
            + Formats.bytes(e.totalBytes()));
    find(e.stage(), null)
        .filter(s -> s.state() == StepState.PENDING || s.state() == StepState.WAITING)
        .ifPresent(s -> s.update(StepState.RUNNING, null));
  }

  private java.util.Optional<TimelineStep> find(Stage stage, String container) {
    return steps.stream().filter(s -> s.matches(stage, container)).findFirst();
  }

  /**
   * The row for an event. Steps the fixed list lacks are inserted: another init container always,
   * resolve and apply only when they hold or fail (when they pass they are too quick to matter).
   */
  private TimelineStep step(Stage stage, String container) {
    return find(stage, container).orElseGet(() -> insert(stage, container));
  }

  private java.util.Optional<TimelineStep> existingOrInit(Stage stage, String container) {
    return stage == Stage.INIT_CONTAINER
        ? java.util.Optional.of(step(stage, container))
        : find(stage, container);
  }

  private TimelineStep insert(Stage stage, String container) {
    TimelineStep added =
        new TimelineStep(
            stage, container == null && stage == Stage.INIT_CONTAINER ? "?" : container);
    int at = 0;
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).stage().ordinal() <= stage.ordinal()) {
        at = i + 1;
      }
    }
    steps.add(at, added);
    return added;
  }

  public ObservableList<TimelineStep> steps() {
    return steps;
  }

  public ConsoleBuffer console() {
    return console;
  }

  public DoubleProperty syncProgressProperty() {
    return syncProgress;
  }

  public StringProperty syncTextProperty() {
    return syncText;
  }

  public ObjectProperty<Outcome> outcomeProperty() {
    return outcome;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty urlProperty() {
    return url;
  }

  public BooleanProperty runningProperty() {
    return running;
  }
}
