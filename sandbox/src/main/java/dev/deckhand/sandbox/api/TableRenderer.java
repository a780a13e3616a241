package dev.deckhand.sandbox.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deckhand.sandbox.store.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * Server-side tables ({@code Accept: application/json;as=Table;g=meta.k8s.io;v=v1}): the columns
 * kubectl prints for each type on a real cluster, computed the way kube-apiserver's printers do.
 */
public final class TableRenderer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What a row carries besides its cells ({@code ?includeObject=}). */
  public enum IncludeObject {
    NONE,
    METADATA,
    OBJECT
  }

  private TableRenderer() {}

  /**
   * A {@code meta.k8s.io/v1 Table} of {@code objects}.
   *
   * @param resourceVersion the list's resourceVersion (goes into the table's metadata)
   * @param now the clock AGE columns count from
   */
  public static ObjectNode table(
      ResourceType type,
      List<ObjectNode> objects,
      String resourceVersion,
      IncludeObject include,
      Instant now) {
    // Filled by the tables work of issue 11; until then every type shows NAME and AGE.
    ObjectNode table = JSON.createObjectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", resourceVersion);
    ArrayNode columns = table.putArray("columnDefinitions");
    columns
        .addObject()
        .put("name", "Name")
        .put("type", "string")
        .put("format", "name")
        .put("priority", 0);
    columns.addObject().put("name", "Age").put("type", "string").put("priority", 0);
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode o : objects) {
      ObjectNode row = rows.addObject();
      row.putArray("cells").add(o.path("metadata").path("name").asText()).add("<unknown>");
      if (include == IncludeObject.OBJECT) {
        row.set("object", o);
      } else if (include == IncludeObject.METADATA) {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", o.path("metadata"));
      }
    }
    return table;
  }
}
