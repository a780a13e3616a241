package dev.deckhand.sandbox.api;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code pods/portforward}: websocket ({@code v4.channel.k8s.io}/{@code portforward.k8s.io}, as
 * fabric8 uses it), SPDY/3.1 upgrades, and SPDY tunnelled in websockets ({@code
 * SPDY/3.1+portforward.k8s.io}, kubectl 1.31+).
 */
final class PortForward {
  private PortForward() {}

  static void serve(
      Vertx vertx,
      HttpServerRequest req,
      String namespace,
      String pod,
      PortForwardBackend backend) {
    // Filled by the port-forward work of issue 11.
    ApiErrors.send(
        req.response(), 400, "BadRequest", "the sandbox does not serve port-forward yet");
  }
}
