package dev.deckhand.core.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port as odo writes it in {@code Ports}: {@code "8080"} or {@code "8080/TCP"} (protocol
 * case-insensitive, TCP by default).
 */
public record PortSpec(int port, String protocol) {
  private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,5})\\s*(?:/\\s*(\\w+)\\s*)?");

  public PortSpec {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 1-65535");
    }
    if (!protocol.equals("TCP") && !protocol.equals("UDP")) {
      throw new IllegalArgumentException("protocol " + protocol + " is not TCP or UDP");
    }
  }

  /** Parses odo's port syntax; the message of the exception says what is wrong. */
  public static PortSpec parse(String text) {
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a port (expected a number such as 8080 or 8080/TCP)");
    }
    int port = Integer.parseInt(m.group(1));
    String protocol = m.group(2) == null ? "TCP" : m.group(2).toUpperCase(Locale.ROOT);
    return new PortSpec(port, protocol);
  }

  /** The container port name odo uses: {@code 8080-tcp}. */
  public String portName() {
    return port + "-" + protocol.toLowerCase(Locale.ROOT);
  }

  /** The canonical config form, {@code 8080/TCP}. */
  @Override
  public String toString() {
    return port + "/" + protocol;
  }
}
