package dev.deckhand.core.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a login into a kubeconfig file the way {@code oc login} does, so that {@code oc}, {@code
 * kubectl}, odo and Deckhand all see the same contexts: cluster {@code api-x:6443}, user {@code
 * <name>/api-x:6443}, context {@code <namespace>/api-x:6443/<name>}, made current. Every other
 * entry and field is kept.
 */
public final class KubeconfigLogin {
  /** {@code oc login} names the user this way when it could not ask the server who we are. */
  public static final String UNKNOWN_USER = "user";

  private KubeconfigLogin() {}

  public static LoginResult login(
      String server, String token, String namespaceOrNull, Path kubeconfigFile, boolean insecure)
      throws IOException {
    return login(server, token, namespaceOrNull, null, kubeconfigFile, insecure);
  }

  /**
   * @param usernameOrNull the user the server says the token belongs to, {@code null} if unknown
   * @throws IOException when the file cannot be written, or exists but is not a kubeconfig (it is
   *     then left alone rather than replaced)
   */
  public static LoginResult login(
      String server,
      String token,
      String namespaceOrNull,
      String usernameOrNull,
      Path kubeconfigFile,
      boolean insecure)
      throws IOException {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("a token is required");
    }
    String url = ServerUrls.normalize(server);
    String cluster = ServerUrls.clusterName(url);
    String username =
        usernameOrNull == null || usernameOrNull.isBlank() ? UNKNOWN_USER : usernameOrNull;
    String user = username + "/" + cluster;
    String namespace =
        namespaceOrNull == null || namespaceOrNull.isBlank()
            ? ClusterContext.DEFAULT_NAMESPACE
            : namespaceOrNull;
    String context = namespace + "/" + cluster + "/" + username;

    ObjectNode root = readOrEmpty(kubeconfigFile);
    root.put("apiVersion", "v1");
    root.put("kind", "Config");

    ObjectNode clusterBody = body(root, "clusters", cluster, "cluster");
    clusterBody.put("server", url);
    if (insecure) {
      clusterBody.put("insecure-skip-tls-verify", true);
    } else {
      // A login without the flag must not inherit an old one: verification back on.
      clusterBody.remove("insecure-skip-tls-verify");
    }
    body(root, "users", user, "user").put("token", token.strip());
    ObjectNode contextBody = body(root, "contexts", context, "context");
    contextBody.put("cluster", cluster);
    contextBody.put("user", user);
    contextBody.put("namespace", namespace);
    root.put("current-context", context);

    writeAtomically(kubeconfigFile, KubeconfigYaml.write(root));
    return new LoginResult(context, cluster, user, namespace, kubeconfigFile);
  }

  private static ObjectNode readOrEmpty(Path file) throws IOException {
    if (!Files.exists(file)) {
      return KubeconfigYaml.MAPPER.createObjectNode();
    }
    try {
      return KubeconfigYaml.read(file);
    } catch (IOException | RuntimeException e) {
      throw new IOException(
          file + " is not a readable kubeconfig; fix or move it, then log in again", e);
    }
  }

  /** The body of the named entry in a list, created when missing; other entries untouched. */
  private static ObjectNode body(ObjectNode root, String list, String name, String key) {
    JsonNode existing = root.get(list);
    ArrayNode items = existing instanceof ArrayNode a ? a : root.putArray(list);
    for (JsonNode item : items) {
      if (item instanceof ObjectNode object && name.equals(KubeconfigYaml.text(item, "name"))) {
        JsonNode body = object.get(key);
        return body instanceof ObjectNode b ? b : object.putObject(key);
      }
    }
    ObjectNode item = items.addObject();
    item.put("name", name);
    return item.putObject(key);
  }

  /**
   * Temp file in the same folder, owner-only from the start (the file holds a token), then renamed
   * over the old one: a reader such as a running {@code oc} never sees half a file.
   */
  private static void writeAtomically(Path file, String yaml) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path tmp =
        posix
            ? Files.createTempFile(
                dir,
                ".kubeconfig",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(dir, ".kubeconfig", ".tmp");
    try {
      Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
