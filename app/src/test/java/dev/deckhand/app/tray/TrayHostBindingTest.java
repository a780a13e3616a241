package dev.deckhand.app.tray;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deckhand.app.gui.ComponentInfo;
import dev.deckhand.app.gui.ComponentViewModel;
import dev.deckhand.app.gui.TaskExecutor;
import dev.deckhand.app.gui.UiThread;
import dev.deckhand.core.event.PushEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tray follows the window's component view model (no toolkit, no tray). */
class TrayHostBindingTest {

  @Test
  void theOpenComponentAndItsPushOutcomesReachTheModel() {
    ComponentViewModel vm =
        new ComponentViewModel(
            (folder, context, listener) -> {}, TaskExecutor.direct(), UiThread.direct());
    List<String> calls = new ArrayList<>();
    TrayModel model =
        new TrayModel(
            new TrayModel.Actions() {
              @Override
              public void setAutoSync(String component, boolean on) {
                calls.add("auto-sync " + on);
              }

              @Override
              public void pushNow(String component) {}

              @Override
              public void openWindow() {}

              @Override
              public void quit() {}
            });
    List<TrayModel.Notification> notes = new ArrayList<>();
    model.onNotification(notes::add);
    TrayHost.bind(model, vm);
    assertTrue(model.components().isEmpty());

    vm.show(new ComponentInfo(Path.of("/src/api"), "api", "nodejs", "app", "dev"));
    assertEquals(List.of("api"), model.components().stream().map(c -> c.name()).toList());

    vm.push().begin();
    assertEquals(TrayModel.IconState.SYNCING, model.iconState());
    vm.push().on(finished(false, "login required for https://api:6443: your token expired"));
    assertEquals(TrayModel.IconState.ERROR, model.iconState());
    assertEquals(1, notes.size());
    assertEquals(TrayModel.Notification.Kind.LOGIN_REQUIRED, notes.get(0).kind());

    vm.push().begin();
    vm.push().on(finished(true, "pushed"));
    assertEquals(TrayModel.IconState.IDLE, model.iconState());
  }

  @Test
  void iconsAreDrawnForEveryStateAndSize() {
    for (int size : AwtTray.SIZES) {
      for (TrayModel.IconState state : TrayModel.IconState.values()) {
        BufferedImage img = AwtTray.draw(state, size);
        assertEquals(size, img.getWidth());
        int centre = img.getRGB(size / 4, size / 2);
        assertTrue((centre >>> 24) > 0, "the circle is opaque at " + state + " " + size);
      }
    }
    assertTrue(
        AwtTray.draw(TrayModel.IconState.ERROR, 16).getRGB(3, 8)
            != AwtTray.draw(TrayModel.IconState.IDLE, 16).getRGB(3, 8),
        "the states differ in colour");
  }

  private static PushEvent.PushFinished finished(boolean ok, String summary) {
    return new PushEvent.PushFinished(Instant.now(), ok, Duration.ZERO, summary, null, 0, 0, 0);
  }
}
