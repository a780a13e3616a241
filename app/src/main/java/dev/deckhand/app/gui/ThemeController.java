package dev.deckhand.app.gui;

import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Theme menu's state: the user's {@link ThemeChoice} and the {@link Theme} applied from it.
 * With {@link ThemeChoice#SYSTEM} the desktop is asked off the FX thread, at {@link #recheck()}
 * (the app calls it after the first frame, on window focus and every minute), so a change of the
 * system theme is followed.
 */
public final class ThemeController {
  private final ObjectProperty<ThemeChoice> choice;
  private final ObjectProperty<Theme> applied;
  private DesktopTheme.Probes probes;
  private TaskExecutor background = TaskExecutor.direct();
  private UiThread ui = UiThread.direct();
  private Consumer<ThemeChoice> persist = c -> {};

  /** A controller without a desktop to ask: the choice starts as the applied theme. */
  public ThemeController(ObjectProperty<Theme> applied) {
    this.applied = applied;
    this.choice =
        new SimpleObjectProperty<>(
            applied.get() == Theme.DARK ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    choice.addListener(
        (o, was, now) -> {
          persist.accept(now);
          apply();
        });
  }

  /**
   * Connects the desktop and the settings file; sets the saved choice without re-saving it.
   *
   * @param probes how to ask the desktop (called on {@code background})
   */
  public void configure(
      ThemeChoice saved,
      DesktopTheme.Probes probes,
      TaskExecutor background,
      UiThread ui,
      Consumer<ThemeChoice> persist) {
    this.probes = probes;
    this.background = background;
    this.ui = ui;
    this.persist = c -> {};
    choice.set(saved);
    this.persist = persist;
  }

  public ObjectProperty<ThemeChoice> choiceProperty() {
    return choice;
  }

  public ObjectProperty<Theme> appliedProperty() {
    return applied;
  }

  /** Asks the desktop again when following it; otherwise does nothing. */
  public void recheck() {
    if (choice.get() == ThemeChoice.SYSTEM && probes != null) {
      DesktopTheme.Probes p = probes;
      background.execute(
          () -> {
            Theme t = DesktopTheme.resolve(p);
            ui.post(
                () -> {
                  if (choice.get() == ThemeChoice.SYSTEM) {
                    applied.set(t);
                  }
                });
          });
    }
  }

  private void apply() {
    switch (choice.get()) {
      case LIGHT -> applied.set(Theme.LIGHT);
      case DARK -> applied.set(Theme.DARK);
      case SYSTEM -> recheck();
    }
  }
}
