package dev.deckhand.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/**
 * The CLI's logback.xml: libraries' lines (a dropped exec logged hundreds of fabric8/vert.x ERRORs
 * with stack traces, a missing credential plugin ~45 WARN lines) stay off the terminal and go to
 * the log file; Deckhand's own warnings still reach stderr (issue 10, defect 6).
 */
class LibraryLoggingTest {
  @TempDir Path logs;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream previousErr;
  private String previousDir;
  private LoggerContext context;

  @BeforeEach
  void configureTheShippedFile() throws Exception {
    previousErr = System.err;
    previousDir = System.getProperty("deckhand.log.dir");
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    System.setProperty("deckhand.log.dir", logs.toString());
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LibraryLoggingTest.class.getResource("/logback.xml"));
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .as("logback.xml is read without errors or warnings")
        .allSatisfy(s -> assertThat(s.getLevel()).as(s.toString()).isLessThan(Status.WARN));
  }

  @AfterEach
  void restore() {
    context.stop();
    System.setErr(previousErr);
    if (previousDir == null) {
      System.clearProperty("deckhand.log.dir");
    } else {
      System.setProperty("deckhand.log.dir", previousDir);
    }
  }

  @Test
  void libraryWarningsAndErrorsGoToTheLogFileOnly() throws IOException {
    Logger websocket = context.getLogger("io.fabric8.kubernetes.client.vertx.VertxWebSocket");
    Logger config = context.getLogger("io.fabric8.kubernetes.client.Config");
    websocket.error("Queued write did not succeed", new IOException("Connection was closed"));
    config.warn("Error executing exec credential plugin kubectl-oidc-login");
    context.getLogger("io.vertx.core.net.impl.ConnectionBase").warn("Connection reset");

    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    String file = Files.readString(logs.resolve("deckhand.log"));
    assertThat(file)
        .contains("Queued write did not succeed", "Connection was closed", "kubectl-oidc-login");
  }

  @Test
  void deckhandsOwnWarningsStillReachTheTerminal() {
    context.getLogger("dev.deckhand.core.watch.PushQueue").warn("push listener failed");

    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("push listener failed");
  }

  @Test
  void verboseShowsTheLibrariesOnTheTerminalToo() {
    LibraryLogging.toTerminal(context);

    context.getLogger("io.fabric8.kubernetes.client.Config").warn("exec plugin said no");

    assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("exec plugin said no");
  }
}
