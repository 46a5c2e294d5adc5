package dev.benchwatch.workspace.file;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.List;

/**
 * Parses JSON text into a located {@link Json} tree with Jackson's streaming parser, which reports where
 * every token starts. Strict JSON: no comments, no trailing commas, one document.
 */
final class JsonSource {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final int MAX_DEPTH = 64;

    private JsonSource() {
    }

    /** The tree, or null with one error (bad syntax) added to {@code errors}; duplicate names are errors too. */
    static Json parse(String text, List<WorkspaceError> errors) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                errors.add(new WorkspaceError(1, 1, WorkspaceError.ROOT, "the file is empty; expected a JSON object"));
                return null;
            }
            Json root = value(parser, errors, WorkspaceError.ROOT, 0);
            if (parser.nextToken() != null) {
                Json.Location at = location(parser);
                errors.add(new WorkspaceError(at.line(), at.column(), WorkspaceError.ROOT,
                        "invalid JSON: more content after the end of the document; expected one JSON object"));
                return null;
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            WorkspaceError trailingComma = trailingComma(text, at);
            if (trailingComma != null) {
                errors.add(trailingComma);
                return null;
            }
            errors.add(new WorkspaceError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    WorkspaceError.ROOT, "invalid JSON: " + cleanMessage(e.getOriginalMessage())));
            return null;
        } catch (DepthException e) {
            errors.add(new WorkspaceError(e.at.line(), e.at.column(), e.path,
                    "invalid JSON: nested deeper than " + MAX_DEPTH + " levels"));
            return null;
        } catch (IOException e) {
            errors.add(new WorkspaceError(0, 0, WorkspaceError.ROOT, "cannot read the document: " + e.getMessage()));
            return null;
        }
    }

    private static Json value(JsonParser parser, List<WorkspaceError> errors, String path, int depth) throws IOException {
        Json.Location at = location(parser);
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                if (depth >= MAX_DEPTH) {
                    throw new DepthException(at, path);
                }
                Json.Obj object = new Json.Obj(at);
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    Json.Location nameAt = location(parser);
                    parser.nextToken();
                    String childPath = WorkspaceError.member(path, name);
                    Json child = value(parser, errors, childPath, depth + 1);
                    Json.Member earlier = object.members().get(name);
                    if (earlier != null) {
                        errors.add(new WorkspaceError(nameAt.line(), nameAt.column(), childPath,
                                "duplicate field '" + name + "' (first at line " + earlier.nameLocation().line()
                                        + "); expected each field once"));
                    } else {
                        object.members().put(name, new Json.Member(name, nameAt, child));
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                if (depth >= MAX_DEPTH) {
                    throw new DepthException(at, path);
                }
                Json.Arr array = new Json.Arr(at);
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, errors, WorkspaceError.index(path, index++), depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return new Json.Str(parser.getText(), at);
            }
            case VALUE_NUMBER_INT -> {
                return new Json.Num(parser.getText(), true, at);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new Json.Num(parser.getText(), false, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Json.Bool(token == JsonToken.VALUE_TRUE, at);
            }
            case VALUE_NULL -> {
                return new Json.Null(at);
            }
            default -> throw new JsonParseFailure(parser, "unexpected " + token);
        }
    }

    private static Json.Location location(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new Json.Location(at.getLineNr(), at.getColumnNr(), at.getCharOffset());
    }

    /** A clearer error for the most common mistake, a comma before a closing bracket: located at the comma. */
    private static WorkspaceError trailingComma(String text, JsonLocation at) {
        if (at == null || at.getCharOffset() < 0 || at.getCharOffset() >= text.length()) {
            return null;
        }
        int offset = (int) at.getCharOffset();
        char closing = text.charAt(offset);
        if (closing != ']' && closing != '}') {
            return null;
        }
        int comma = offset - 1;
        while (comma >= 0 && Character.isWhitespace(text.charAt(comma))) {
            comma--;
        }
        if (comma < 0 || text.charAt(comma) != ',') {
            return null;
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < comma; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new WorkspaceError(line, comma - lineStart + 1, WorkspaceError.ROOT,
                "invalid JSON: trailing comma before '" + closing + "'; expected another value, or remove the comma");
    }

    /** Jackson's message without the location it appends (we give the location separately). */
    static String cleanMessage(String message) {
        if (message == null) {
            return "malformed document";
        }
        return message.replaceAll("\\[Source: [^;]*; ", "[")
                .replace("\n", " ")
                .strip();
    }

    private static final class DepthException extends IOException {
        final transient Json.Location at;
        final String path;

        DepthException(Json.Location at, String path) {
            super("too deep");
            this.at = at;
            this.path = path;
        }
    }

    private static final class JsonParseFailure extends com.fasterxml.jackson.core.JsonParseException {
        JsonParseFailure(JsonParser parser, String message) {
            super(parser, message);
        }
    }
}
