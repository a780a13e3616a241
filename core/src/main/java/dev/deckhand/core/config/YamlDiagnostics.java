package dev.deckhand.core.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where a problem in a YAML document is, and how to say it to the person editing the file.
 *
 * <p>An instance knows the line numbers of a document's fields, keyed by dotted path ({@code
 * ComponentSettings.Ports[1]}), so that semantic errors found after parsing can still point at a
 * line. The static helpers turn Jackson's exceptions into the same dotted paths and plain messages.
 */
public final class YamlDiagnostics {
  private static final Pattern STRING_VALUE = Pattern.compile("String value \\('(.*)'\\)");

  private final Map<String, Integer> lines;

  private YamlDiagnostics(Map<String, Integer> lines) {
    this.lines = lines;
  }

  /** The line numbers of {@code yaml}; a syntax error leaves a partial (still useful) map. */
  public static YamlDiagnostics of(String yaml) {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser p = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = p.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME || token.isScalarValue() || token.isStructStart()) {
          String path = dotted(p.getParsingContext().pathAsPointer().toString());
          lines.putIfAbsent(path, p.currentTokenLocation().getLineNr());
        }
      }
    } catch (IOException e) {
      // The caller reports syntax errors from its own parse; a partial map is still useful.
    }
    return new YamlDiagnostics(lines);
  }

  /** The line of a field, or of the closest enclosing field that has one; 0 when unknown. */
  public int lineOf(String dottedPath) {
    String path = dottedPath;
    while (!path.isEmpty()) {
      Integer line = lines.get(path);
      if (line != null) {
        return line;
      }
      int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      path = cut < 0 ? "" : path.substring(0, cut);
    }
    return 0;
  }

  /** The line Jackson reports for {@code e}; 0 when it has none. */
  public static int errorLine(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  /** The dotted path ({@code types[1].s2i}) of the field a mapping error is about. */
  public static String fieldPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /**
   * A mapping error in the terms of the person editing the YAML: what the field expected and what
   * it found ("expected a whole number, found 'fast'"), never Jackson's Java types.
   */
  public static String problemOf(JsonMappingException e) {
    if (e.getCause() instanceof InputCoercionException) {
      return "the number is out of range (expected a whole number from "
          + Integer.MIN_VALUE
          + " to "
          + Integer.MAX_VALUE
          + ")";
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      return "expected " + expected(m.getTargetType()) + found(m);
    }
    String msg = e.getOriginalMessage();
    if (msg != null && msg.contains("Unrecognized field")) {
      return "unknown field";
    }
    // An exception from our own parsing (an unknown source type) carries its own plain words.
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof IllegalArgumentException && c.getMessage() != null) {
        return firstLine(c.getMessage());
      }
    }
    return "has a value of the wrong form";
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == short.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "a single value";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "a mapping (name: value lines)";
  }

  private static String found(MismatchedInputException e) {
    if (e instanceof InvalidFormatException f && f.getValue() != null) {
      return ", found '" + shorten(String.valueOf(f.getValue())) + "'";
    }
    JsonToken token = e.getProcessor() instanceof JsonParser p ? p.currentToken() : tokenNamedIn(e);
    if (token == null) {
      token = tokenNamedIn(e);
    }
    if (token == null) {
      return "";
    }
    String text = null;
    if (token.isScalarValue() && e.getProcessor() instanceof JsonParser p) {
      try {
        text = p.getText();
      } catch (IOException | RuntimeException ignored) {
        // the shape alone says enough
      }
    }
    if (text == null && token == JsonToken.VALUE_STRING && e.getOriginalMessage() != null) {
      Matcher quoted = STRING_VALUE.matcher(e.getOriginalMessage());
      text = quoted.find() ? quoted.group(1) : null;
    }
    return switch (token) {
      case START_ARRAY -> ", found a list";
      case START_OBJECT, FIELD_NAME -> ", found a mapping";
      case VALUE_STRING -> text == null ? ", found text" : ", found '" + shorten(text) + "'";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          text == null ? ", found a number" : ", found " + shorten(text);
      case VALUE_TRUE, VALUE_FALSE -> ", found " + (token == JsonToken.VALUE_TRUE);
      case VALUE_NULL -> ", found nothing";
      default -> "";
    };
  }

  // Jackson names the token it found in its message; used when the parser has moved on.
  private static JsonToken tokenNamedIn(MismatchedInputException e) {
    String msg = e.getOriginalMessage();
    if (msg == null) {
      return null;
    }
    if (msg.contains("from Array value") || msg.contains("got Array value")) {
      return JsonToken.START_ARRAY;
    }
    if (msg.contains("from Object value")) {
      return JsonToken.START_OBJECT;
    }
    if (msg.contains("from String value")) {
      return JsonToken.VALUE_STRING;
    }
    return null;
  }

  private static String shorten(String text) {
    String one = text.replaceAll("\\p{Cntrl}", " ");
    return one.length() <= 40 ? one : one.substring(0, 40) + "…";
  }

  /**
   * A syntax error as the YAML parser words it, without its excerpt of the file: "while scanning a
   * quoted scalar: found unexpected end of stream".
   */
  public static String syntaxProblem(JsonProcessingException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof MarkedYAMLException y) {
        String context = y.getContext();
        String problem = y.getProblem();
        if (context != null && problem != null) {
          return context + ": " + problem;
        }
        return problem != null ? problem : firstLine(String.valueOf(context));
      }
    }
    return e.getOriginalMessage() == null ? "cannot be parsed" : firstLine(e.getOriginalMessage());
  }

  /** The first line of a (possibly multi-line) message. */
  public static String firstLine(String message) {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** JSON pointer {@code /ComponentSettings/Ports/1} to {@code ComponentSettings.Ports[1]}. */
  private static String dotted(String pointer) {
    StringBuilder sb = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = part.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(name).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
    }
    return sb.toString();
  }
}
