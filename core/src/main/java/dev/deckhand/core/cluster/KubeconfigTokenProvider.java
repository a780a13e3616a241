package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * The bearer token of one kubeconfig user, read from its file each time fabric8 asks, so that an
 * {@code oc login} in a terminal (which rewrites the token in place) heals a running client at its
 * next request. The file is re-parsed only when its modification time or size changes; fabric8 asks
 * before every request.
 */
final class KubeconfigTokenProvider implements OAuthTokenProvider {
  private final Path file;
  private final String userName;

  private FileTime cachedTime;
  private long cachedSize = -1;
  private String cachedToken;

  KubeconfigTokenProvider(Path file, String userName) {
    this.file = file;
    this.userName = userName;
  }

  @Override
  public synchronized String getToken() {
    try {
      FileTime time = Files.getLastModifiedTime(file);
      long size = Files.size(file);
      if (!time.equals(cachedTime) || size != cachedSize) {
        cachedToken = readToken();
        cachedTime = time;
        cachedSize = size;
      }
    } catch (IOException | RuntimeException e) {
      // A file caught mid-rewrite or deleted: keep the last token; a 401 will say what is wrong.
    }
    return cachedToken;
  }

  private String readToken() throws IOException {
    for (JsonNode item : KubeconfigYaml.list(KubeconfigYaml.read(file), "users")) {
      if (userName.equals(KubeconfigYaml.text(item, "name"))) {
        JsonNode user = item.get("user");
        String token = KubeconfigYaml.text(user, "token");
        if (token != null) {
          return token;
        }
        String tokenFile = KubeconfigYaml.text(user, "tokenFile");
        if (tokenFile != null) {
          Path path = file.toAbsolutePath().getParent().resolve(tokenFile);
          return Files.readString(path, StandardCharsets.UTF_8).strip();
        }
        return null;
      }
    }
    return null;
  }

  /** Whether a user entry authenticates with a token this provider can re-read. */
  static boolean appliesTo(JsonNode userItem) {
    JsonNode user = userItem == null ? null : userItem.get("user");
    return KubeconfigYaml.text(user, "token") != null
        || KubeconfigYaml.text(user, "tokenFile") != null;
  }
}
