package dev.deckhand.sandbox.api;

import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's HTTP front: a {@link MockWebServer} that runs its own Vert.x server so that it can
 * stream ({@code pods/exec} over websockets with v5 and large frames, {@code pods/log?follow}) and
 * answer discovery, while every other request goes to fabric8's CRUD dispatcher unchanged.
 */
final class SandboxWebServer extends MockWebServer {
  private static final Pattern POD_SUBRESOURCE =
      Pattern.compile("^/api/v1/namespaces/([^/]+)/pods/([^/]+)/(exec|log|attach|portforward)$");
  private static final int MAX_FRAME = 16 * 1024 * 1024;

  private final Vertx vertx = Vertx.vertx();
  private final Discovery discovery;
  private final ExecBackend exec;
  private final LogBackend logs;
  private final PortForwardBackend ports;
  private final OpenApi openApi;
  private final DetachedProcesses detached = new DetachedProcesses();
  private volatile Dispatcher dispatcher;
  private HttpServer server;
  private int port;
  private String host = "127.0.0.1";

  SandboxWebServer(Flavour flavour, ExecBackend exec, LogBackend logs, PortForwardBackend ports) {
    this.discovery = new Discovery(flavour);
    this.exec = exec;
    this.logs = logs;
    this.ports = ports;
    this.openApi =
        new OpenApi(dev.deckhand.sandbox.store.ResourceTypes.of(flavour == Flavour.OPENSHIFT));
  }

  @Override
  public void setDispatcher(Dispatcher dispatcher) {
    this.dispatcher = dispatcher;
    super.setDispatcher(dispatcher);
  }

  @Override
  public synchronized void start(InetAddress address, int requestedPort) {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    host = address.getHostAddress();
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(requestedPort)
            .setWebSocketSubProtocols(ChannelProtocol.SUPPORTED)
            .setMaxWebSocketFrameSize(MAX_FRAME)
            .setMaxWebSocketMessageSize(MAX_FRAME)
            .setHandle100ContinueAutomatically(true);
    HttpServerRequestHandler crud =
        new HttpServerRequestHandler(vertx) {
          @Override
          protected MockResponse onHttpRequest(RecordedRequest request) {
            MockResponse response = dispatcher.dispatch(request);
            // kubectl asks for protobuf first and trusts the content type it gets back.
            if (response.getWebSocketListener() == null
                && response.header("Content-Type") == null) {
              response.setHeader("Content-Type", "application/json");
            }
            return response;
          }
        };
    server = vertx.createHttpServer(options).requestHandler(req -> route(req, crud));
    server = await(server.listen(), "cannot listen on " + host + ":" + requestedPort);
    port = server.actualPort();
  }

  private void route(HttpServerRequest req, HttpServerRequestHandler crud) {
    String path = req.path();
    Matcher m = POD_SUBRESOURCE.matcher(path);
    if (m.matches()) {
      String ns = m.group(1);
      String pod = m.group(2);
      switch (m.group(3)) {
        case "exec" -> serveExec(req, ns, pod);
        case "log" -> LogStream.serve(vertx, req, logs, ns, pod, req.getParam("container"));
        case "portforward" -> PortForward.serve(vertx, req, ns, pod, ports);
        default ->
            ApiErrors.send(
                req.response(), 405, "MethodNotAllowed", m.group(3) + " is not supported");
      }
      return;
    }
    if (path.startsWith("/openapi/")) {
      Optional<OpenApi.Document> doc = openApi.answer(path);
      if (doc.isPresent()) {
        req.response()
            .putHeader("Content-Type", doc.get().contentType())
            .end(io.vertx.core.buffer.Buffer.buffer(doc.get().body()));
      } else {
        ApiErrors.send(req.response(), 404, "NotFound", "the server could not find " + path);
      }
      return;
    }
    if (req.method() == HttpMethod.GET && Discovery.looksLikeDiscovery(path)) {
      Optional<String> doc = discovery.answer(path);
      if (doc.isPresent()) {
        req.response().putHeader("Content-Type", "application/json").end(doc.get());
      } else {
        ApiErrors.send(req.response(), 404, "NotFound", "the server could not find " + path);
      }
      return;
    }
    crud.handle(req);
  }

  private void serveExec(HttpServerRequest req, String ns, String pod) {
    String upgrade = req.getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      ApiErrors.send(
          req.response(),
          400,
          "BadRequest",
          "the sandbox serves exec over websockets (v4/v5.channel.k8s.io), not SPDY");
      return;
    }
    List<String> command = req.params().getAll("command");
    if (command.isEmpty()) {
      ApiErrors.send(req.response(), 400, "BadRequest", "you must specify at least one command");
      return;
    }
    boolean stdin = "true".equals(req.getParam("stdin")) || "1".equals(req.getParam("stdin"));
    String container = req.getParam("container");
    req.toWebSocket()
        .onSuccess(
            ws -> ExecSession.start(vertx, ws, exec, detached, ns, pod, container, command, stdin))
        .onFailure(
            e -> ApiErrors.send(req.response(), 400, "BadRequest", "websocket: " + e.getMessage()));
  }

  @Override
  public int getPort() {
    return port;
  }

  @Override
  public String getHostName() {
    return host;
  }

  @Override
  public synchronized void shutdown() {
    if (server != null) {
      await(server.close(), "cannot stop the server");
      server = null;
    }
    Dispatcher d = dispatcher;
    if (d != null) {
      d.shutdown();
    }
    await(vertx.close(), "cannot stop Vert.x");
  }

  @Override
  public void close() {
    shutdown();
  }

  private static <T> T await(Future<T> future, String what) {
    CompletableFuture<T> done = new CompletableFuture<>();
    future.onComplete(
        r -> {
          if (r.succeeded()) {
            done.complete(r.result());
          } else {
            done.completeExceptionally(r.cause());
          }
        });
    try {
      return done.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(what + ": " + e.getMessage(), e);
    }
  }
}
