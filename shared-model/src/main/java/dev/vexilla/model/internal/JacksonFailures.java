package dev.vexilla.model.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.vexilla.model.WirePayloadException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates Jackson failures into {@link WirePayloadException}s that name a JSON path and never quote payload text.
 *
 * <p>Not API, may change without notice.
 */
public final class JacksonFailures {

    private JacksonFailures() {}

    /**
     * Translates a failure raised while reading.
     *
     * @param mapper the mapper that read, for its limits
     * @param e the failure
     * @return the exception to throw
     */
    public static WirePayloadException toWirePayloadException(ObjectMapper mapper, IOException e) {
        IOException low = lowLevelCause(e);
        if (low != null) {
            String path = parserPath(low);
            if (path.equals("$") && e instanceof JsonMappingException) {
                path = referencePath(((JsonMappingException) e).getPath());
            }
            return new WirePayloadException(path, lowLevelProblem(mapper, low), e);
        }
        if (e instanceof JsonMappingException) {
            JsonMappingException jme = (JsonMappingException) e;
            String path = jme.getPath().isEmpty() ? parserPath(e) : referencePath(jme.getPath());
            return new WirePayloadException(path, mappingProblem(jme), e);
        }
        return new WirePayloadException("$", "unreadable input (" + e.getClass().getSimpleName() + ")", e);
    }

    /**
     * Returns the exception itself or the first cause that is a parser-level failure (syntax, end of input, read
     * limit), which databind may have wrapped.
     */
    private static @Nullable IOException lowLevelCause(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException
                    || (t instanceof JsonProcessingException && !(t instanceof JsonMappingException))) {
                return (IOException) t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String lowLevelProblem(ObjectMapper mapper, IOException e) {
        if (e instanceof StreamConstraintsException) {
            return limitProblem(mapper, e);
        }
        if (e instanceof JsonEOFException) {
            return "truncated JSON: unexpected end of input";
        }
        return "malformed JSON" + where(e);
    }

    /**
     * Builds the exception for a document that exceeds the maximum length before it is parsed.
     *
     * @param mapper the mapper whose limit was exceeded
     * @return the exception to throw
     */
    public static WirePayloadException documentTooLong(ObjectMapper mapper) {
        long max = mapper.getFactory().streamReadConstraints().getMaxDocumentLength();
        return new WirePayloadException("$", "document exceeds the maximum length of " + max + " bytes", null);
    }

    private static String mappingProblem(JsonMappingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException) {
            String message = e.getCause().getMessage();
            return message == null ? "invalid value" : message;
        }
        if (e instanceof InvalidFormatException) {
            return "expected " + describe(((InvalidFormatException) e).getTargetType());
        }
        if (e instanceof MismatchedInputException) {
            String original = e.getOriginalMessage();
            if (original != null && original.startsWith("expected ")) {
                return original;
            }
            if (original != null && original.startsWith("No content to map")) {
                return "empty document";
            }
            if (original != null && original.startsWith("Trailing token")) {
                return "unexpected content after the JSON value";
            }
            if (original != null && original.startsWith("Missing required creator property")) {
                return "is required";
            }
            Class<?> target = ((MismatchedInputException) e).getTargetType();
            if (target != null) {
                return "expected " + describe(target);
            }
        }
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "invalid value";
    }

    private static String limitProblem(ObjectMapper mapper, IOException e) {
        StreamReadConstraints c = mapper.getFactory().streamReadConstraints();
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Document length")) {
            return "document exceeds the maximum length of " + c.getMaxDocumentLength() + " bytes";
        }
        if (message.startsWith("Document nesting depth")) {
            return "document exceeds the maximum nesting depth of " + c.getMaxNestingDepth();
        }
        if (message.startsWith("String value length")) {
            return "string value exceeds the maximum length of " + c.getMaxStringLength() + " characters";
        }
        if (message.startsWith("Number value length")) {
            return "number exceeds the maximum length of " + c.getMaxNumberLength() + " digits";
        }
        return "document exceeds a read limit";
    }

    /**
     * Describes an expected Java type in JSON terms.
     *
     * @param type the target type
     * @return for example {@code "a string"}
     */
    public static String describe(@Nullable Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return "an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String where(IOException e) {
        if (e instanceof JsonProcessingException) {
            JsonLocation loc = ((JsonProcessingException) e).getLocation();
            if (loc != null && loc.getLineNr() > 0) {
                return " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            }
        }
        return "";
    }

    private static String referencePath(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder("$");
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                appendField(sb, ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFrom() instanceof Map) {
                sb.append("[?]");
            }
        }
        return sb.toString();
    }

    private static String parserPath(IOException e) {
        if (!(e instanceof JsonProcessingException)) {
            return "$";
        }
        Object processor = ((JsonProcessingException) e).getProcessor();
        if (!(processor instanceof JsonParser)) {
            return "$";
        }
        return contextPath(((JsonParser) processor).getParsingContext());
    }

    /**
     * Renders a parser context as a JSON path.
     *
     * @param ctx the context, may be {@code null}
     * @return a path such as {@code $.flags[2].key}
     */
    public static String contextPath(@Nullable JsonStreamContext ctx) {
        StringBuilder reversed = new StringBuilder();
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                StringBuilder sb = new StringBuilder();
                appendField(sb, c.getCurrentName());
                parts.push(sb.toString());
            }
        }
        reversed.append('$');
        for (String p : parts) {
            reversed.append(p);
        }
        return reversed.toString();
    }

    private static void appendField(StringBuilder sb, String name) {
        if (isSimpleName(name)) {
            sb.append('.').append(name);
        } else {
            sb.append("['")
                    .append(name.replace("\\", "\\\\").replace("'", "\\'"))
                    .append("']");
        }
    }

    private static boolean isSimpleName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c == '_' || c == '-' || c == '$' || Character.isLetterOrDigit(c);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
