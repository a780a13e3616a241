package dev.deckhand.core.cluster;

/**
 * What a login needs: where and with which token. {@link #toString()} never shows the token, so a
 * request can be logged or put in an exception message safely.
 */
public record LoginRequest(String server, String token, boolean insecure) {
  @Override
  public String toString() {
    return "LoginRequest[server=" + server + ", token=<hidden>, insecure=" + insecure + "]";
  }
}
