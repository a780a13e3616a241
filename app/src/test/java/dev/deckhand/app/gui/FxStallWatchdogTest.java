package dev.deckhand.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.deckhand.core.event.PushEvent;
import dev.deckhand.core.event.Stage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * 10,000 log lines stream in from a push thread while an {@link AnimationTimer} measures the gaps
 * between pulses: the FX thread must never stall long enough for a person to notice.
 */
@ExtendWith(ApplicationExtension.class)
class FxStallWatchdogTest {
  static final int LINES = 10_000;
  static final long MAX_GAP_MS = 50;

  @TempDir Path dir;
  GuiFixture gui;

  @Start
  void start(javafx.stage.Stage stage) throws IOException {
    gui = GuiFixture.withKubeconfig(TestKubeconfig.write(dir));
    gui.show(stage);
  }

  @Test
  void tenThousandLogLinesNeverStallTheFxThread(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          gui.component.show(ScriptedPushes.SHOP);
          gui.component.push().begin();
        });
    ScriptedPushes.midPush().forEach(gui.component.push()::on);
    WaitForAsyncUtils.waitForFxEvents();

    // Wall-clock gaps include time the OS gave other processes (CI and shared machines are
    // loaded), so the assertion is on the FX thread's own CPU time between pulses: the work our
    // updates put on it. Both are printed.
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong last = new AtomicLong();
    AtomicLong lastCpu = new AtomicLong();
    AtomicLong maxGap = new AtomicLong();
    AtomicLong maxCpuGap = new AtomicLong();
    AnimationTimer pulse =
        new AnimationTimer() {
          @Override
          public void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            long before = last.getAndSet(now);
            long cpuBefore = lastCpu.getAndSet(cpu);
            if (before != 0) {
              maxGap.accumulateAndGet(now - before, Math::max);
              maxCpuGap.accumulateAndGet(cpu - cpuBefore, Math::max);
            }
          }
        };
    robot.interact(pulse::start);
    Thread.sleep(300); // the idle gap, for comparison
    long idleGapMs = TimeUnit.NANOSECONDS.toMillis(maxGap.getAndSet(0));
    maxCpuGap.set(0);

    Thread pushThread =
        new Thread(
            () -> {
              for (int i = 0; i < LINES; i++) {
                PushEvent.OutputStream stream =
                    i % 10 == 0 ? PushEvent.OutputStream.STDERR : PushEvent.OutputStream.STDOUT;
                gui.component
                    .push()
                    .on(
                        new PushEvent.LogLine(
                            Instant.now(),
                            Stage.ASSEMBLE,
                            stream,
                            "line " + i + " of the build output, long enough to look real"));
                if (i % 500 == 0) {
                  sleepQuietly(5); // a build prints in bursts, not all in one nanosecond
                }
              }
            },
            "scripted-push");
    long started = System.nanoTime();
    pushThread.start();
    pushThread.join();
    WaitForAsyncUtils.waitForFxEvents();
    Thread.sleep(200);
    robot.interact(pulse::stop);
    long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    long gapMs = TimeUnit.NANOSECONDS.toMillis(maxGap.get());
    long cpuGapMs = TimeUnit.NANOSECONDS.toMillis(maxCpuGap.get());
    System.out.printf(
        "FX stall watchdog: %d log lines in %d ms; max FX-thread CPU between pulses %d ms;"
            + " max wall-clock gap %d ms (idle %d ms, load average %.1f)%n",
        LINES,
        elapsedMs,
        cpuGapMs,
        gapMs,
        idleGapMs,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ConsoleBuffer console = gui.component.push().console();
    assertThat(console.lines()).hasSize(Math.min(ComponentViewModel.CONSOLE_LINES, LINES + 8));
    assertThat(console.lines().get(console.lines().size() - 1).text()).startsWith("line 9999 ");
    assertThat(cpuGapMs).isLessThanOrEqualTo(MAX_GAP_MS);
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
