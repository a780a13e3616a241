package dev.deckhand.sandbox.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Builds both images and runs an odo-style pod by hand with podman, the way the sandbox kubelet
 * will: PVC and emptyDir volumes, the two init containers, the go-init/supervisord app container;
 * then pushes a Node.js app like `odo push` does and checks what the user would see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OdoStylePodTest {

  /** Only this test's objects: other sessions may use the same podman store at the same time. */
  private static final String TEST_LABEL = "dev.deckhand.test=sandbox-images-it";

  // odo's copy-files-to-volume script (from jupyter-on-openshift's setup-volume.sh), bash.
  private static final String SETUP_VOLUME_SCRIPT =
      """
      set -e
      SRC=/opt/app-root
      DEST=/mnt/app-root
      if [ -f $DEST/.delete-volume ]; then
        rm -rf $DEST
      fi
      if [ -d $DEST ]; then
        if [ -f $DEST/.sync-volume ]; then
          if ! [[ "$JUPYTER_SYNC_VOLUME" =~ ^(false|no|n|0)$ ]]; then
            rsync -ar --ignore-existing $SRC/. $DEST
          fi
        fi
        exit
      fi
      if [ -d $DEST.setup-volume ]; then
        rm -rf $DEST.setup-volume
      fi
      mkdir -p $DEST.setup-volume
      tar -C $SRC -cf - . | tar -C $DEST.setup-volume -xvf -
      mv $DEST.setup-volume $DEST
      """;

  private static final Map<String, String> APP_ENV =
      Map.of(
          "ODO_S2I_SCRIPTS_URL", "/usr/libexec/s2i",
          "ODO_S2I_SCRIPTS_PROTOCOL", "image://",
          "ODO_S2I_SRC_BIN_PATH", "/tmp",
          "ODO_S2I_WORKING_DIR", "/opt/app-root/src",
          "ODO_S2I_BUILDER_IMG", "ubi8/nodejs-16",
          "ODO_SRC_BACKUP_DIR", "/opt/app-root/src-backup",
          "ODO_S2I_DEPLOYMENT_DIR", "",
          "DEBUG_PORT", "5858");

  private final Podman podman = new Podman();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final String pod = "deckhand-it-" + id;
  private final String app = pod + "-app";
  private int port;

  @BeforeAll
  void buildImagesAndStartPod() throws IOException {
    Assumptions.assumeTrue(
        podman.isInstalled(), "podman is not installed; skipping the sandbox image tests");
    podman.removeByLabel(TEST_LABEL);

    List<BuildResult> results = new SandboxImages(podman).build(false);
    results.forEach(r -> System.out.println("[images] " + r));

    port = freePort();
    String s2idata = pod + "-s2idata";
    String shared = pod + "-odo-shared";
    String appRoot = pod + "-s2idata-app-root";
    podman.check(labelled("volume", "create", s2idata));
    podman.check(labelled("volume", "create", shared));
    // Podman 4.3 has no volume subpath: a second volume bind-mounts the PVC's app-root dir. It is
    // mounted when the app container starts, after copy-files-to-volume has created the dir.
    String mountpoint = podman.check("volume", "inspect", "--format", "{{.Mountpoint}}", s2idata);
    podman.check(
        labelled(
            "volume",
            "create",
            "--opt",
            "type=none",
            "--opt",
            "o=bind",
            "--opt",
            "device=" + mountpoint + "/app-root",
            appRoot));
    podman.check(labelled("pod", "create", "--name", pod, "-p", "127.0.0.1:" + port + ":8080"));
    podman.check(
        labelled(
            "create",
            "--pod",
            pod,
            "--init-ctr",
            "always",
            "--name",
            pod + "-copy-files-to-volume",
            "-v",
            s2idata + ":/mnt",
            SandboxImages.NODEJS_BUILDER.toString(),
            "sh",
            "-c",
            SETUP_VOLUME_SCRIPT));
    podman.check(
        labelled(
            "create",
            "--pod",
            pod,
            "--init-ctr",
            "always",
            "--name",
            pod + "-copy-supervisord",
            "-v",
            shared + ":/opt/odo/",
            SandboxImages.ODO_INIT.toString(),
            "/usr/bin/cp",
            "-r",
            "/opt/odo-init/.",
            "/opt/odo/"));
    List<String> create =
        new ArrayList<>(
            List.of(
                "create",
                "--pod",
                pod,
                "--name",
                app,
                "-v",
                shared + ":/opt/odo/",
                "-v",
                appRoot + ":/opt/app-root",
                "--entrypoint",
                "/opt/odo/bin/go-init"));
    APP_ENV.forEach((k, v) -> create.addAll(List.of("-e", k + "=" + v)));
    create.addAll(
        List.of(
            SandboxImages.NODEJS_BUILDER.toString(),
            "-pre",
            "/opt/odo/bin/s2i-setup",
            "-main",
            "/opt/odo/bin/supervisord -c /opt/app-root/conf/supervisor.conf"));
    podman.check(labelled(create.toArray(String[]::new)));
    podman.check("pod", "start", pod);
    await("supervisord up")
        .atMost(Duration.ofSeconds(15))
        .until(() -> ctl("status").exitCode() == 3);
  }

  @AfterAll
  void cleanUp() {
    if (podman.isInstalled()) {
      podman.removeByLabel(TEST_LABEL);
    }
  }

  @Test
  @Order(1)
  void imagesAreUpToDateOnSecondBuildAndHaveOdoLayout() {
    assertThat(new SandboxImages(podman).build(false)).noneMatch(BuildResult::built);
    assertThat(podman.imageLabel(SandboxImages.NODEJS_BUILDER, "io.openshift.s2i.scripts-url"))
        .contains("image:///usr/libexec/s2i");
    assertThat(podman.imageLabel(SandboxImages.NODEJS_BUILDER, "name")).contains("ubi8/nodejs-16");
    assertThat(podman.imageLabel(SandboxImages.ODO_INIT, SandboxImages.HASH_LABEL)).isPresent();

    // The emptyDir as the app container sees it after copy-supervisord.
    String files =
        exec(
            "sh",
            "-c",
            "cd /opt/odo && ls bin conf language-scripts language-scripts/nodejs"
                + " language-scripts/java | tr '\\n' ' '");
    assertThat(files.split("\\s+"))
        .contains(
            "go-init",
            "supervisord",
            "assemble-and-restart",
            "run",
            "s2i-setup",
            "getlanguage",
            "busybox",
            "supervisor.conf",
            "image-mappings.json",
            "dev-assemble",
            "dev-run");
    assertThat(exec("/opt/odo/bin/busybox", "cat", "/opt/app-root/conf/supervisor.conf"))
        .contains("[program:run]", "command = /opt/odo/bin/run");
    assertThat(exec("sh", "-c", "node --version && npm --version")).startsWith("v");
  }

  @Test
  @Order(2)
  void getlanguageMapsBuilderImages() {
    assertThat(getlanguage("ubi8/nodejs-16")).isEqualTo("nodejs");
    assertThat(getlanguage("ubi8/openjdk-11")).isEqualTo("java");
    assertThat(getlanguage("redhat-openjdk-18/openjdk18-openshift")).isEqualTo("java");
    assertThat(getlanguage("docker.io/library/httpd")).isEmpty();
  }

  @Test
  @Order(3)
  void pushAssemblesAndServesTheApp() {
    push("v1");
    assertThat(get()).isEqualTo("hello v1");
    assertThat(exec("/opt/odo/bin/busybox", "cat", "/opt/app-root/conf/supervisor.conf"))
        .contains("autostart=true")
        .doesNotContain("autostart=false");
  }

  @Test
  @Order(4)
  void secondPushServesTheNewVersion() {
    push("v2");
    await().atMost(Duration.ofSeconds(10)).until(() -> "hello v2".equals(get()));
  }

  @Test
  @Order(5)
  void supervisorRestartsAKilledApp() {
    String before = ctl("status").stdout();
    assertThat(before).contains("RUNNING");
    exec("sh", "-c", "kill -9 $(pidof node)");
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> ctl("status").stdout().contains("RUNNING") && "hello v2".equals(get()));
    assertThat(ctl("status").stdout()).doesNotContain(pidOf(before));
    // The app's own output and the supervisor's account of the restart are in the container log.
    Podman.Result logs = podman.run(List.of("logs", app)).orThrow();
    assertThat(logs.stdout()).contains("listening, v2");
    assertThat(logs.stderr()).contains("exited: run (exit status 137; not expected)");
  }

  @Test
  @Order(6)
  void ctlStopStartAndStatus() {
    Podman.Result stop = ctl("stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    Podman.Result stopped = ctl("status");
    assertThat(stopped.exitCode()).isEqualTo(3);
    assertThat(stopped.stdout()).contains("STOPPED");
    assertThat(get()).isNull();
    Podman.Result start = ctl("start");
    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(ctl("status").stdout()).containsPattern("run\\s+RUNNING\\s+pid \\d+");
    await().atMost(Duration.ofSeconds(5)).until(() -> "hello v2".equals(get()));

    Podman.Result unknown =
        podman.run(List.of("exec", app, "/opt/odo/bin/supervisord", "ctl", "status", "nosuch"));
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.stdout()).contains("no such process");
  }

  @Test
  @Order(7)
  void ctlWithoutSupervisordFailsClearly() {
    Podman.Result r =
        podman.run(
            List.of(
                "run",
                "--rm",
                "--label",
                TEST_LABEL,
                SandboxImages.ODO_INIT.toString(),
                "/opt/odo-init/bin/busybox",
                "sh",
                "/opt/odo-init/bin/supervisord",
                "ctl",
                "stop",
                "run"));
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.stderr()).contains("supervisord is not running");
  }

  @Test
  @Order(8)
  void goInitRunsPreThenMainSplittingOnWhitespace() {
    Podman.Result ok =
        podman.run(
            List.of("exec", app, "/opt/odo/bin/go-init", "-pre", "true", "-main", "echo a   b"));
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.stdout().strip()).isEqualTo("a b");
    Podman.Result preFails =
        podman.run(
            List.of("exec", app, "/opt/odo/bin/go-init", "-pre", "false", "-main", "echo main"));
    assertThat(preFails.exitCode()).isEqualTo(1);
    assertThat(preFails.stdout()).doesNotContain("main");
  }

  @Test
  @Order(9)
  void podRestartStartsTheAppByItself() {
    long start = System.nanoTime();
    podman.check("pod", "stop", "-t", "10", pod);
    // go-init forwards SIGTERM and supervisord stops the app: no 10 s wait for SIGKILL.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    podman.check("pod", "start", pod);
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "hello v2".equals(get()));
  }

  // --- helpers -------------------------------------------------------------------------------

  private String[] labelled(String... args) {
    // The label goes right after the subcommand ("volume create", "pod create", "create").
    List<String> list = new ArrayList<>(List.of(args));
    int at = list.get(0).equals("create") ? 1 : 2;
    list.addAll(
        at, List.of("--label", TEST_LABEL, "--label", SandboxImages.SANDBOX_LABEL + "=true"));
    return list.toArray(String[]::new);
  }

  private void push(String version) {
    byte[] tar =
        tar(
            Map.of(
                "server.js",
                "const http = require('http');\n"
                    + "http.createServer((req, res) => res.end('hello "
                    + version
                    + "'))\n"
                    + "  .listen(8080, () => console.log('listening, "
                    + version
                    + "'));\n",
                "package.json",
                "{\"name\":\"hello\",\"version\":\"1.0.0\",\"main\":\"server.js\"}\n"));
    podman
        .run(
            List.of("exec", "-i", app, "tar", "xf", "-", "-C", "/tmp/src"),
            tar,
            Duration.ofSeconds(30))
        .orThrow();
    Podman.Result build =
        podman.run(
            List.of("exec", app, "/opt/odo/bin/assemble-and-restart"),
            null,
            Duration.ofSeconds(60));
    assertThat(build.exitCode()).as("assemble-and-restart:\n" + build.stderr()).isZero();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> ("hello " + version).equals(get()));
  }

  private static byte[] tar(Map<String, String> files) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // 10240-byte records, as odo's Go tar writer pads: receiving tars stop at the end marker.
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out, 10240)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  private Podman.Result ctl(String action) {
    return podman.run(
        List.of("exec", app, "/opt/odo/bin/supervisord", "ctl", action, "run"),
        null,
        Duration.ofSeconds(30));
  }

  private String exec(String... command) {
    List<String> args = new ArrayList<>(List.of("exec", app));
    args.addAll(List.of(command));
    return podman.run(args, null, Duration.ofSeconds(30)).orThrow().stdout().strip();
  }

  private String getlanguage(String builderImage) {
    return exec("env", "ODO_S2I_BUILDER_IMG=" + builderImage, "/opt/odo/bin/getlanguage");
  }

  /** The body of GET / or null when the app does not answer. */
  private String get() {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(1))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body().strip() : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static String pidOf(String status) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("pid (\\d+)").matcher(status);
    return m.find() ? "pid " + m.group(1) + "," : "<no pid>";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
