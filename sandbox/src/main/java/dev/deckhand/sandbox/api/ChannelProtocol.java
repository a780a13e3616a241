package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes streaming channel protocol over websockets: each binary frame starts with a
 * channel byte. v4 is what fabric8 speaks; v5 (kubectl 1.30+) adds a close frame {@code {255, ch}}
 * so a client can half-close stdin.
 */
final class ChannelProtocol {
  static final String V5 = "v5.channel.k8s.io";
  static final String V4 = "v4.channel.k8s.io";
  static final List<String> SUPPORTED =
      List.of(V5, V4, "v3.channel.k8s.io", "v2.channel.k8s.io", "channel.k8s.io");

  static final byte STDIN = 0;
  static final byte STDOUT = 1;
  static final byte STDERR = 2;
  static final byte ERROR = 3;
  static final byte RESIZE = 4;
  static final byte CLOSE = (byte) 255;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChannelProtocol() {}

  static byte[] frame(byte channel, byte[] data, int length) {
    byte[] frame = new byte[length + 1];
    frame[0] = channel;
    System.arraycopy(data, 0, frame, 1, length);
    return frame;
  }

  /** The status document kubelets send on channel 3 when the command ends. */
  static byte[] exitStatus(int exitCode) {
    Map<String, Object> status;
    if (exitCode == 0) {
      status = Map.of("metadata", Map.of(), "status", "Success");
    } else {
      status =
          Map.of(
              "metadata",
              Map.of(),
              "status",
              "Failure",
              "message",
              "command terminated with non-zero exit code: exit status " + exitCode,
              "reason",
              "NonZeroExitCode",
              "details",
              Map.of("causes", List.of(Map.of("reason", "ExitCode", "message", "" + exitCode))));
    }
    return withChannel(ERROR, json(status));
  }

  /** A failure before the command ran (no such pod, container not running). */
  static byte[] failure(String message) {
    return withChannel(
        ERROR,
        json(
            Map.of(
                "metadata",
                Map.of(),
                "status",
                "Failure",
                "message",
                message,
                "reason",
                "InternalError")));
  }

  private static byte[] withChannel(byte channel, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return frame(channel, bytes, bytes.length);
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
