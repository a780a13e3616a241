package dev.deckhand.sandbox.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the API answers with a failure {@code metav1.Status}: the code, reason and message a
 * kube-apiserver would give, so clients (kubectl, fabric8, client-go) show the real cause.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int code;
  private final String reason;
  private final transient ObjectNode details;

  public ApiException(int code, String reason, String message) {
    this(code, reason, message, null);
  }

  public ApiException(int code, String reason, String message, ObjectNode details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  /** The {@code metav1.Status} body. */
  public ObjectNode status() {
    ObjectNode s = JSON.createObjectNode();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", getMessage());
    s.put("reason", reason);
    if (details != null) {
      s.set("details", details);
    }
    s.put("code", code);
    return s;
  }

  private static ObjectNode details(ResourceType type, String name) {
    ObjectNode d = JSON.createObjectNode();
    if (name != null) {
      d.put("name", name);
    }
    if (!type.group().isEmpty()) {
      d.put("group", type.group());
    }
    d.put("kind", type.plural());
    return d;
  }

  /** {@code pods "web" not found} */
  public static ApiException notFound(ResourceType type, String name) {
    return new ApiException(
        404, "NotFound", type.qualifiedName() + " \"" + name + "\" not found", details(type, name));
  }

  /** {@code namespaces "x" already exists} */
  public static ApiException alreadyExists(ResourceType type, String name) {
    return new ApiException(
        409,
        "AlreadyExists",
        type.qualifiedName() + " \"" + name + "\" already exists",
        details(type, name));
  }

  /** The optimistic-concurrency failure every real server gives for a stale resourceVersion. */
  public static ApiException conflict(ResourceType type, String name) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedName()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        details(type, name));
  }

  /** 422 with one cause per field, as {@code field.ErrorList} renders. */
  public static ApiException invalid(
      ResourceType type, String name, String field, String fieldMessage) {
    ObjectNode d = details(type, name);
    d.put("kind", type.kind());
    ObjectNode cause = d.putArray("causes").addObject();
    cause.put("reason", "FieldValueInvalid");
    cause.put("message", "Invalid value: " + fieldMessage);
    cause.put("field", field);
    return new ApiException(
        422,
        "Invalid",
        type.kind()
            + " \""
            + (name == null ? "" : name)
            + "\" is invalid: "
            + field
            + ": Invalid value: "
            + fieldMessage,
        d);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  public static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "MethodNotAllowed", message);
  }

  public static ApiException unsupportedMediaType(String contentType) {
    return new ApiException(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format: " + contentType);
  }

  public static ApiException internal(String message) {
    return new ApiException(500, "InternalError", "Internal error occurred: " + message);
  }
}
