package dev.deckhand.sandbox.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's supervisord stand-in, run on the host with the static busybox the images carry. On
 * a loaded machine the daemon can be scheduled late, after a control request arrived but after the
 * deadline of the {@code read -t} it waits in; freezing the daemon (SIGSTOP) makes that happen
 * every time. Each request must still be answered as sent: before, busybox's read dropped the bytes
 * it had taken before the deadline, the daemon saw "top run" / "tart run" and answered "unknown
 * action", and assemble-and-restart exited 1 (FaultInjectionTest, 2 of 9 runs).
 */
class SupervisordControlTest {
  @TempDir Path dir;
  private Path busybox;
  private Path script;
  private Path runDir;
  private Process daemon;

  @BeforeEach
  void startDaemon() throws Exception {
    Assumptions.assumeTrue(
        System.getProperty("os.name").toLowerCase().contains("linux"), "needs Linux");
    try {
      busybox = HostTools.staticBusybox();
    } catch (IllegalStateException e) {
      Assumptions.abort(e.getMessage());
    }
    // The script finds busybox next to itself when /opt/odo/bin/busybox does not exist.
    Files.copy(busybox, dir.resolve("busybox"));
    script = dir.resolve("supervisord");
    Files.write(script, Resources.bytes("odo-init/bin/supervisord"));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    runDir = dir.resolve("run");
    Path conf = dir.resolve("supervisor.conf");
    Files.writeString(
        conf, "[program:run]\ncommand = " + busybox + " sleep 600\nautostart = true\n");
    ProcessBuilder pb =
        new ProcessBuilder(busybox.toString(), "sh", script.toString(), "-c", conf.toString());
    pb.environment().put("SUPERVISORD_RUN_DIR", runDir.toString());
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile());
    daemon = pb.start();
    await("supervisord up")
        .atMost(Duration.ofSeconds(30))
        .until(() -> ctl("status").start().waitFor() == 0);
  }

  @AfterEach
  void stopDaemon() throws Exception {
    if (daemon != null) {
      signal("CONT");
      daemon.destroy(); // SIGTERM: the daemon stops its program, then exits
      if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
        daemon.destroyForcibly();
      }
    }
  }

  @Test
  void aRequestThatArrivesWhileTheDaemonIsLateIsAnsweredAsSent() throws Exception {
    // Three rounds: the daemon is frozen in its wait for a request nearly all the time, and each
    // round that catches it there dropped the request's first byte before the fix.
    for (int round = 0; round < 3; round++) {
      for (String action : List.of("status", "stop", "start")) {
        signal("STOP");
        Process ctl = ctl(action).start();
        await("request sent")
            .atMost(Duration.ofSeconds(30))
            .until(() -> requestWaiting() || !ctl.isAlive());
        // Not a timing assertion: holds the daemon until the request is written and the deadline
        // of the read it is frozen in (0.5 s) has passed.
        Thread.sleep(1000);
        signal("CONT");

        assertThat(ctl.waitFor(60, TimeUnit.SECONDS)).as("ctl %s answered", action).isTrue();
        String out = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(ctl.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ctl.exitValue()).as("ctl %s: %s%s", action, out, err).isZero();
        assertThat(out)
            .as("ctl %s", action)
            .contains(
                switch (action) {
                  case "status" -> "RUNNING";
                  case "stop" -> "run: stopped";
                  default -> "run: started";
                });
      }
    }
  }

  /** A ctl client has made its reply FIFO: its request follows at once. */
  private boolean requestWaiting() throws IOException {
    try (Stream<Path> files = Files.list(runDir)) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("reply."));
    }
  }

  private ProcessBuilder ctl(String action) {
    ProcessBuilder pb =
        new ProcessBuilder(busybox.toString(), "sh", script.toString(), "ctl", action, "run");
    pb.environment().put("SUPERVISORD_RUN_DIR", runDir.toString());
    return pb;
  }

  private void signal(String name) throws Exception {
    new ProcessBuilder(busybox.toString(), "kill", "-" + name, String.valueOf(daemon.pid()))
        .start()
        .waitFor(10, TimeUnit.SECONDS);
  }
}
